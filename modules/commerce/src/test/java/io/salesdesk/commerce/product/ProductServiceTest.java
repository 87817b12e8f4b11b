package io.salesdesk.commerce.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.CommerceFixture;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue on a real HSQLDB. */
class ProductServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    CommerceFixture f;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new CommerceFixture(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aProductIsCreatedTrimmedAndAudited() {
        Product p = f.products.create(f.admin, new ProductDraft(" MON-M8 ", "多参数监护仪 M8", "监护仪", null,
                new BigDecimal("38000.005"), new BigDecimal("26000")));

        assertThat(p.sku()).isEqualTo("MON-M8");
        assertThat(p.unit()).isEqualTo("台");
        assertThat(p.listPrice()).isEqualTo("38000.01");
        assertThat(p.active()).isTrue();
        List<ChangeEntry> trail = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(p.id()));
        assertThat(trail).singleElement().satisfies(e -> assertThat(e.changes()).containsKeys("sku", "listPrice"));
    }

    @Test
    void theSkuIsUnique() {
        f.product("MON-M8", "监护仪", "1", "1");
        assertThatThrownBy(() -> f.product("MON-M8", "超声", "2", "2"))
                .isInstanceOfSatisfying(CommerceException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("product.sku.taken"));
    }

    @Test
    void pricesMayNotBeNegativeAndCategorySkuAndNameAreRequired() {
        assertThatThrownBy(() -> f.products.create(f.admin, new ProductDraft("", " ", null, "台",
                new BigDecimal("-1"), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(pr -> pr.messageKey()).containsExactly("product.sku.required",
                                "product.name.required", "product.category.required", "product.price.negative",
                                "product.costPrice.required"));
    }

    @Test
    void anUpdateOnAStaleVersionIsRefusedNotOverwritten() {
        Product p = f.product("MON-M8", "监护仪", "38000", "26000");
        f.products.update(f.admin, p.id(), p.version(), new ProductDraft("MON-M8", "新名称", "监护仪", "台",
                new BigDecimal("39000"), new BigDecimal("26000")));

        assertThatThrownBy(() -> f.products.update(f.manager, p.id(), p.version(), p.toDraft()))
                .isInstanceOf(StaleRecordException.class);
        assertThat(f.products.find(p.id()).orElseThrow().listPrice()).isEqualTo("39000.00");
    }

    @Test
    void substitutesKeepTheirRankAndMayNotBeTheProductItself() {
        Product m8 = f.product("MON-M8", "监护仪", "38000", "26000");
        Product m9 = f.product("MON-M9", "监护仪", "45000", "30000");
        Product m7 = f.product("MON-M7", "监护仪", "32000", "22000");

        f.substitutes(m8, m7, m9);
        assertThat(f.products.substitutes(m8.id())).extracting(Product::sku).containsExactly("MON-M7", "MON-M9");
        f.substitutes(m8, m9, m7);
        assertThat(f.products.substitutes(m8.id())).extracting(Product::sku).containsExactly("MON-M9", "MON-M7");

        Product now = f.products.find(m8.id()).orElseThrow();
        assertThatThrownBy(() -> f.products.setSubstitutes(f.admin, m8.id(), now.version(), List.of(m8.id())))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aDeactivatedProductLeavesTheActiveList() {
        Product p = f.product("MON-M8", "监护仪", "38000", "26000");
        f.products.deactivate(f.admin, p.id(), p.version());

        assertThat(f.products.list(null, null, true)).isEmpty();
        assertThat(f.products.list("m8", null, false)).extracting(Product::active).containsExactly(false);
    }

    @Test
    void aProductsHistorySaysWhoChangedWhichFieldAndWhen() {
        Product p = f.product("MON-M8", "监护仪", "38000", "26000");
        clock.advance(java.time.Duration.ofMinutes(5));
        f.products.update(f.manager, p.id(), p.version(), new ProductDraft(p.sku(), p.name(), p.category(), p.unit(),
                new BigDecimal("39000"), p.costPrice()));

        List<ChangeEntry> history = f.products.history(p.id());
        assertThat(history).hasSize(2);
        assertThat(history.get(1).changedBy()).isEqualTo(f.manager.userId());
        assertThat(history.get(1).changedAt().toInstant()).isEqualTo(clock.instant());
        assertThat(history.get(1).changes()).containsOnlyKeys("listPrice");
        assertThat(f.products.history(java.util.UUID.randomUUID())).isEmpty();
    }
}
