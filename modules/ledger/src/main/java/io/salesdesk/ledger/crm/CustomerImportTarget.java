package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.CustomerLocationRepository;
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
import io.salesdesk.ledger.model.CustomerLedger;
import io.salesdesk.ledger.model.LedgerEntity;
import java.time.Clock;
import java.util.List;
import org.jooq.Configuration;

/**
 * Customers as an import target: owner by name or login, region from the 省/市/区县 columns or the
 * address, the CRM's validation rules, dedupe by credit code, name and phone, and a primary contact
 * from the 联系人 columns. After a commit or undo, call {@code CustomerService.reloadList()}.
 */
public final class CustomerImportTarget implements ImportTarget {

    private static final int PROGRESS_STEP = 1000;

    private final Database db;
    private final Clock clock;
    private final RegionService regions;
    private final UserService users;
    private RegionResolver regionResolver;

    /** A target writing through the CRM repositories of {@code db}. */
    public CustomerImportTarget(Database db, Clock clock, RegionService regions, UserService users) {
        this.db = db;
        this.clock = clock;
        this.regions = regions;
        this.users = users;
    }

    @Override
    public LedgerEntity entity() {
        return CustomerLedger.ENTITY;
    }

    @Override
    public void prepare(Actor actor, ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor) {
        CustomerRowReader reader = new CustomerRowReader(mapping, regionResolver(), regions,
                new OwnerResolver(users.visibleOwners(actor)));
        int done = 0;
        for (ImportRow row : rows) {
            reader.read(row);
            if (++done % PROGRESS_STEP == 0) {
                monitor.checkCancelled();
                monitor.progress(ImportPhase.VALIDATE, done, rows.size());
            }
        }
        db.transaction(cfg -> new CustomerDedupe(customers(cfg)).run(rows));
        monitor.checkCancelled();
        monitor.progress(ImportPhase.VALIDATE, rows.size(), rows.size());
    }

    /** Customer rows relate to no other row but the earlier duplicate they update. */
    @Override
    public boolean writesInChunks() {
        return true;
    }

    @Override
    public List<WrittenRow> write(Configuration configuration, Actor actor, ChangeReason reason, ColumnMapping mapping,
            List<ImportRow> rows, ImportMonitor monitor) {
        return new CustomerImportWriter(customers(configuration), ContactRepository.using(configuration, clock),
                CustomerLocationRepository.using(configuration, clock), clock).write(actor, reason, rows, monitor);
    }

    @Override
    public UndoResult undo(Configuration configuration, Actor actor, ChangeReason reason, String batchId,
            List<WrittenRow> written) {
        return new CustomerImportUndo(customers(configuration), ChangeLog.using(configuration, clock))
                .undo(actor, reason, batchId, written);
    }

    private synchronized RegionResolver regionResolver() {
        if (regionResolver == null) {
            regionResolver = new RegionResolver(regions);
        }
        return regionResolver;
    }

    private CustomerRepository customers(Configuration cfg) {
        return CustomerRepository.using(cfg, clock, regions::fullName);
    }
}
