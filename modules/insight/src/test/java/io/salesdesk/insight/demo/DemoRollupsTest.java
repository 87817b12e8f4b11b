package io.salesdesk.insight.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.commerce.demo.DemoCatalogue;
import io.salesdesk.commerce.demo.DemoFinance;
import io.salesdesk.crm.ActivityDayRepository;
import io.salesdesk.crm.CustomerFirstWonRepository;
import io.salesdesk.crm.LeadKpiDayRepository;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.dispatch.demo.DemoLeads;
import io.salesdesk.workflow.approval.ContractKpiDayRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo writes some rows past the repositories (backdated drafting, worked leads); the KPI
 * roll-ups it leaves must still equal a recount, or the dashboard shows the demo wrong figures.
 */
class DemoRollupsTest {

    private static final Map<String, String> KEYS = Map.of("activity_day", "day, owner_id, kind, short_minutes",
            "activity_month", "month_no, owner_id, kind, short_minutes",
            "lead_kpi_day", "day, owner_id, responded, response_minutes",
            "lead_kpi_month", "month_no, owner_id, responded, response_minutes", "contract_kpi_day", "day, owner_id",
            "customer_first_won", "customer_id, owner_id");

    @TempDir
    Path dir;

    @Test
    void theDemosKpiRollUpsEqualARecount() {
        try (Database db = TestDatabases.hsqldb(dir)) {
            new DemoWorkspace(db, DemoForecastsTest.CLOCK).create(42, 300);
            new DemoLeads(db, DemoForecastsTest.CLOCK).create(42);
            new DemoCatalogue(db, DemoForecastsTest.CLOCK).create(42);
            new DemoFinance(db, DemoForecastsTest.CLOCK, dir.resolve("attachments")).create(42);
            new DemoKpis(db, DemoForecastsTest.CLOCK).create(42);
            new DemoForecasts(db, DemoForecastsTest.CLOCK, dir.resolve("attachments")).create(42);
            Map<String, List<String>> kept = new java.util.HashMap<>();
            KEYS.forEach((table, key) -> kept.put(table, rows(db, table, key)));
            assertThat(kept.get("lead_kpi_day")).isNotEmpty();
            assertThat(kept.get("contract_kpi_day")).isNotEmpty();
            db.transaction(cfg -> {
                ActivityDayRepository.using(cfg).rebuild();
                LeadKpiDayRepository.using(cfg).rebuild();
                ContractKpiDayRepository.using(cfg).rebuild();
                CustomerFirstWonRepository.using(cfg).rebuild();
            });
            KEYS.forEach((table, key) -> assertThat(kept.get(table)).as(table).isEqualTo(rows(db, table, key)));
        }
    }

    /** The rows that count something (a delta can leave a row at zero), as text in key order. */
    private static List<String> rows(Database db, String table, String key) {
        String counting = switch (table) {
            case "activity_day", "activity_month" -> "activities <> 0";
            case "lead_kpi_day", "lead_kpi_month" -> "leads <> 0";
            case "contract_kpi_day" -> "contracts <> 0";
            default -> "1 = 1";
        };
        return db.transactionResult(cfg -> DSL.using(cfg).fetch("select * from " + table + " where " + counting
                + " order by " + key).stream().map(r -> {
                    StringBuilder b = new StringBuilder();
                    for (Object o : r.intoArray()) {
                        b.append(o instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                                : o instanceof OffsetDateTime t ? t.toInstant().toString() : String.valueOf(o)).append('|');
                    }
                    return b.toString();
                }).toList());
    }
}
