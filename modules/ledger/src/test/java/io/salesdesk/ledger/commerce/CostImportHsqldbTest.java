package io.salesdesk.ledger.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.commerce.cost.CostEntry;
import io.salesdesk.commerce.cost.CostKind;
import io.salesdesk.commerce.cost.CostService;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.imports.DuplicateDecision;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPreview;
import io.salesdesk.ledger.imports.ImportRequest;
import io.salesdesk.ledger.imports.ImportResult;
import io.salesdesk.ledger.imports.LedgerFixture;
import io.salesdesk.ledger.imports.TestLedgers;
import io.salesdesk.ledger.imports.UndoResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing a cost ledger (费用台账) on a real HSQLDB, as {@code salesdesk import FILE --entity costs} does. */
class CostImportHsqldbTest {

    @TempDir
    Path dir;

    Database db;
    LedgerFixture f;
    Actor admin;
    UUID customer;
    final Clock clock = Clock.fixed(Instant.parse("2026-04-10T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dir.resolve("db"));
        f = new LedgerFixture(db, clock);
        admin = f.admin.asActor();
        customer = Ids.newId(clock);
        db.transaction(cfg -> CustomerRepository.using(cfg, clock, code -> code).insertAll(null,
                ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"), List.of(new CustomerRepository.NewCustomer(
                        customer, new CustomerDraft("杭州西湖医院", null, Tier.B, "HOSPITAL", "330106", null, null,
                                f.wang.id()), CompanyName.normalise("杭州西湖医院"), null, null, null))));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aCostLedgerIsImportedCheckedAndCanBeUndone() {
        Path ledger = TestLedgers.xlsx(dir.resolve("费用台账.xlsx"), "费用", List.of("日期", "费用类型", "费用细类", "金额",
                "客户名称", "渠道", "工时", "小时费率", "计量方式", "备注"), List.of(
                List.<Object>of("2026-03-01", "获客", "市场活动", "1200.50", "杭州西湖医院", "展会", "", "", "分摊", "春季展会"),
                List.<Object>of("2026-03-02", "售前", "", "", "杭州西湖医院", "展会", "7.5", "333.33", "实计", "方案演示"),
                List.<Object>of("2026-03-03", "差旅", "", "800", "不存在医院", "", "", "", "", ""),
                List.<Object>of("2026-03-04", "差旅", "运费", "300", "杭州西湖医院", "", "", "", "", "")));

        ImportPreview preview = f.imports.preview(ledger, ImportRequest.of("costs")
                .withOnDuplicate(DuplicateDecision.SKIP).withSkipInvalid(true), admin, ImportMonitor.NONE);

        assertThat(preview.problems()).extracting(CellProblem::rowNumber, CellProblem::messageKey)
                // Rows count from the top of the sheet: a title row, then the header.
                .containsExactlyInAnyOrder(tuple(6, "ledger.import.unknownCustomer"), tuple(7, "cost.subkind.wrongKind"));
        ImportResult result = f.imports.commit(preview, admin, ImportMonitor.NONE);
        assertThat(result.counts().created()).isEqualTo(2);
        List<CostEntry> costs = new CostService(db, clock).forCustomer(admin, customer);
        assertThat(costs).extracting(CostEntry::kind, e -> e.amount().toPlainString(), CostEntry::incurredOn)
                .containsExactlyInAnyOrder(tuple(CostKind.ACQUISITION, "1200.50", LocalDate.of(2026, 3, 1)),
                        tuple(CostKind.PRESALES, "2499.98", LocalDate.of(2026, 3, 2)));

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(2);
        assertThat(new CostService(db, clock).totalsForCustomer(admin, customer).total())
                .isEqualTo(new BigDecimal("0.00"));
    }
}
