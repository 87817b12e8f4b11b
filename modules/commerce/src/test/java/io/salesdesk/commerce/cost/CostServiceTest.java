package io.salesdesk.commerce.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.commerce.FinanceFixture;
import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cost entries, totals and the customer acquisition cost on a real HSQLDB. */
class CostServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    FinanceFixture f;
    CostService costs;
    Actor wang;
    Actor manager;
    UUID customer;
    final TestClock clock = new TestClock(Instant.parse("2026-04-10T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new FinanceFixture(db, clock);
        costs = new CostService(db, clock);
        wang = f.org.wang.asActor();
        manager = f.org.zjManager.asActor();
        customer = f.customer(f.org.wang, "杭州西湖医院");
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private CostDraft cost(CostKind kind, CostSubkind subkind, UUID deal, UUID customerId, String channel, String amount,
                           LocalDate on, CostBasis basis) {
        return new CostDraft(kind, subkind, deal, customerId, channel, new BigDecimal(amount), null, null, on, basis,
                null);
    }

    /** 10:00 China time on the day. */
    private static OffsetDateTime at(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
    }

    @Test
    void preSalesCostIsHoursTimesRateToTheFen() {
        CostEntry e = costs.record(wang, new CostDraft(CostKind.PRESALES, null, null, customer, null, null,
                new BigDecimal("7.5"), new BigDecimal("333.33"), LocalDate.of(2026, 4, 1), CostBasis.MEASURED, "方案演示"));

        assertThat(e.amount()).isEqualTo(new BigDecimal("2499.98"));
        assertThat(e.hours()).isEqualTo(new BigDecimal("7.50"));
    }

    @Test
    void theCustomerIsTakenFromTheDealAndTotalsArePerKind() {
        UUID deal = f.deal(customer, f.org.wang, "监护仪", "NEGOTIATION", new BigDecimal("100000"), null);
        costs.record(wang, cost(CostKind.TRAVEL, null, deal, null, null, "1200.40", LocalDate.of(2026, 4, 2),
                CostBasis.MEASURED));
        costs.record(wang, cost(CostKind.FULFILMENT, CostSubkind.EMERGENCY_FREIGHT, deal, null, null, "800.10",
                LocalDate.of(2026, 4, 3), CostBasis.MEASURED));
        costs.record(wang, cost(CostKind.ACQUISITION, CostSubkind.CAMPAIGN, null, customer, "展会", "500.00",
                LocalDate.of(2026, 4, 3), CostBasis.ALLOCATED));

        assertThat(costs.forOpportunity(wang, deal)).extracting(CostEntry::customerId).containsOnly(customer);
        CostTotals deal1 = costs.totalsForOpportunity(wang, deal);
        assertThat(deal1.byKind().get(CostKind.TRAVEL)).isEqualTo(new BigDecimal("1200.40"));
        assertThat(deal1.byKind().get(CostKind.ACQUISITION)).isEqualTo(new BigDecimal("0.00"));
        assertThat(deal1.total()).isEqualTo(new BigDecimal("2000.50"));
        CostTotals all = costs.totalsForCustomer(wang, customer);
        assertThat(all.total()).isEqualTo(new BigDecimal("2500.50"));
        assertThat(all.allocated()).isEqualTo(new BigDecimal("500.00"));
        assertThat(all.measured()).isEqualTo(new BigDecimal("2000.50"));
    }

    @Test
    void aCostWithoutDealOrCustomerOrWithAForeignSubkindIsRefused() {
        assertThatThrownBy(() -> costs.record(wang, cost(CostKind.TRAVEL, null, null, null, null, "10",
                LocalDate.of(2026, 4, 1), CostBasis.MEASURED)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey).contains("cost.target.required"));
        assertThatThrownBy(() -> costs.record(wang, cost(CostKind.TRAVEL, CostSubkind.SHIPPING, null, customer, null,
                "10", LocalDate.of(2026, 4, 1), CostBasis.MEASURED)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey).contains("cost.subkind.wrongKind"));
    }

    @Test
    void cacIsTheAcquisitionCostOfNewlyWonCustomersPerCustomerChannelAndMonth() {
        UUID a = customer;
        UUID b = f.customer(f.org.wang, "杭州滨江医院");
        UUID c = f.customer(f.org.li, "杭州萧山医院");
        UUID old = f.customer(f.org.li, "老客户医院");
        UUID open = f.customer(f.org.li, "未成交医院");
        f.deal(a, f.org.wang, "A 单", "WON", new BigDecimal("1"), at("2026-01-15"));
        f.deal(b, f.org.wang, "B 单", "WON", new BigDecimal("1"), at("2026-01-31"));
        f.deal(c, f.org.li, "C 单", "WON", new BigDecimal("1"), at("2026-02-01"));
        f.deal(old, f.org.li, "老客户首单", "WON", new BigDecimal("1"), at("2025-06-01"));
        f.deal(old, f.org.li, "老客户复购", "WON", new BigDecimal("1"), at("2026-01-20"));
        f.deal(open, f.org.li, "在谈", "NEGOTIATION", new BigDecimal("1"), null);
        LocalDate jan = LocalDate.of(2026, 1, 10);
        costs.recordAll(manager, io.salesdesk.core.ChangeReason.user(), List.of(
                cost(CostKind.ACQUISITION, CostSubkind.CAMPAIGN, null, a, "展会", "1000.00", jan, CostBasis.ALLOCATED),
                new CostDraft(CostKind.PRESALES, null, null, a, "展会", null, new BigDecimal("10"),
                        new BigDecimal("200"), jan, CostBasis.MEASURED, null),
                cost(CostKind.ACQUISITION, CostSubkind.CHANNEL_FEE, null, b, "渠道代理", "3000.00", jan,
                        CostBasis.MEASURED),
                cost(CostKind.TRAVEL, null, null, b, "渠道代理", "9999.00", jan, CostBasis.MEASURED),
                cost(CostKind.ACQUISITION, CostSubkind.CAMPAIGN, null, c, "官网", "600.00", jan, CostBasis.ALLOCATED),
                cost(CostKind.ACQUISITION, CostSubkind.CAMPAIGN, null, old, "展会", "5000.00", jan,
                        CostBasis.MEASURED),
                cost(CostKind.ACQUISITION, CostSubkind.CAMPAIGN, null, open, "展会", "7000.00", jan,
                        CostBasis.MEASURED),
                // Spent after January: not part of winning a January customer.
                cost(CostKind.ACQUISITION, CostSubkind.CAMPAIGN, null, a, "展会", "50.00", LocalDate.of(2026, 2, 5),
                        CostBasis.MEASURED)));

        // January: A (1000 allocated + 2000 measured) and B (3000 measured; travel left out); 
        // the old customer's repeat order is no new customer, the open deal no customer yet.
        Cac january = costs.cac(manager, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        assertThat(january.customersWon()).isEqualTo(2);
        assertThat(january.total()).isEqualTo(new BigDecimal("6000.00"));
        assertThat(january.perCustomer()).isEqualTo(new BigDecimal("3000.00"));
        assertThat(january.measured()).isEqualTo(new BigDecimal("5000.00"));
        assertThat(january.allocated()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(january.measuredShare()).isEqualTo(new BigDecimal("0.8333"));

        assertThat(costs.cacByMonth(manager, YearMonth.of(2026, 1), YearMonth.of(2026, 3)))
                .extracting(m -> m.from().toString(), Cac::customersWon, m -> m.perCustomer().toPlainString())
                .containsExactly(tuple("2026-01-01", 2, "3000.00"), tuple("2026-02-01", 1, "600.00"),
                        tuple("2026-03-01", 0, "0.00"));

        assertThat(costs.cacByChannel(manager, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28)))
                .extracting(Cac::group, Cac::customersWon, m -> m.total().toPlainString(),
                        m -> m.measuredShare().toPlainString())
                .containsExactlyInAnyOrder(tuple("展会", 1, "3050.00", "0.6721"), tuple("渠道代理", 1, "3000.00", "1.0000"),
                        tuple("官网", 1, "600.00", "0.0000"));

        assertThat(costs.cacByCustomer(manager, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28)))
                .extracting(CustomerCac::customerName, m -> m.total().toPlainString(),
                        m -> m.allocated().toPlainString())
                .containsExactly(tuple("杭州西湖医院", "3050.00", "1000.00"),
                        tuple("杭州滨江医院", "3000.00", "0.00"), tuple("杭州萧山医院", "600.00", "600.00"));
        // The costs page asks for the most costly few.
        assertThat(costs.cacByCustomer(manager, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), 2))
                .extracting(CustomerCac::customerName).containsExactly("杭州西湖医院", "杭州滨江医院");
    }

    @Test
    void aRegionalManagerSeesTheCacOfTheCustomersTheirTeamWonOnly() {
        f.deal(customer, f.org.wang, "杭州单", "WON", new BigDecimal("1"), at("2026-01-15"));
        UUID suzhou = f.customer(f.org.zhang, "苏州工业园区医院");
        f.deal(suzhou, f.org.zhang, "苏州单", "WON", new BigDecimal("1"), at("2026-01-16"));
        costs.recordAll(f.org.admin.asActor(), io.salesdesk.core.ChangeReason.user(), List.of(
                cost(CostKind.ACQUISITION, CostSubkind.CAMPAIGN, null, customer, "展会", "1000.00",
                        LocalDate.of(2026, 1, 10), CostBasis.MEASURED),
                cost(CostKind.ACQUISITION, CostSubkind.CAMPAIGN, null, suzhou, "展会", "4000.00",
                        LocalDate.of(2026, 1, 10), CostBasis.MEASURED)));
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 1, 31);

        assertThat(costs.cac(f.org.zjManager.asActor(), from, to).customersWon()).isEqualTo(1);
        assertThat(costs.cacByCustomer(f.org.zjManager.asActor(), from, to)).extracting(CustomerCac::customerName)
                .containsExactly("杭州西湖医院");
        assertThat(costs.cacByChannel(f.org.jsManager.asActor(), from, to)).singleElement()
                .satisfies(c -> assertThat(c.total()).isEqualTo(new BigDecimal("4000.00")));
        assertThat(costs.cac(f.org.admin.asActor(), from, to).customersWon()).isEqualTo(2);
    }

    @Test
    void aRepMayNotSeeTheCac() {
        assertThatThrownBy(() -> costs.cac(wang, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("cost.cac.notAllowed");
    }
}
