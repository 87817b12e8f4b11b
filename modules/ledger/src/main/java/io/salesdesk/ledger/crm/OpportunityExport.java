package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.imports.ExportTarget;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.model.CustomerLedger;
import io.salesdesk.ledger.model.CustomerReference;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.LedgerField;
import io.salesdesk.ledger.model.OpportunityLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;

/**
 * Exports the deals the viewer sees on the customers of the list as a ledger (商机) under the
 * headers the importer recognises: stages by their Chinese names with a drop-down, amounts in yuan,
 * and hidden customer id, deal id and version columns, so editing the file in Excel and importing
 * it back updates the same deals and reports those changed meanwhile.
 */
public final class OpportunityExport implements ExportTarget {

    /** The visible headers, in order. */
    static final List<String> HEADERS = List.of("客户名称", "商机名称", "阶段", "金额", "预计成交日期", "赢率",
            "产品", "负责人", "赢单/输单原因");
    private static final int STAGE_COLUMN = 2;

    private final Database db;
    private final Clock clock;

    /** An exporter over the opportunities of {@code db}. */
    public OpportunityExport(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public LedgerEntity entity() {
        return OpportunityLedger.ENTITY;
    }

    @Override
    public int export(Actor viewer, CustomerQuery query, Path out, ImportMonitor monitor) {
        List<String> hidden = List.of(label(CustomerReference.ID), label(CustomerLedger.ID),
                label(CustomerLedger.VERSION));
        try (LedgerSheet sheet = new LedgerSheet("商机", HEADERS, hidden, new int[] {36, 30, 12, 16, 14, 8, 30, 12, 30})) {
            int count = db.transactionResult(cfg -> {
                OpportunityRepository opportunities = OpportunityRepository.using(cfg, clock);
                OpportunityStages stages = new OpportunityStages(opportunities.stages());
                sheet.dropDown(STAGE_COLUMN, stages.labels());
                ExportProgress progress = new ExportProgress(monitor, opportunities.count(viewer, query));
                opportunities.forEach(viewer, query, deal -> {
                    write(sheet, sheet.newRow(), deal, stages);
                    progress.row();
                });
                return progress.finish();
            });
            sheet.writeTo(out);
            return count;
        }
    }

    private static void write(LedgerSheet sheet, Row row, Opportunity o, OpportunityStages stages) {
        int col = 0;
        sheet.text(row, col++, o.customerName());
        sheet.text(row, col++, o.name());
        sheet.text(row, col++, stages.code(o.stage()).nameZh());
        sheet.money(row, col++, o.amount());
        sheet.date(row, col++, o.expectedCloseOn());
        sheet.number(row, col++, o.probability());
        sheet.text(row, col++, o.products());
        sheet.text(row, col++, o.ownerName());
        sheet.text(row, col++, o.closeReason());
        sheet.text(row, col++, o.customerId().toString());
        sheet.text(row, col++, o.id().toString());
        sheet.number(row, col, o.version());
    }

    private static String label(String field) {
        return OpportunityLedger.ENTITY.field(field).map(LedgerField::labelZh).orElseThrow();
    }
}
