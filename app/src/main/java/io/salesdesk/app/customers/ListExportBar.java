package io.salesdesk.app.customers;

import java.util.function.Supplier;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.ledgers.WorkspaceLedgers;
import io.salesdesk.app.common.ExportBar;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.ledger.crm.CustomerExport;
import io.salesdesk.ledger.imports.ImportMonitor;

/** 导出列表 on the customers page: the customers the list shows, as a ledger that imports back. */
final class ListExportBar extends ExportBar {

    ListExportBar(AppContext context, Supplier<CustomerQuery> query) {
        super(context, "exportCustomers", "customers.export", () -> {
            CustomerQuery shown = query.get();
            var actor = context.currentUser().asActor();
            CustomerExport export = WorkspaceLedgers.customerExport(context);
            return out -> export.export(actor, shown, out, ImportMonitor.NONE);
        });
    }
}
