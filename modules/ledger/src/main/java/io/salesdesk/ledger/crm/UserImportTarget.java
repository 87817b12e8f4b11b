package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.UserRepository;
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
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.UserLedger;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * The team roster (花名册) as an import target, so a company brings its whole team in from a
 * spreadsheet: role from the words rosters use, org unit by name, manager by name or login among
 * the roster and the existing users, dedupe by login. Only an administrator may import or undo it.
 */
public final class UserImportTarget implements ImportTarget {

    /** Someone other than an administrator tried; argument 1 is the entity's label. */
    public static final String ADMIN_ONLY = "ledger.import.adminOnly";

    private final Database db;
    private final Clock clock;

    /** A target writing through the user repository of {@code db}. */
    public UserImportTarget(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public LedgerEntity entity() {
        return UserLedger.ENTITY;
    }

    @Override
    public void checkAllowed(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new LedgerImportException(ADMIN_ONLY, UserLedger.ENTITY.labelZh());
        }
    }

    @Override
    public void prepare(Actor actor, ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor) {
        checkAllowed(actor);
        db.transaction(cfg -> {
            UserRowReader reader = new UserRowReader(mapping, OrgUnitRepository.using(cfg, clock).all());
            rows.forEach(reader::read);
            monitor.checkCancelled();
            new UserDedupe(UserRepository.using(cfg, clock), reader).run(rows);
        });
        monitor.progress(ImportPhase.VALIDATE, rows.size(), rows.size());
    }

    @Override
    public List<WrittenRow> write(Configuration configuration, Actor actor, ChangeReason reason, ColumnMapping mapping,
            List<ImportRow> rows, ImportMonitor monitor) {
        checkAllowed(actor);
        return new UserImportWriter(UserRepository.using(configuration, clock), clock, companyUnit(configuration))
                .write(actor, reason, rows, monitor);
    }

    @Override
    public UndoResult undo(Configuration configuration, Actor actor, ChangeReason reason, String batchId,
            List<WrittenRow> written) {
        checkAllowed(actor);
        return new UserImportUndo(UserRepository.using(configuration, clock), ChangeLog.using(configuration, clock))
                .undo(actor, reason, batchId, written);
    }

    // A member whose roster row names no org unit sits at the top of the tree, the company.
    private UUID companyUnit(Configuration configuration) {
        return OrgUnitRepository.using(configuration, clock).all().stream().filter(u -> u.parentId() == null)
                .map(OrgUnit::id).findFirst()
                .orElseThrow(() -> new LedgerImportException(UserRowReader.UNKNOWN_ORG_UNIT, "-"));
    }
}
