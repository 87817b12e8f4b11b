package io.salesdesk.insight.forecast;

import static io.salesdesk.insight.forecast.ForecastFixture.Q4;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitor MON-1 in 2026 Q4: 王一's deal (50 %) plans 20 → 10, 李二's (70 %) plans 5 → 3.5, so Zhejiang
 * expects 13.5; the Hangzhou warehouse (serving two Zhejiang cities, counted once) has 10 on hand,
 * 2 reserved and 3 inbound. 张三's deal (50 %) has no lines but a sent quote of 10 → Jiangsu 5 (an
 * older quote of 99 and a rejected one of 77 do not count), against 100 in the Suzhou warehouse.
 */
class ProcurementServiceTest {

    @TempDir
    Path dir;
    Database db;
    ForecastFixture f;
    ProcurementService procurement;
    UUID monitor;

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dir);
        f = new ForecastFixture(db);
        procurement = new ProcurementService(db, f.clock);
        monitor = f.product("MON-1");
        UUID hz = f.warehouse("HZ", "330100", "330200");
        UUID sz = f.warehouse("SZ", "320500");
        f.stock(monitor, hz, "10", "2", "3");
        f.stock(monitor, sz, "100", "0", "0");
        UUID wangDeal = f.deal(f.org.wang, f.wangCustomer, "QUOTE", "100000", 50, LocalDate.of(2026, 11, 30));
        f.opportunityLine(wangDeal, monitor, "20");
        UUID liDeal = f.deal(f.org.li, f.liCustomer, "NEGOTIATION", "50000", 70, LocalDate.of(2026, 12, 20));
        f.opportunityLine(liDeal, monitor, "5");
        UUID lostDeal = f.deal(f.org.li, f.liCustomer, "LOST", "50000", 0, LocalDate.of(2026, 12, 20));
        f.opportunityLine(lostDeal, monitor, "50");
        UUID zhangDeal = f.deal(f.org.zhang, f.zhangCustomer, "QUOTE", "30000", 50, LocalDate.of(2026, 12, 1));
        OffsetDateTime now = OffsetDateTime.now(f.clock);
        f.quote(zhangDeal, f.org.zhang, f.zhangCustomer, "SENT", now.minusDays(10), monitor, "99");
        f.quote(zhangDeal, f.org.zhang, f.zhangCustomer, "SENT", now.minusDays(2), monitor, "10");
        f.quote(zhangDeal, f.org.zhang, f.zhangCustomer, "REJECTED", now.minusDays(1), monitor, "77");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ProcurementLine line(List<ProcurementLine> lines, String province) {
        return lines.stream().filter(l -> province.equals(l.regionCode())).findFirst().orElseThrow();
    }

    @Test
    void forecastQuantityPerSkuAndProvinceAgainstStockAndInbound() {
        List<ProcurementLine> lines = procurement.lines(f.org.admin.asActor(), Q4);
        assertThat(lines).hasSize(2);
        ProcurementLine zj = line(lines, "330000");
        assertThat(zj.sku()).isEqualTo("MON-1");
        assertThat(zj.forecast()).isEqualByComparingTo("13.5");
        assertThat(zj.available()).isEqualByComparingTo("8");
        assertThat(zj.inbound()).isEqualByComparingTo("3");
        // 13.5 + 0 - 8 - 3 = 2.5 → 3
        assertThat(zj.suggestedOrder()).isEqualByComparingTo("3");
        ProcurementLine js = line(lines, "320000");
        assertThat(js.forecast()).isEqualByComparingTo("5");
        assertThat(js.suggestedOrder()).isEqualByComparingTo("0");
    }

    @Test
    void theSkusOwnSafetyStockWinsOverTheGlobalOne() {
        procurement.setDefaultSafetyStock(f.org.admin.asActor(), new BigDecimal("4"));
        // 13.5 + 4 - 11 = 6.5 → 7
        assertThat(line(procurement.lines(f.org.admin.asActor(), Q4), "330000").suggestedOrder())
                .isEqualByComparingTo("7");
        procurement.setSafetyStock(f.org.admin.asActor(), monitor, new BigDecimal("6"));
        // 13.5 + 6 - 11 = 8.5 → 9; Jiangsu: 5 + 6 - 100 → 0
        List<ProcurementLine> lines = procurement.lines(f.org.admin.asActor(), Q4);
        assertThat(line(lines, "330000").suggestedOrder()).isEqualByComparingTo("9");
        assertThat(line(lines, "330000").safetyStock()).isEqualByComparingTo("6");
        assertThat(line(lines, "320000").suggestedOrder()).isEqualByComparingTo("0");
    }

    @Test
    void aRepForecastsOnlyTheirOwnDeals() {
        List<ProcurementLine> lines = procurement.lines(f.org.wang.asActor(), Q4);
        assertThat(lines).singleElement().satisfies(l -> assertThat(l.forecast()).isEqualByComparingTo("10"));
    }
}
