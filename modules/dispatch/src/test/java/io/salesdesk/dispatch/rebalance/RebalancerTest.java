package io.salesdesk.dispatch.rebalance;

import static io.salesdesk.dispatch.Reps.away;
import static io.salesdesk.dispatch.Reps.id;
import static io.salesdesk.dispatch.Reps.lead;
import static io.salesdesk.dispatch.Reps.rep;
import static io.salesdesk.dispatch.Reps.withRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.salesdesk.crm.lead.Lead;
import io.salesdesk.dispatch.DispatchWeights;
import io.salesdesk.dispatch.LeadToDispatch;
import io.salesdesk.dispatch.RegionMatch;
import io.salesdesk.dispatch.TrackRecord;
import io.salesdesk.dispatch.rebalance.RebalancePlan.Placement;
import io.salesdesk.dispatch.rebalance.RebalancePlan.RepLoad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RebalancerTest {

    static final String HANGZHOU = "330100";
    static final String SUZHOU = "320500";

    final Rebalancer rebalancer = new Rebalancer(DispatchWeights.DEFAULTS, Duration.ofSeconds(1));

    @Test
    void noRepIsGivenLeadsPastTheirCapacity() {
        RebalancePlan plan = rebalancer.plan(List.of(rep("张伟", 10, 7, HANGZHOU), rep("李娜", 10, 2, HANGZHOU),
                rep("王芳", 20, 15, HANGZHOU)), leads(0, 30, "330106"));

        assertThat(plan.loads()).allSatisfy(l -> assertThat(l.after()).isLessThanOrEqualTo(1.0 + 1e-9));
        assertThat(byName(plan).get("张伟").leadsAdded()).isEqualTo(3);
        assertThat(byName(plan).get("李娜").leadsAdded()).isEqualTo(8);
        assertThat(byName(plan).get("王芳").leadsAdded()).isEqualTo(5);
        assertThat(plan.placed()).as("every free slot is used").isEqualTo(16);
        assertThat(plan.unplaced()).isEqualTo(14);
    }

    @Test
    void awayRepsGetNothing() {
        RebalancePlan plan = rebalancer.plan(List.of(away(rep("张伟", 50, 0, HANGZHOU)), rep("李娜", 50, 30, HANGZHOU)),
                leads(0, 10, "330106"));

        RepLoad zhang = byName(plan).get("张伟");
        assertThat(zhang.available()).isFalse();
        assertThat(zhang.leadsAdded()).isZero();
        assertThat(zhang.after()).isEqualTo(zhang.before());
        assertThat(plan.placements()).extracting(Placement::repName).containsOnly("李娜");
        assertThat(byName(plan).get("李娜").after()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void leadsStayWithTheRepsWhoseTerritoryCoversThem() {
        List<LeadToDispatch> backlog = new ArrayList<>(leads(0, 8, "330106"));
        backlog.addAll(leads(100, 4, "320505"));
        backlog.add(lead(200, "350102", null));
        backlog.add(lead(300, null, null));

        // On score alone 李娜 would win Hangzhou's leads: 张伟's province-wide match is worth less than his load costs.
        RebalancePlan plan = rebalancer.plan(List.of(rep("张伟", 100, 90, "330000"), rep("李娜", 50, 0, SUZHOU)),
                backlog);

        Map<UUID, Placement> placed = plan.placements().stream()
                .collect(Collectors.toMap(Placement::leadId, Function.identity()));
        assertThat(leads(0, 8, "330106")).allSatisfy(l -> assertThat(placed.get(l.id()).repName())
                .as("李娜 does not cover Hangzhou").isEqualTo("张伟"));
        assertThat(leads(100, 4, "320505")).allSatisfy(l -> assertThat(placed.get(l.id()).repName()).isEqualTo("李娜"));
        assertThat(placed.get(id("lead 200")).flag()).isEqualTo(Lead.AssignmentFlag.OUT_OF_TERRITORY);
        assertThat(placed.get(id("lead 200")).placed()).isTrue();
        assertThat(placed.get(id("lead 300")).flag()).isEqualTo(Lead.AssignmentFlag.NO_REGION);
        assertThat(placed.get(id("lead 300")).placed()).isTrue();
        assertThat(plan.regionMatched()).isEqualTo(12);
        assertThat(plan.placed()).isEqualTo(14);
    }

    @Test
    void aLeadWhoseCoveringRepIsFullWaitsRatherThanLeaveTheTerritory() {
        RebalancePlan plan = rebalancer.plan(List.of(rep("张伟", 10, 9, HANGZHOU), rep("李娜", 50, 0, SUZHOU)),
                leads(0, 2, "330106"));

        assertThat(plan.placements()).extracting(Placement::repName).containsExactlyInAnyOrder("张伟", null);
        Placement waiting = plan.placements().stream().filter(p -> !p.placed()).findFirst().orElseThrow();
        assertThat(waiting.flag()).isEqualTo(Lead.AssignmentFlag.NO_ELIGIBLE_REP);
        assertThat(byName(plan).get("李娜").leadsAdded()).isZero();
    }

    @Test
    void withNoRepAbleToTakeThemLeadsStayUnplaced() {
        RebalancePlan plan = rebalancer.plan(List.of(away(rep("张伟", 50, 0, HANGZHOU)), rep("李娜", 5, 5, HANGZHOU),
                rep("王芳", 0, 0, HANGZHOU)), leads(0, 2, "330106"));

        assertThat(plan.placements()).hasSize(2).allSatisfy(p -> {
            assertThat(p.repId()).isNull();
            assertThat(p.flag()).isEqualTo(Lead.AssignmentFlag.NO_ELIGIBLE_REP);
        });
        assertThat(plan.placed()).isZero();
        assertThat(plan.loads()).allSatisfy(l -> assertThat(l.leadsAdded()).isZero());
        assertThat(byName(plan).get("王芳").before()).as("no capacity, no load index").isNaN();
    }

    @Test
    void anUnbalancedRosterEndsUpMoreEven() {
        RebalancePlan plan = rebalancer.plan(List.of(rep("张伟", 40, 36, "330000"), rep("李娜", 40, 32, "330000"),
                rep("王芳", 40, 20, "330000"), rep("刘洋", 40, 8, "330000"), rep("陈静", 40, 4, "330000"),
                rep("杨磊", 40, 0, "330000")), leads(0, 40, "330106"));

        assertThat(plan.stdevAfter()).isLessThan(plan.stdevBefore() * 0.6);
        Map<String, RepLoad> loads = byName(plan);
        assertThat(List.of("张伟", "李娜", "王芳")).as("already above the level the others reach")
                .allSatisfy(name -> assertThat(loads.get(name).leadsAdded()).isZero());
        // 40 leads lift the three lightest (0.2, 0.1, 0) to about 0.43 each
        assertThat(List.of("刘洋", "陈静", "杨磊"))
                .allSatisfy(name -> assertThat(loads.get(name).after()).isCloseTo(0.43, within(0.03)));
        assertThat(plan.stdevBefore()).isCloseTo(LoadSpread.of(List.of(0.9, 0.8, 0.5, 0.2, 0.1, 0.0)), within(1e-9));
    }

    @Test
    void eachLeadGoesToTheRepWhoFitsItBest() {
        RebalancePlan plan = rebalancer.plan(List.of(rep("张伟", 50, 10, "330106"), rep("李娜", 50, 10, HANGZHOU),
                withRecord(rep("王芳", 50, 10, HANGZHOU), "HOSPITAL", new TrackRecord(9, 1, 14))),
                List.of(lead(1, "330106", "CLINIC"), lead(2, "330108", "HOSPITAL")));

        assertThat(plan.placements()).extracting(Placement::repName).containsExactly("张伟", "王芳");
        assertThat(plan.placements()).extracting(Placement::match).containsExactly(RegionMatch.COUNTY, RegionMatch.CITY);
        assertThat(plan.regionMatched()).isEqualTo(2);
        // neutral 0.5 for a rep without a record; 0.5 × 0.9 win rate + 0.5 × fastest for 王芳
        assertThat(plan.totalFit()).isCloseTo(0.5 + 0.95, within(1e-9));
    }

    static List<LeadToDispatch> leads(int from, int count, String region) {
        List<LeadToDispatch> leads = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            leads.add(lead(i, region, null));
        }
        return leads;
    }

    static Map<String, RepLoad> byName(RebalancePlan plan) {
        return plan.loads().stream().collect(Collectors.toMap(RepLoad::name, Function.identity()));
    }
}
