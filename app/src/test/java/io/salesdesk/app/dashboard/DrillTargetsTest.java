package io.salesdesk.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.common.Navigation;
import io.salesdesk.insight.kpi.KpiRecord;
import io.salesdesk.insight.kpi.KpiRecord.Source;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a double click on a KPI drill-down row opens. */
class DrillTargetsTest {

    private final UUID id = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();

    private KpiRecord row(Source source, UUID customerId) {
        return new KpiRecord(source, id, customerId, "杭州仁和医院", "王一", LocalDate.of(2026, 11, 2), BigDecimal.ONE, null);
    }

    @Test
    void aContractOpensTheContractAndALeadTheLead() {
        assertThat(DrillTargets.eventFor(row(Source.CONTRACT, customer))).isEqualTo(new Navigation.OpenContract(id));
        assertThat(DrillTargets.eventFor(row(Source.LEAD, customer))).isEqualTo(new Navigation.OpenLead(id));
    }

    @Test
    void aDealOpensTheDeal() {
        assertThat(DrillTargets.eventFor(row(Source.OPPORTUNITY, customer)))
                .isEqualTo(new Navigation.OpenOpportunity(id));
    }

    @Test
    void anActivityOrACustomerOpensTheCustomer() {
        assertThat(DrillTargets.eventFor(row(Source.ACTIVITY, customer)))
                .isEqualTo(new Navigation.OpenCustomer(customer, "杭州仁和医院"));
        assertThat(DrillTargets.eventFor(row(Source.CUSTOMER, customer)))
                .isEqualTo(new Navigation.OpenCustomer(customer, "杭州仁和医院"));
    }

    @Test
    void aPersonWhoLeftOpensNothing() {
        assertThat(DrillTargets.eventFor(row(Source.USER, null))).isNull();
    }
}
