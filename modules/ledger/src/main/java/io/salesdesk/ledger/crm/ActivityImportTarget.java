package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.CustomerRepository;
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
import io.salesdesk.ledger.model.ActivityLedger;
import io.salesdesk.ledger.model.LedgerEntity;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Follow-ups (跟进记录) as an import target: each row's customer among those the importer sees, the
 * kind from the words ledgers use, who followed up by name or login, the contact by name, and
 * follow-ups already on record skipped. Follow-ups are appended, never rewritten, and move the
 * customer's 最近跟进 / 下次跟进 forward as logging them in the app does; undo removes them and puts those
 * two fields back.
 */
public final class ActivityImportTarget implements ImportTarget {

    private static final int PROGRESS_STEP = 1000;

    private final Database db;
    private final Clock clock;
    private final RegionService regions;
    private final UserService users;

    /** A target writing through the CRM repositories of {@code db}. */
    public ActivityImportTarget(Database db, Clock clock, RegionService regions, UserService users) {
        this.db = db;
        this.clock = clock;
        this.regions = regions;
        this.users = users;
    }

    @Override
    public LedgerEntity entity() {
        return ActivityLedger.ENTITY;
    }

    @Override
    public void prepare(Actor actor, ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor) {
        OwnerResolver owners = new OwnerResolver(users.visibleOwners(actor));
        db.transaction(cfg -> {
            CustomerFinder customers = CustomerFinder.load(CustomerRepository.using(cfg, clock, regions::fullName),
                    actor, rows);
            ActivityRowReader reader = new ActivityRowReader(mapping, customers, owners, actor);
            int done = 0;
            for (ImportRow row : rows) {
                reader.read(row);
                if (++done % PROGRESS_STEP == 0) {
                    monitor.checkCancelled();
                    monitor.progress(ImportPhase.VALIDATE, done, rows.size());
                }
            }
            List<UUID> customerIds = rows.stream().map(r -> ((ActivityPlan) r.plan()).customerId)
                    .filter(Objects::nonNull).distinct().toList();
            reader.resolveContacts(rows, ContactRepository.using(cfg, clock).findLiveByCustomerIds(customerIds));
            new ActivityDedupe(ActivityRepository.using(cfg, clock)).run(rows);
        });
        monitor.checkCancelled();
        monitor.progress(ImportPhase.VALIDATE, rows.size(), rows.size());
    }

    @Override
    public List<WrittenRow> write(Configuration configuration, Actor actor, ChangeReason reason, ColumnMapping mapping,
            List<ImportRow> rows, ImportMonitor monitor) {
        return new ActivityImportWriter(ActivityRepository.using(configuration, clock),
                CustomerRepository.using(configuration, clock, regions::fullName), clock)
                .write(actor, reason, rows, monitor);
    }

    @Override
    public UndoResult undo(Configuration configuration, Actor actor, ChangeReason reason, String batchId,
            List<WrittenRow> written) {
        return new ActivityImportUndo(ActivityRepository.using(configuration, clock),
                CustomerRepository.using(configuration, clock, regions::fullName), ChangeLog.using(configuration, clock))
                .undo(actor, reason, batchId, written);
    }
}
