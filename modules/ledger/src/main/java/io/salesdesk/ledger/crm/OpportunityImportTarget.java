package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.ImportTarget;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.OpportunityLedger;
import java.time.Clock;
import java.util.List;
import org.jooq.Configuration;

/**
 * Opportunities (商机) as an import target: each row's customer among those the importer sees, the
 * stage by name or code, who works the deal by name or login, the stage rules of the form and the
 * board, and deals already on record (same customer, same name) found as duplicates. New deals go
 * to the bottom of their stage's column in file order; undo removes them and restores updated ones.
 */
public final class OpportunityImportTarget implements ImportTarget {

    private static final int PROGRESS_STEP = 1000;

    private final Database db;
    private final Clock clock;
    private final RegionService regions;
    private final UserService users;

    /** A target writing through the CRM repositories of {@code db}. */
    public OpportunityImportTarget(Database db, Clock clock, RegionService regions, UserService users) {
        this.db = db;
        this.clock = clock;
        this.regions = regions;
        this.users = users;
    }

    @Override
    public LedgerEntity entity() {
        return OpportunityLedger.ENTITY;
    }

    @Override
    public void prepare(Actor actor, ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor) {
        OwnerResolver owners = new OwnerResolver(users.visibleOwners(actor));
        db.transaction(cfg -> {
            OpportunityRepository opportunities = OpportunityRepository.using(cfg, clock);
            OpportunityStages stages = new OpportunityStages(opportunities.stages());
            CustomerFinder customers = CustomerFinder.load(CustomerRepository.using(cfg, clock, regions::fullName),
                    actor, rows);
            OpportunityRowReader reader = new OpportunityRowReader(mapping, customers, owners, stages, actor);
            int done = 0;
            for (ImportRow row : rows) {
                reader.read(row);
                if (++done % PROGRESS_STEP == 0) {
                    monitor.checkCancelled();
                    monitor.progress(ImportPhase.VALIDATE, done, rows.size());
                }
            }
            new OpportunityDedupe(opportunities, stages, new RowCells(mapping)).run(actor, rows);
        });
        monitor.checkCancelled();
        monitor.progress(ImportPhase.VALIDATE, rows.size(), rows.size());
    }

    @Override
    public List<WrittenRow> write(Configuration configuration, Actor actor, ChangeReason reason, ColumnMapping mapping,
            List<ImportRow> rows, ImportMonitor monitor) {
        OpportunityRepository opportunities = OpportunityRepository.using(configuration, clock);
        return new OpportunityImportWriter(opportunities, new OpportunityStages(opportunities.stages()), clock)
                .write(actor, reason, rows, monitor);
    }

    @Override
    public UndoResult undo(Configuration configuration, Actor actor, ChangeReason reason, String batchId,
            List<WrittenRow> written) {
        OpportunityRepository opportunities = OpportunityRepository.using(configuration, clock);
        return new OpportunityImportUndo(opportunities, new OpportunityStages(opportunities.stages()),
                ChangeLog.using(configuration, clock)).undo(actor, reason, batchId, written);
    }
}
