package io.salesdesk.commerce.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.commerce.collection.Ageing;
import io.salesdesk.commerce.collection.CollectionService;
import io.salesdesk.commerce.contract.ContractService;
import io.salesdesk.commerce.contract.ContractStatus;
import io.salesdesk.commerce.cost.CostService;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo finance on a small demo workspace: receivables in every ageing bucket, costs of every kind. */
class DemoFinanceTest {

    @TempDir
    Path dir;

    @Test
    void theDemoFillsEveryAgeingBucketAndEveryCostKind() {
        TestClock clock = new TestClock(Instant.parse("2026-06-15T02:00:00Z"));
        try (Database db = TestDatabases.hsqldb(dir.resolve("db"))) {
            new DemoWorkspace(db, clock).create(20260101L, 2000); // the size of the workspace the app makes on first start

            DemoFinance.Summary summary = new DemoFinance(db, clock, dir.resolve("attachments")).create(20260101L);

            Actor admin = new UserService(db, clock).all().stream().filter(u -> u.role() == Role.ADMIN).findFirst()
                    .orElseThrow().asActor();
            assertThat(summary.contracts()).isEqualTo(24);
            assertThat(summary.signed()).isGreaterThan(10);
            assertThat(summary.invoices()).isPositive();
            assertThat(summary.payments()).isPositive();
            Ageing ageing = new CollectionService(db, clock).ageing(admin);
            assertThat(List.of(ageing.notDue(), ageing.upTo30(), ageing.upTo60(), ageing.upTo90(), ageing.over90()))
                    .allSatisfy(bucket -> assertThat(bucket).isGreaterThan(BigDecimal.ZERO));
            assertThat(new ContractService(db, clock, dir).list(admin, null, null)).extracting(c -> c.status())
                    .contains(ContractStatus.DRAFT, ContractStatus.IN_APPROVAL, ContractStatus.EXECUTING);
            List<String> kinds = db.transactionResult(cfg -> DSL.using(cfg)
                    .selectDistinct(DSL.field("kind", String.class)).from(DSL.table("cost_entry"))
                    .fetch(r -> r.value1()));
            assertThat(kinds).containsExactlyInAnyOrder("ACQUISITION", "PRESALES", "TRAVEL", "FULFILMENT");
            assertThat(new CostService(db, clock).cacByChannel(admin, Rows.now(clock).toLocalDate().minusYears(1),
                    Rows.now(clock).toLocalDate())).extracting(c -> c.group())
                    .containsAnyOf("展会", "官网", "渠道代理", "老客户转介绍");
        }
    }
}
