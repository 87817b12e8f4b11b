package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.ImportTarget;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.model.ContactLedger;
import io.salesdesk.ledger.model.LedgerEntity;
import java.time.Clock;
import java.util.List;
import org.jooq.Configuration;

/**
 * Contacts as an import target: each row's customer by id, credit code or name among the customers
 * the importer sees, the contact form's rules, dedupe within a customer by name and phone, one main
 * contact per customer, and undo.
 */
public final class ContactImportTarget implements ImportTarget {

    private static final int PROGRESS_STEP = 1000;

    private final Database db;
    private final Clock clock;
    private final RegionService regions;

    /** A target writing through the CRM repositories of {@code db}. */
    public ContactImportTarget(Database db, Clock clock, RegionService regions) {
        this.db = db;
        this.clock = clock;
        this.regions = regions;
    }

    @Override
    public LedgerEntity entity() {
        return ContactLedger.ENTITY;
    }

    @Override
    public void prepare(Actor actor, ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor) {
        db.transaction(cfg -> {
            ContactRowReader reader = new ContactRowReader(mapping, CustomerFinder.load(customers(cfg), actor, rows));
            int done = 0;
            for (ImportRow row : rows) {
                reader.read(row);
                if (++done % PROGRESS_STEP == 0) {
                    monitor.checkCancelled();
                    monitor.progress(ImportPhase.VALIDATE, done, rows.size());
                }
            }
            new ContactDedupe(ContactRepository.using(cfg, clock)).run(rows);
        });
        monitor.checkCancelled();
        monitor.progress(ImportPhase.VALIDATE, rows.size(), rows.size());
    }

    @Override
    public List<WrittenRow> write(Configuration configuration, Actor actor, ChangeReason reason, ColumnMapping mapping,
            List<ImportRow> rows, ImportMonitor monitor) {
        return new ContactImportWriter(ContactRepository.using(configuration, clock), clock)
                .write(actor, reason, rows, monitor);
    }

    @Override
    public UndoResult undo(Configuration configuration, Actor actor, ChangeReason reason, String batchId,
            List<WrittenRow> written) {
        return new ContactImportUndo(ContactRepository.using(configuration, clock), ChangeLog.using(configuration, clock))
                .undo(actor, reason, batchId, written);
    }

    private CustomerRepository customers(Configuration cfg) {
        return CustomerRepository.using(cfg, clock, regions::fullName);
    }
}
