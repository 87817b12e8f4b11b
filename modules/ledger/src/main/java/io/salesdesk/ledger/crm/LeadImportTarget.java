package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.ImportTarget;
import io.salesdesk.ledger.imports.LedgerImportException;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.model.LeadLedger;
import io.salesdesk.ledger.model.LedgerEntity;
import java.time.Clock;
import java.util.List;
import org.jooq.Configuration;

/**
 * Leads (线索) as an import target: each row checked by the lead service as the capture form is,
 * its region from the 区域 cell or the address, and leads already on record (same normalised name
 * or phone) found as duplicates. New leads arrive NEW and unassigned at the top of the board; the
 * caller dispatches them once the batch is written. Only managers and company-wide roles import
 * leads: nobody else would see leads that have no owner yet.
 */
public final class LeadImportTarget implements ImportTarget {

    /** Someone other than a manager tried; argument 1 is the entity's label. */
    public static final String MANAGERS_ONLY = "ledger.import.managersOnly";

    private static final int PROGRESS_STEP = 1000;

    private final Database db;
    private final Clock clock;
    private final RegionService regions;
    private final LeadService leads;

    /** A target writing through the lead repository of {@code db}, checking rows with {@code leads}. */
    public LeadImportTarget(Database db, Clock clock, RegionService regions, LeadService leads) {
        this.db = db;
        this.clock = clock;
        this.regions = regions;
        this.leads = leads;
    }

    @Override
    public LedgerEntity entity() {
        return LeadLedger.ENTITY;
    }

    @Override
    public void checkAllowed(Actor actor) {
        if (actor.role() != Role.MANAGER && !actor.role().seesEverything()) {
            throw new LedgerImportException(MANAGERS_ONLY, LeadLedger.ENTITY.labelZh());
        }
    }

    @Override
    public void prepare(Actor actor, ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor) {
        checkAllowed(actor);
        LeadRowReader reader = new LeadRowReader(mapping, leads, regions);
        int done = 0;
        for (ImportRow row : rows) {
            reader.read(row);
            if (++done % PROGRESS_STEP == 0) {
                monitor.checkCancelled();
                monitor.progress(ImportPhase.VALIDATE, done, rows.size());
            }
        }
        monitor.checkCancelled();
        db.transaction(cfg -> new LeadDedupe(LeadRepository.using(cfg, clock)).run(actor, rows));
        monitor.progress(ImportPhase.VALIDATE, rows.size(), rows.size());
    }

    @Override
    public List<WrittenRow> write(Configuration configuration, Actor actor, ChangeReason reason, ColumnMapping mapping,
            List<ImportRow> rows, ImportMonitor monitor) {
        return new LeadImportWriter(LeadRepository.using(configuration, clock), clock).write(actor, reason, rows, monitor);
    }

    @Override
    public UndoResult undo(Configuration configuration, Actor actor, ChangeReason reason, String batchId,
            List<WrittenRow> written) {
        return new LeadImportUndo(LeadRepository.using(configuration, clock), ChangeLog.using(configuration, clock))
                .undo(actor, reason, batchId, written);
    }
}
