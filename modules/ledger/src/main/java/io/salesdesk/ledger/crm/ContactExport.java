package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.CustomerContact;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.imports.ExportTarget;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.model.ContactLedger;
import io.salesdesk.ledger.model.CustomerReference;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.LedgerField;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;

/**
 * Exports the contacts of the customers the viewer sees as a ledger that can be edited in Excel and
 * imported back: 客户名称 and the contact's columns under the headers the importer recognises, a
 * 是/否 drop-down on 主要联系人, and hidden customer id, contact id and version columns, so a re-import
 * updates the same contacts and reports those changed meanwhile.
 */
public final class ContactExport implements ExportTarget {

    /** The visible headers, in order; the importer maps them back without help. */
    static final List<String> HEADERS = List.of("客户名称", "联系人", "职务", "手机", "电话", "邮箱", "微信", "主要联系人", "备注");
    private static final int PRIMARY_COLUMN = 7;

    private final Database db;
    private final Clock clock;

    /** An exporter over the contacts of {@code db}. */
    public ContactExport(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public LedgerEntity entity() {
        return ContactLedger.ENTITY;
    }

    @Override
    public int export(Actor viewer, CustomerQuery query, Path out, ImportMonitor monitor) {
        List<String> hidden = List.of(label(CustomerReference.ID), label("id"), label("version"));
        try (LedgerSheet sheet = new LedgerSheet("联系人", HEADERS, hidden, new int[] {36, 12, 16, 16, 18, 26, 16, 12, 30})) {
            sheet.dropDown(PRIMARY_COLUMN, "是", "否");
            int count = db.transactionResult(cfg -> {
                ContactRepository contacts = ContactRepository.using(cfg, clock);
                int total = contacts.count(viewer, query);
                ExportProgress progress = new ExportProgress(monitor, total);
                contacts.forEach(viewer, query, row -> {
                    write(sheet, sheet.newRow(), row);
                    progress.row();
                });
                return progress.finish();
            });
            sheet.writeTo(out);
            return count;
        }
    }

    private static void write(LedgerSheet sheet, Row row, CustomerContact entry) {
        Contact c = entry.contact();
        int col = 0;
        sheet.text(row, col++, entry.customerName());
        sheet.text(row, col++, c.name());
        sheet.text(row, col++, c.title());
        sheet.text(row, col++, c.mobile());
        sheet.text(row, col++, c.phone());
        sheet.text(row, col++, c.email());
        sheet.text(row, col++, c.wechat());
        sheet.text(row, col++, c.primary() ? "是" : "否");
        sheet.text(row, col++, c.notes());
        sheet.text(row, col++, c.customerId().toString());
        sheet.text(row, col++, c.id().toString());
        sheet.number(row, col, c.version());
    }

    private static String label(String field) {
        return ContactLedger.ENTITY.field(field).map(LedgerField::labelZh).orElseThrow();
    }
}
