package io.salesdesk.insight.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two rules — A 类每月 2 次演示, B 类每季度 1 次拜访 — over Q1 2026, today 2026-03-20 (Friday):
 * <pre>
 * 王一  A1: demos Jan 10, Jan 20, Feb 5, Mar 3, Mar 5, Mar 6   → Jan 2, Feb 1, Mar 2 (3 capped to 2)
 *       A2: a demo at 2026-02-28 17:00 UTC (Mar 1 in Shanghai), a call Mar 11 → Mar 1
 *       B1: visit Feb 15 → 1 of 1
 *       Q1: required 2·3·2 + 1 = 13, done 5 + 1 + 1 = 7 → 53.8 % → 0.8
 * 李二  A3: demos Jan 2, Jan 3, Feb 2, Feb 3, Mar 2, Mar 12   → 6 of 6 → 100 % → 1.2
 * 张三  B2: nothing → 0 of 1 → 0 % → 0.8
 * </pre>
 */
class TierServiceTest {

    private static final Instant TODAY = Instant.parse("2026-03-20T02:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private SalesOrgFixture org;
    private TierService tiers;

    /** The database the tests run on; the PostgreSQL variant overrides it. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void setUp() {
        db = open(dir);
        TestClock clock = new TestClock(TODAY);
        org = new SalesOrgFixture(db, clock);
        tiers = new TierService(db, clock);
        tiers.save(org.admin.asActor(), new TierRule(null, "A 类客户：每月 2 次技术演示", Tier.A, ActivityKind.DEMO, 2,
                Period.MONTH, true, 0));
        tiers.save(org.zjManager.asActor(), new TierRule(null, "B 类客户：每季度 1 次拜访", Tier.B, ActivityKind.VISIT, 1,
                Period.QUARTER, true, 0));
        UUID a1 = customer(org.wang, "A1 医院", Tier.A);
        UUID a2 = customer(org.wang, "A2 医院", Tier.A);
        UUID b1 = customer(org.wang, "B1 诊所", Tier.B);
        UUID a3 = customer(org.li, "A3 医院", Tier.A);
        customer(org.zhang, "B2 诊所", Tier.B);
        log(org.wang, a1, ActivityKind.DEMO, "2026-01-10", "2026-01-20", "2026-02-05", "2026-03-03", "2026-03-05",
                "2026-03-06");
        log(org.wang, a2, ActivityKind.DEMO);
        org.customers.logFollowUp(org.wang.asActor(), a2, new ActivityDraft(ActivityKind.DEMO,
                OffsetDateTime.parse("2026-02-28T17:00:00Z"), null, 60, "上门演示", null, null, null));
        log(org.wang, a2, ActivityKind.CALL, "2026-03-11");
        log(org.wang, b1, ActivityKind.VISIT, "2026-02-15");
        log(org.li, a3, ActivityKind.DEMO, "2026-01-02", "2026-01-03", "2026-02-02", "2026-02-03", "2026-03-02",
                "2026-03-12");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void quarterlyCompletionCountsEachMonthOfAMonthlyRuleCappedPerCustomer() {
        List<Completion> reps = tiers.perRep(org.admin.asActor(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1));
        assertThat(reps).extracting(Completion::name, Completion::group, Completion::required, Completion::done)
                .containsExactlyInAnyOrder(tuple("王一", "浙江大区", 13, 7), tuple("李二", "浙江大区", 6, 6),
                        tuple("张三", "江苏大区", 1, 0));
        assertThat(tiers.perTeam(reps)).extracting(Completion::name, Completion::required, Completion::done)
                .containsExactly(tuple("江苏大区", 1, 0), tuple("浙江大区", 19, 13));
    }

    @Test
    void bonusCoefficientFollowsTheFormulaAndItsEdits() {
        assertThat(tiers.bonusTable(org.admin.asActor(), 2026, 1))
                .extracting(b -> b.completion().name(), BonusRow::coefficient)
                .containsExactlyInAnyOrder(tuple("王一", new BigDecimal("0.80")), tuple("李二", new BigDecimal("1.20")),
                        tuple("张三", new BigDecimal("0.80")));

        tiers.saveFormula(org.admin.asActor(), new BonusFormula(List.of(new BonusBand(0, new BigDecimal("0.90")),
                new BonusBand(50, new BigDecimal("1.00")), new BonusBand(100, new BigDecimal("1.50")))));
        assertThat(tiers.bonusTable(org.admin.asActor(), 2026, 1))
                .extracting(b -> b.completion().name(), BonusRow::coefficient)
                .containsExactlyInAnyOrder(tuple("王一", new BigDecimal("1.00")), tuple("李二", new BigDecimal("1.50")),
                        tuple("张三", new BigDecimal("0.90")));
    }

    @Test
    void aRepSeesOnlyTheirOwnCompletion() {
        assertThat(tiers.bonusTable(org.li.asActor(), 2026, 1)).extracting(b -> b.completion().name())
                .containsExactly("李二");
    }

    @Test
    void formulaMustStartAtZeroAndOnlyCompanyRolesMayChangeIt() {
        assertThatThrownBy(() -> tiers.saveFormula(org.admin.asActor(),
                new BonusFormula(List.of(new BonusBand(10, new BigDecimal("1.0"))))))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.problems()).extracting(p -> p.messageKey()).contains("tier.error.formulaStart"));
        assertThatThrownBy(() -> tiers.saveFormula(org.zjManager.asActor(), tiers.formula()))
                .isInstanceOf(SalesDeskException.class);
    }

    @Test
    void openObligationsSayWhatIsMissingAndTheWorkingDaysLeft() {
        List<Obligation> open = tiers.obligations(org.wang.asActor());
        assertThat(open).extracting(Obligation::customerName, Obligation::missing, Obligation::lastDay,
                        Obligation::workingDaysLeft)
                .containsExactly(tuple("A2 医院", 1, LocalDate.of(2026, 3, 31), 8));
        assertThat(tiers.obligations(org.zjManager.asActor())).extracting(Obligation::customerName)
                .containsExactly("A2 医院");
    }

    @Test
    void ruleCountMustBePositive() {
        assertThatThrownBy(() -> tiers.save(org.admin.asActor(), new TierRule(null, "x", Tier.A, ActivityKind.DEMO, 0,
                Period.MONTH, true, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.problems()).extracting(p -> p.field()).containsExactly("count"));
    }

    private UUID customer(User owner, String name, Tier tier) {
        return org.customer(owner, name, tier, SalesOrgFixture.HANGZHOU, null);
    }

    /** One activity of the kind at 10:00 Shanghai time on each day. */
    private void log(User owner, UUID customer, ActivityKind kind, String... days) {
        for (String day : days) {
            org.customers.logFollowUp(owner.asActor(), customer, new ActivityDraft(kind,
                    OffsetDateTime.parse(day + "T10:00:00+08:00"), null, 60, null, null, null, null));
        }
    }
}
