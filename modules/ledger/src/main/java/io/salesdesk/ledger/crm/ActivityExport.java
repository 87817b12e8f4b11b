package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Activity;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.CustomerActivity;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.imports.ExportTarget;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.model.ActivityLedger;
import io.salesdesk.ledger.model.CustomerReference;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.LedgerField;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;

/**
 * Exports the follow-ups of the customers the viewer sees as a ledger (跟进记录) under the headers
 * the importer recognises, with a drop-down on 跟进方式 and hidden customer and follow-up ids: adding
 * rows in Excel and importing the file back appends only the new follow-ups.
 */
public final class ActivityExport implements ExportTarget {

    /** The visible headers, in order. */
    static final List<String> HEADERS = List.of("客户名称", "跟进时间", "跟进方式", "跟进内容", "联系人", "跟进人",
            "时长(分钟)", "跟进结果", "下一步", "下次跟进时间");
    private static final int KIND_COLUMN = 2;

    private final Database db;
    private final Clock clock;

    /** An exporter over the follow-ups of {@code db}. */
    public ActivityExport(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public LedgerEntity entity() {
        return ActivityLedger.ENTITY;
    }

    @Override
    public int export(Actor viewer, CustomerQuery query, Path out, ImportMonitor monitor) {
        // No version column: follow-ups are never edited, only appended and removed.
        List<String> hidden = List.of(label(CustomerReference.ID), label("id"));
        try (LedgerSheet sheet = new LedgerSheet("跟进记录", HEADERS, hidden,
                new int[] {36, 18, 10, 50, 12, 12, 10, 20, 30, 14})) {
            sheet.dropDown(KIND_COLUMN, ActivityKinds.labels());
            int count = db.transactionResult(cfg -> {
                ActivityRepository activities = ActivityRepository.using(cfg, clock);
                int total = activities.count(viewer, query);
                ExportProgress progress = new ExportProgress(monitor, total);
                activities.forEach(viewer, query, row -> {
                    write(sheet, sheet.newRow(), row);
                    progress.row();
                });
                return progress.finish();
            });
            sheet.writeTo(out);
            return count;
        }
    }

    private static void write(LedgerSheet sheet, Row row, CustomerActivity entry) {
        Activity a = entry.activity();
        int col = 0;
        sheet.text(row, col++, entry.customerName());
        sheet.dateTime(row, col++, a.occurredAt());
        sheet.text(row, col++, ActivityKinds.label(a.kind()));
        sheet.text(row, col++, a.note());
        sheet.text(row, col++, a.contactName());
        sheet.text(row, col++, a.ownerName());
        sheet.number(row, col++, a.durationMinutes());
        sheet.text(row, col++, a.outcome());
        sheet.text(row, col++, a.nextStep());
        sheet.date(row, col++, a.nextFollowUpOn());
        sheet.text(row, col++, a.customerId().toString());
        sheet.text(row, col, a.id().toString());
    }

    private static String label(String field) {
        return ActivityLedger.ENTITY.field(field).map(LedgerField::labelZh).orElseThrow();
    }
}
