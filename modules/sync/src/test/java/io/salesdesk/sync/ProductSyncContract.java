package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.product.ProductRepository;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.commerce.freeze.OrderFreezeService;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteDraft;
import io.salesdesk.commerce.quote.QuoteLineDraft;
import io.salesdesk.commerce.quote.QuoteService;
import io.salesdesk.crm.Customer;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product catalogue comes down from the head office: a replica of 华东大区 has the hub's products
 * and substitutes from its creation, takes a new price, a new product and a retirement on the next
 * sync, and edits none itself. A hub (the subclass's database) and a replica on a real HSQLDB file.
 */
abstract class ProductSyncContract {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));
    private Database hubDb;
    private SyncFixture org;
    private LocalHub hub;
    private Database replica;
    private Actor hubAdmin;
    private Product monitor;
    private Product probe;

    abstract Database openHub(Path hubDir);

    @BeforeEach
    void setUp() {
        hubDb = openHub(dir.resolve("hub"));
        org = new SyncFixture(hubDb, clock);
        hub = new LocalHub(hubDb, clock);
        hubAdmin = new Actor(org.zhang.id(), "总部管理员", Role.ADMIN, org.company.path());
        ProductService products = products(hubDb);
        monitor = products.create(hubAdmin, draft("JH-M100", "康瑞 M100 监护仪", "监护仪", "18800.00", "12000.00"));
        probe = products.create(hubAdmin, draft("JH-P20", "康瑞 P20 血氧探头", "耗材", "380.50", "150.00"));
        monitor = products.setSubstitutes(hubAdmin, monitor.id(), monitor.version(), List.of(probe.id()));
    }

    @AfterEach
    void tearDown() {
        for (Database db : new Database[] {replica, hubDb}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void aNewReplicaHasTheHubsCatalogueWithItsSubstitutes() {
        createReplica();

        assertThat(products(replica).list(null, null, false))
                .containsExactlyInAnyOrderElementsOf(products(hubDb).list(null, null, false));
        assertThat(products(replica).bySku("JH-P20").orElseThrow().listPrice()).isEqualByComparingTo("380.50");
        assertThat(products(replica).substitutes(monitor.id())).extracting(Product::sku).containsExactly("JH-P20");
    }

    @Test
    void aPriceChangeANewProductAndARetirementAtTheHubArriveOnTheNextSync() {
        createReplica();
        ProductService atHub = products(hubDb);
        atHub.update(hubAdmin, monitor.id(), monitor.version(),
                draft("JH-M100", "康瑞 M100 监护仪", "监护仪", "17600.00", "11800.00"));
        Product ultrasound = atHub.create(hubAdmin, draft("CS-U9", "康瑞 U9 超声", "超声", "268000.00", "190000.00"));
        atHub.deactivate(hubAdmin, probe.id(), probe.version());
        // Offline, the replica still quotes the old price.
        assertThat(products(replica).find(monitor.id()).orElseThrow().listPrice()).isEqualByComparingTo("18800.00");

        sync();

        ProductService here = products(replica);
        assertThat(here.find(monitor.id()).orElseThrow().listPrice()).isEqualByComparingTo("17600.00");
        assertThat(here.find(monitor.id()).orElseThrow().costPrice()).isEqualByComparingTo("11800.00");
        assertThat(here.bySku("CS-U9").orElseThrow().id()).isEqualTo(ultrasound.id());
        // Retired, not gone: it leaves the pickers and stays for the quotes that name it.
        assertThat(here.find(probe.id()).orElseThrow().active()).isFalse();
        assertThat(here.list(null, null, true)).extracting(Product::sku).containsExactlyInAnyOrder("JH-M100", "CS-U9");
        assertThat(here.list(null, null, false))
                .containsExactlyInAnyOrderElementsOf(atHub.list(null, null, false));
    }

    @Test
    void substitutesChangedAtTheHubArriveAndSkusSwappedBetweenSyncsDoNotCollide() {
        createReplica();
        ProductService atHub = products(hubDb);
        Product m = atHub.setSubstitutes(hubAdmin, monitor.id(), monitor.version(), List.of());
        Product p = atHub.setSubstitutes(hubAdmin, probe.id(), probe.version(), List.of(monitor.id()));
        // Two codes swapped by way of a third, all between two syncs.
        m = atHub.update(hubAdmin, m.id(), m.version(), draft("TMP", m.name(), m.category(), "18800.00", "12000.00"));
        atHub.update(hubAdmin, p.id(), p.version(), draft("JH-M100", p.name(), p.category(), "380.50", "150.00"));
        atHub.update(hubAdmin, m.id(), m.version(), draft("JH-P20", m.name(), m.category(), "18800.00", "12000.00"));

        sync();

        ProductService here = products(replica);
        assertThat(here.bySku("JH-P20").orElseThrow().id()).isEqualTo(monitor.id());
        assertThat(here.bySku("JH-M100").orElseThrow().id()).isEqualTo(probe.id());
        assertThat(here.substitutes(monitor.id())).isEmpty();
        assertThat(here.substitutes(probe.id())).extracting(Product::id).containsExactly(monitor.id());
    }

    @Test
    void theReplicaRefusesEveryEditOfTheCatalogueAndChangesNothing() {
        createReplica();
        ProductService here = products(replica);
        Actor eastManager = new Actor(org.li.id(), "李二", Role.MANAGER, org.east.path());
        List<Product> before = here.list(null, null, false);

        assertThat(here.editedHere()).isFalse();
        assertThat(products(hubDb).editedHere()).isTrue();
        refused(() -> here.create(eastManager, draft("BD-1", "本地产品", "监护仪", "1.00", "1.00")));
        refused(() -> here.update(eastManager, monitor.id(), monitor.version(),
                draft("JH-M100", "康瑞 M100 监护仪", "监护仪", "1.00", "1.00")));
        refused(() -> here.deactivate(eastManager, monitor.id(), monitor.version()));
        refused(() -> here.activate(eastManager, monitor.id(), monitor.version()));
        refused(() -> here.setSubstitutes(eastManager, probe.id(), products(replica).find(probe.id()).orElseThrow()
                .version(), List.of(monitor.id())));

        assertThat(here.list(null, null, false)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(here.substitutes(probe.id())).isEmpty();
        assertThat(replica.dsl().fetchCount(PRODUCT)).isEqualTo(2);
    }

    @Test
    void aProductMadeOnTheReplicaBeforeTheRuleKeepsItsSkuAndTheSyncGoesOn() {
        createReplica();
        // Made on the laptop before products were edited at the head office only.
        java.util.UUID own = replica.transactionResult(cfg -> ProductRepository.using(cfg, clock).insert(
                org.li.asActor(), ChangeReason.user(), Ids.newId(clock),
                draft("BD-9", "本地监护仪", "监护仪", "100.00", "50.00")));
        ProductService atHub = products(hubDb);
        atHub.create(hubAdmin, draft("BD-9", "总部同码产品", "监护仪", "200.00", "90.00"));
        atHub.update(hubAdmin, monitor.id(), monitor.version(),
                draft("JH-M100", "康瑞 M100 监护仪", "监护仪", "17600.00", "11800.00"));

        sync();

        assertThat(products(replica).bySku("BD-9").orElseThrow().id()).isEqualTo(own);
        assertThat(products(replica).find(monitor.id()).orElseThrow().listPrice()).isEqualByComparingTo("17600.00");
    }

    @Test
    void aQuoteIsPricedOfflineFromTheHubsCatalogueAndNumberedWithTheBranchsCode() {
        createReplica();
        Customer hospital = org.create(replica, org.wang, "苏州姑苏人民医院");
        QuoteService quotes = new QuoteService(replica, clock, new OrderFreezeService(replica, clock));

        Quote quote = quotes.create(org.wang.asActor(), new QuoteDraft(hospital.id(), null, null, null,
                List.of(new QuoteLineDraft(monitor.id(), new BigDecimal("2"), null, null))));

        assertThat(quote.totalList()).isEqualByComparingTo("37600.00");
        String node = new SyncService(replica, clock).node().nodeId().toString();
        assertThat(quote.quoteNo()).isEqualTo("BJ-2026-" + node.substring(node.length() - 6).toUpperCase(Locale.ROOT)
                + "-0001");
    }

    private void createReplica() {
        replica = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("r1")), org.east.id(), clock,
                SyncService.DEFAULT_PAGE);
    }

    private void sync() {
        new SyncService(replica, clock).sync(hub);
    }

    private ProductService products(Database db) {
        return new ProductService(db, clock);
    }

    private static ProductDraft draft(String sku, String name, String category, String list, String cost) {
        return new ProductDraft(sku, name, category, "台", new BigDecimal(list), new BigDecimal(cost));
    }

    private static void refused(ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CommerceException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("product.atHeadOffice");
            assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).startsWith("这台电脑是分支副本");
        });
    }
}
