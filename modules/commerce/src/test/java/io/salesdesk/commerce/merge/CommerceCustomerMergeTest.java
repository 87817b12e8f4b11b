package io.salesdesk.commerce.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.commerce.CommerceFixture;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteDraft;
import io.salesdesk.commerce.quote.QuoteLineDraft;
import io.salesdesk.crm.merge.CustomerMergeResult;
import io.salesdesk.crm.merge.CustomerMergeService;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A customer merge moves the merged customer's quotes through commerce's registered mover. */
class CommerceCustomerMergeTest {

    @TempDir
    Path dataDir;

    Database db;
    CommerceFixture f;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dataDir);
        f = new CommerceFixture(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theMergedCustomersQuotesMoveToTheSurvivor() {
        Product monitor = f.product("MON-M8", "监护仪", "38000.00", "26000.00");
        UUID survivor = f.customer("温州鹿城人民医院", CommerceFixture.LUCHENG);
        UUID merged = f.customer("温州市鹿城区人民医院", CommerceFixture.LUCHENG);
        Quote quote = f.quotes.create(f.rep, new QuoteDraft(merged, null, null, null,
                List.of(new QuoteLineDraft(monitor.id(), new BigDecimal("2"), null, null))));
        CustomerMergeService merges = new CustomerMergeService(db, clock, f.org.regions, f.org.customers,
                CustomerMergeService.registered());

        CustomerMergeResult result = merges.merge(f.manager, survivor, version(survivor), merged, version(merged),
                Set.of());

        assertThat(result.moved()).containsEntry("quote", 1);
        assertThat(f.quotes.find(quote.id()).orElseThrow().customerId()).isEqualTo(survivor);
    }

    @Test
    void undoGivesTheQuotesBack() {
        Product monitor = f.product("MON-M8", "监护仪", "38000.00", "26000.00");
        UUID survivor = f.customer("温州鹿城人民医院", CommerceFixture.LUCHENG);
        UUID merged = f.customer("温州市鹿城区人民医院", CommerceFixture.LUCHENG);
        Quote quote = f.quotes.create(f.rep, new QuoteDraft(merged, null, null, null,
                List.of(new QuoteLineDraft(monitor.id(), new BigDecimal("2"), null, null))));
        CustomerMergeService merges = new CustomerMergeService(db, clock, f.org.regions, f.org.customers,
                CustomerMergeService.registered());
        CustomerMergeResult result = merges.merge(f.manager, survivor, version(survivor), merged, version(merged),
                Set.of());

        var undo = merges.undo(f.manager, result.mergeId());

        assertThat(undo.movedBack().movedBack()).containsEntry("quote", 1);
        assertThat(undo.left()).isEmpty();
        assertThat(f.quotes.find(quote.id()).orElseThrow().customerId()).isEqualTo(merged);
    }

    private long version(UUID customer) {
        return f.org.customers.open(f.admin, customer).orElseThrow().customer().version();
    }
}
