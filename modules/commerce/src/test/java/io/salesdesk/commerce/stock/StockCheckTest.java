package io.salesdesk.commerce.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.salesdesk.commerce.CommerceFixture;
import io.salesdesk.commerce.freeze.OrderFreeze;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stock check of an opportunity in 温州 on a real HSQLDB: serving warehouses by region, the
 * shortage, ranked substitutes with stock and ETA, the check kept and the freeze it starts, and the
 * check again at order time.
 */
class StockCheckTest {

    @TempDir
    Path dataDir;

    Database db;
    CommerceFixture f;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    Product m8;
    Product m7;
    Product m9;
    Product probe;
    Warehouse wenzhou;
    Warehouse zhejiang;
    Warehouse hangzhou;
    UUID hospital;
    UUID deal;

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new CommerceFixture(db, clock);
        m8 = f.product("MON-M8", "监护仪", "38000", "26000");
        m7 = f.product("MON-M7", "监护仪", "32000", "22000");
        m9 = f.product("MON-M9", "监护仪", "45000", "30000");
        probe = f.product("US-P5", "超声", "9000", "5000");
        f.substitutes(m8, m9, m7);
        wenzhou = f.warehouse("WZ01", CommerceFixture.WENZHOU);
        zhejiang = f.warehouse("ZJ01", CommerceFixture.ZHEJIANG);
        hangzhou = f.warehouse("HZ01", CommerceFixture.HANGZHOU);
        hospital = f.customer("温州鹿城人民医院", CommerceFixture.LUCHENG);
        deal = f.deal(hospital, "监护仪 10 台");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static OpportunityLine.Draft line(Product p, String qty) {
        return new OpportunityLine.Draft(p.id(), new BigDecimal(qty));
    }

    @Test
    void availableIsSummedOverTheWarehousesServingTheCustomerOnly() {
        f.stock(m8, wenzhou, "4", null, null);
        f.stock(m8, zhejiang, "3", null, null);
        f.stock(m8, hangzhou, "50", null, null);
        f.stock.reserve(f.admin, m8.id(), zhejiang.id(), new BigDecimal("1"));

        StockCheck check = f.lines.save(f.rep, deal, List.of(line(m8, "6"))).check();

        assertThat(check.hasShortage()).isFalse();
        assertThat(check.lines()).singleElement().satisfies(l -> {
            assertThat(l.available()).isEqualByComparingTo("6");
            assertThat(l.shortage()).isEqualByComparingTo("0");
            assertThat(l.substitutes()).isEmpty();
        });
        assertThat(f.stock.servingWarehouses(CommerceFixture.LUCHENG)).extracting(Warehouse::code)
                .containsExactly("WZ01", "ZJ01");
    }

