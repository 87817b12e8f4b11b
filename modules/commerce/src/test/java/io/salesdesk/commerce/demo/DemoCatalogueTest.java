package io.salesdesk.commerce.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.commerce.freeze.OrderFreeze;
import io.salesdesk.commerce.freeze.OrderFreezeService;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteService;
import io.salesdesk.commerce.quote.QuoteStatus;
import io.salesdesk.commerce.stock.LineCheck;
import io.salesdesk.commerce.stock.OpportunityLines;
import io.salesdesk.commerce.stock.StockCheck;
import io.salesdesk.commerce.stock.StockService;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCatalogueTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void theDemoHasTheWenzhouScenarioAFreezeAndAQuoteWaitingForApproval(@TempDir Path dir) {
        try (Database db = TestDatabases.hsqldb(dir)) {
            new DemoWorkspace(db, clock).create(7, 300);

            DemoCatalogue.Summary summary = new DemoCatalogue(db, clock).create(7);

            assertThat(summary.products()).isEqualTo(30);
            assertThat(new ProductService(db, clock).categories()).hasSize(6);
            assertThat(summary.shortDeals()).isEqualTo(1);
            assertThat(summary.freezes()).isEqualTo(1);
            assertThat(summary.checkedDeals()).isGreaterThan(3);
            OrderFreezeService freezes = new OrderFreezeService(db, clock);
            List<OrderFreeze> active = freezes.allActive();
            assertThat(active).singleElement().satisfies(f -> assertThat(f.category()).isEqualTo("监护仪"));

            Actor admin = new UserService(db, clock).byUsername("admin").orElseThrow().asActor();
            StockService stock = new StockService(db, clock, new RegionService(db));
            OpportunityLines lines = new OpportunityLines(db, clock, freezes, stock);
            StockCheck check = lines.lastCheck(admin, active.get(0).opportunityId()).orElseThrow();
            assertThat(check.regionCode()).startsWith("3303");
            LineCheck m8 = check.shortLines().get(0);
            assertThat(m8.sku()).isEqualTo("MON-M8");
            assertThat(m8.available()).isEqualByComparingTo("0");
            assertThat(m8.earliestEta()).isEqualTo(LocalDate.of(2026, 12, 6));
            assertThat(m8.substitutes().get(0).sku()).isEqualTo("MON-M9");
            assertThat(m8.substitutes().get(0).covers()).isTrue();

            QuoteService quotes = new QuoteService(db, clock, freezes);
            List<Quote> all = active.isEmpty() ? List.of() : summaryQuotes(db, quotes);
            assertThat(all).extracting(Quote::status).contains(QuoteStatus.SENT, QuoteStatus.NEEDS_APPROVAL);
        }
    }

    private static List<Quote> summaryQuotes(Database db, QuoteService quotes) {
        return db.transactionResult(cfg -> org.jooq.impl.DSL.using(cfg).select(io.salesdesk.db.jooq.Tables.QUOTE.ID)
                .from(io.salesdesk.db.jooq.Tables.QUOTE).fetch(r -> r.value1())).stream()
                .map(id -> quotes.find(id).orElseThrow()).toList();
    }
}
