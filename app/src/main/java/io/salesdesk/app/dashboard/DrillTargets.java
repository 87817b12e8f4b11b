package io.salesdesk.app.dashboard;

import io.salesdesk.app.common.Navigation;
import io.salesdesk.insight.kpi.KpiRecord;

/**
 * Where a double click on a KPI drill-down row goes: a contract opens among the contracts, a lead in
 * the leads list, a deal in its form over the pipeline, an activity or a customer at its customer. A
 * person who left has no page.
 */
final class DrillTargets {

    private DrillTargets() {
    }

    /** The navigation event that opens the row's record, or null when it has none. */
    static Object eventFor(KpiRecord record) {
        return switch (record.source()) {
            case CONTRACT -> new Navigation.OpenContract(record.id());
            case LEAD -> new Navigation.OpenLead(record.id());
            case OPPORTUNITY -> new Navigation.OpenOpportunity(record.id());
            case USER -> null;
            // An activity, a customer, and any other record that belongs to a customer.
            default -> record.customerId() == null ? null
                    : new Navigation.OpenCustomer(record.customerId(), record.title());
        };
    }
}