    @Test
    void aShortMainModelOffersItsRankedSubstitutesWithTheirStockAndArrival() {
        f.stock(m8, wenzhou, "2", "20", LocalDate.of(2026, 12, 15));
        f.stock(m8, zhejiang, "0", "5", LocalDate.of(2026, 12, 8));
        f.stock(m9, wenzhou, "12", null, null);
        f.stock(m7, zhejiang, "3", "10", LocalDate.of(2026, 12, 20));
        f.stock(m7, hangzhou, "40", null, null);
        f.stock(probe, wenzhou, "5", null, null);

        StockCheck check = f.lines.save(f.rep, deal, List.of(line(m8, "10"), line(probe, "2"))).check();

        assertThat(check.hasShortage()).isTrue();
        LineCheck monitor = check.lines().get(0);
        assertThat(monitor.sku()).isEqualTo("MON-M8");
        assertThat(monitor.available()).isEqualByComparingTo("2");
        assertThat(monitor.shortage()).isEqualByComparingTo("8");
        assertThat(monitor.inbound()).isEqualByComparingTo("25");
        assertThat(monitor.earliestEta()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(monitor.substitutes()).extracting(SubstituteOption::rank, SubstituteOption::sku,
                        s -> s.available().intValue(), SubstituteOption::covers, SubstituteOption::earliestEta)
                .containsExactly(tuple(1, "MON-M9", 12, true, null),
                        tuple(2, "MON-M7", 3, false, LocalDate.of(2026, 12, 20)));
        assertThat(check.lines().get(1).isShort()).isFalse();
    }

    @Test
    void theCheckIsKeptOnTheOpportunityAndReadBackAsItWas() {
        f.stock(m8, wenzhou, "1", "9", LocalDate.of(2026, 12, 15));
        f.stock(m9, wenzhou, "12", null, null);
        StockCheck saved = f.lines.save(f.rep, deal, List.of(line(m8, "3"), line(m8, "2"))).check();

        StockCheck kept = f.lines.lastCheck(f.rep, deal).orElseThrow();

        assertThat(kept.lines()).isEqualTo(saved.lines());
        assertThat(kept.hasShortage()).isTrue();
        assertThat(kept.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("5"));
        assertThat(f.lines.lines(f.rep, deal)).extracting(OpportunityLine::lineNo, OpportunityLine::sku)
                .containsExactly(tuple(1, "MON-M8"), tuple(2, "MON-M8"));
    }

    @Test
    void aShortageFreezesTheShortCategoryForTheCustomer() {
        f.stock(m8, wenzhou, "1", null, null);
        f.stock(probe, wenzhou, "9", null, null);

        List<OrderFreeze> frozen = f.lines.save(f.rep, deal, List.of(line(m8, "3"), line(probe, "1"))).freezes();

        assertThat(frozen).extracting(OrderFreeze::category).containsExactly("监护仪");
        assertThat(frozen.get(0).reason()).contains("MON-M8 2");
        assertThat(frozen.get(0).heldUntil()).isEqualTo(frozen.get(0).heldFrom().plusHours(72));
        assertThat(f.freezes.isFrozen(hospital, "监护仪")).isTrue();
        assertThat(f.freezes.isFrozen(hospital, "超声")).isFalse();
    }

    @Test
    void savingReplacesTheLinesAndRefusesBadOnes() {
        f.lines.save(f.rep, deal, List.of(line(m8, "3"), line(m7, "1")));
        f.lines.save(f.rep, deal, List.of(line(m9, "2")));

        assertThat(f.lines.lines(f.rep, deal)).extracting(OpportunityLine::sku).containsExactly("MON-M9");
        assertThatThrownBy(() -> f.lines.save(f.rep, deal, List.of(line(m9, "0"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactly("opportunityLine.quantity.notPositive"));
    }

    @Test
    void reservingForTheOrderTakesStockFromTheServingWarehouses() {
        f.stock(m8, wenzhou, "4", null, null);
        f.stock(m8, zhejiang, "7", null, null);
        f.lines.save(f.rep, deal, List.of(line(m8, "10")));

        List<Reservation> reserved = f.lines.reserveForOrder(f.rep, deal);

        assertThat(reserved).extracting(Reservation::warehouseCode, r -> r.quantity().intValue())
                .containsExactly(tuple("ZJ01", 7), tuple("WZ01", 3));
        assertThat(f.stock.level(m8.id(), wenzhou.id()).orElseThrow().available()).isEqualByComparingTo("1");
        assertThat(f.stock.level(m8.id(), zhejiang.id()).orElseThrow().reserved()).isEqualByComparingTo("7");
    }

    @Test
    void stockTakenBySomeoneElseAfterTheCheckIsFoundAtCommitAndNothingIsReserved() {
        f.stock(m8, wenzhou, "10", null, null);
        f.stock(probe, wenzhou, "5", null, null);
        StockCheck check = f.lines.save(f.rep, deal, List.of(line(probe, "2"), line(m8, "8"))).check();
        assertThat(check.hasShortage()).isFalse();

        // Another order takes monitors between the check and this order.
        f.stock.reserve(f.admin, m8.id(), wenzhou.id(), new BigDecimal("5"));

        assertThatThrownBy(() -> f.lines.reserveForOrder(f.rep, deal))
                .isInstanceOfSatisfying(StockShortageException.class, e -> {
                    assertThat(e.shortages()).extracting(StockShortageException.Shortage::sku,
                            s -> s.wanted().intValue(), s -> s.available().intValue())
                            .containsExactly(tuple("MON-M8", 8, 5));
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("MON-M8 8 > 5").contains("未做任何预留");
                });
        assertThat(f.stock.level(probe.id(), wenzhou.id()).orElseThrow().reserved())
                .as("all or nothing: the probe line was not reserved either").isEqualByComparingTo("0");
    }

    @Test
    void aPreviewChecksUnsavedLinesWithoutKeepingOrFreezing() {
        f.stock(m8, wenzhou, "1", null, null);

        StockCheck preview = f.lines.preview(CommerceFixture.LUCHENG, List.of(line(m8, "4")));

        assertThat(preview.hasShortage()).isTrue();
        assertThat(f.lines.lastCheck(f.rep, deal)).isEmpty();
        assertThat(f.freezes.active(hospital)).isEmpty();
    }
}
