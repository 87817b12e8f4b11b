package io.salesdesk.ledger.crm;

import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.commerce.CostImportTarget;
import io.salesdesk.ledger.imports.LedgerEntities;
import java.time.Clock;
import java.util.List;

/**
 * The CRM's ledgers: customers, contacts, follow-ups, opportunities and the team roster, importable
 * and exportable; leads too, importable by managers; the cost of deals (commerce's cost entries),
 * importable.
 */
public final class CrmLedgers {

    private CrmLedgers() {
    }

    /**
     * The CRM's import and export targets over one database.
     *
     * @param db      the database
     * @param clock   the clock for ids and times
     * @param regions the region reference data
     * @param users     the users, for resolving owners
     * @param customers the customer list, for the customer export and the lead service
     */
    public static LedgerEntities of(Database db, Clock clock, RegionService regions, UserService users,
            CustomerService customers) {
        return new LedgerEntities(
                List.of(new CustomerImportTarget(db, clock, regions, users),
                        new ContactImportTarget(db, clock, regions),
                        new ActivityImportTarget(db, clock, regions, users),
                        new OpportunityImportTarget(db, clock, regions, users),
                        new LeadImportTarget(db, clock, regions, new LeadService(db, clock, regions, customers)),
                        new UserImportTarget(db, clock),
                        new CostImportTarget(db, clock)),
                List.of(new CustomerExport(customers, regions),
                        new ContactExport(db, clock),
                        new ActivityExport(db, clock),
                        new OpportunityExport(db, clock),
                        new LeadExport(db, clock, regions),
                        new UserExport(db, clock)));
    }
}
