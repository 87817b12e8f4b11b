package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadFilter;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.imports.ExportTarget;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.model.LeadLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;

/**
 * Exports the leads the viewer sees as a lead ledger (线索): first the columns the importer reads
 * back (name, contact, phone, address, region, industry, tier, source, note), then what dispatch
 * and the reps made of each lead — status, owner, when and why it was assigned, first response —
 * which the importer leaves alone. Edited in Excel and imported with "update duplicates", the
 * rows update the same leads, matched by name and phone.
 */
public final class LeadExport implements ExportTarget {

    static final List<String> HEADERS = List.of("名称", "联系人", "电话", "地址", "区域", "行业", "等级", "来源", "备注",
            "状态", "负责人", "分配时间", "分配原因", "首次响应(分钟)", "创建时间");
    private static final Map<LeadStatus, String> STATUS = Map.of(LeadStatus.NEW, "待分配", LeadStatus.ASSIGNED, "已分配",
            LeadStatus.CONTACTED, "已联系", LeadStatus.QUALIFIED, "有效", LeadStatus.CONVERTED, "已转化",
            LeadStatus.DISQUALIFIED, "无效");

    private final Database db;
    private final Clock clock;
    private final RegionService regions;

    public LeadExport(Database db, Clock clock, RegionService regions) {
        this.db = db;
        this.clock = clock;
        this.regions = regions;
    }

    @Override
    public io.salesdesk.ledger.model.LedgerEntity entity() {
        return LeadLedger.ENTITY;
    }

    /** Every lead the viewer sees; leads belong to no customer, so the customer query does not apply. */
    @Override
    public int export(Actor viewer, CustomerQuery query, Path out, ImportMonitor monitor) {
        return export(viewer, LeadFilter.all(), out, monitor);
    }

    /**
     * Writes the leads the viewer sees through the leads list's filter.
     *
     * @return how many leads were written
     */
    public int export(Actor viewer, LeadFilter filter, Path out, ImportMonitor monitor) {
        try (LedgerSheet sheet = new LedgerSheet("线索", HEADERS, List.of(),
                new int[] {30, 10, 16, 36, 22, 10, 6, 12, 24, 8, 10, 18, 50, 10, 18})) {
            int count = db.transactionResult(cfg -> {
                LeadRepository leads = LeadRepository.using(cfg, clock);
                ExportProgress progress = new ExportProgress(monitor, leads.count(viewer, filter));
                leads.forEach(viewer, filter, lead -> {
                    write(sheet, sheet.newRow(), lead);
                    progress.row();
                });
                return progress.finish();
            });
            sheet.dropDown(6, "A", "B", "C", "D");
            sheet.writeTo(out);
            return count;
        }
    }

    private void write(LedgerSheet sheet, Row row, Lead l) {
        int col = 0;
        sheet.text(row, col++, l.name());
        sheet.text(row, col++, l.contactName());
        sheet.text(row, col++, l.phone());
        sheet.text(row, col++, l.address());
        sheet.text(row, col++, l.regionCode() == null ? null : regions.fullName(l.regionCode()));
        sheet.text(row, col++, l.industry() == null ? null : Industries.label(l.industry()));
        sheet.text(row, col++, l.tier() == null ? null : l.tier().name());
        sheet.text(row, col++, l.source());
        sheet.text(row, col++, l.note());
        sheet.text(row, col++, STATUS.get(l.status()));
        sheet.text(row, col++, l.ownerName());
        sheet.dateTime(row, col++, l.assignedAt());
        sheet.text(row, col++, l.assignmentReason());
        sheet.number(row, col++, l.responseMinutes());
        sheet.dateTime(row, col, l.createdAt());
    }
}
