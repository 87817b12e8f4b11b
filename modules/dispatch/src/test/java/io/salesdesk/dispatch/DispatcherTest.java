package io.salesdesk.dispatch;

import static io.salesdesk.dispatch.Reps.away;
import static io.salesdesk.dispatch.Reps.lastAssigned;
import static io.salesdesk.dispatch.Reps.lead;
import static io.salesdesk.dispatch.Reps.rep;
import static io.salesdesk.dispatch.Reps.withRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.salesdesk.crm.lead.Lead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    static final String HANGZHOU = "330100";
    static final String XIHU = "330106";
    static final String SUZHOU = "320500";

    @Test
    void aCountyMatchBeatsAProvinceMatchAtEqualLoad() {
        Dispatcher dispatcher = new Dispatcher(List.of(rep("李娜", 50, 10, "330000"), rep("张伟", 50, 10, XIHU)),
                DispatchWeights.DEFAULTS);

        Assignment a = dispatcher.dispatch(lead(1, XIHU, null));

        assertThat(a.repName()).isEqualTo("张伟");
        assertThat(a.match()).isEqualTo(RegionMatch.COUNTY);
        assertThat(a.territory()).isEqualTo(XIHU);
        // 0.5 × 1.0 (county) + 0.3 × (1 − 0.2) + 0.2 × 0.5 (no record: neutral fit)
        assertThat(a.score()).isCloseTo(0.84, within(1e-9));
        assertThat(a.flag()).isNull();
        assertThat(a.candidates()).isEqualTo(2);
    }

    @Test
    void aCityMatchOutweighsASomewhatLighterProvinceRep() {
        Dispatcher dispatcher = new Dispatcher(List.of(rep("李娜", 50, 0, "330000"), rep("张伟", 50, 20, HANGZHOU)),
                DispatchWeights.DEFAULTS);

        Assignment a = dispatcher.dispatch(lead(1, XIHU, null));

        assertThat(a.repName()).isEqualTo("张伟");
        assertThat(a.match()).isEqualTo(RegionMatch.CITY);
        assertThat(a.lowestLoad()).as("李娜 was lighter").isFalse();
    }

    @Test
    void onlyRepsCoveringTheRegionAreWeighed() {
        Dispatcher dispatcher = new Dispatcher(List.of(rep("张伟", 50, 40, HANGZHOU), rep("李娜", 50, 0, SUZHOU)),
                DispatchWeights.DEFAULTS);

        Assignment a = dispatcher.dispatch(lead(1, XIHU, null));

        assertThat(a.repName()).isEqualTo("张伟");
        assertThat(a.candidates()).isEqualTo(1);
        assertThat(a.flag()).isNull();
    }

    @Test
    void aRepAtCapacityGetsNothing() {
        Dispatcher dispatcher = new Dispatcher(List.of(rep("张伟", 10, 10, HANGZHOU), rep("李娜", 10, 9, HANGZHOU)),
                DispatchWeights.DEFAULTS);

        Assignment first = dispatcher.dispatch(lead(1, XIHU, null));
        Assignment second = dispatcher.dispatch(lead(2, XIHU, null));

        assertThat(first.repName()).as("张伟 is full; 李娜 has room for exactly one").isEqualTo("李娜");
        assertThat(second.assigned()).isFalse();
        assertThat(dispatcher.loadIndexes()).containsEntry(Reps.id("张伟"), 1.0).containsEntry(Reps.id("李娜"), 1.0);
    }

    @Test
    void theLoadIndexWeighsOverdueFollowUpsAndTasks() {
        RepCandidate busy = new RepCandidate(Reps.id("张伟"), "张伟", List.of(HANGZHOU), 20, 6, 4, 8, false, null,
                Map.of(), TrackRecord.NONE);

        Assignment a = new Dispatcher(List.of(busy), DispatchWeights.DEFAULTS).dispatch(lead(1, XIHU, null));

        // (6 × 1.0 + 4 × 0.5 + 8 × 0.25) / 20
        assertThat(a.loadIndex()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void identicalRepsAlternate() {
        Dispatcher dispatcher = new Dispatcher(List.of(rep("张伟", 50, 10, HANGZHOU), rep("李娜", 50, 10, HANGZHOU)),
                DispatchWeights.DEFAULTS);

        List<String> names = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            names.add(dispatcher.dispatch(lead(i, XIHU, null)).repName());
        }

        String first = names.get(0);
        String other = first.equals("张伟") ? "李娜" : "张伟";
        assertThat(names).containsExactly(first, other, first, other, first, other);
    }

    @Test
    void equalScoresGoToWhoeverWaitedLongest() {
        DispatchWeights regionOnly = new DispatchWeights(0.5, 0, 0.2, 1.0, 0.5, 0.25, 60);
        Dispatcher dispatcher = new Dispatcher(List.of(
                lastAssigned(rep("王芳", 50, 0, HANGZHOU), Instant.parse("2026-11-25T02:00:00Z")),
                lastAssigned(rep("张伟", 50, 0, HANGZHOU), Instant.parse("2026-11-20T02:00:00Z")),
                rep("李娜", 50, 0, HANGZHOU)), regionOnly);

        List<Assignment> run = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            run.add(dispatcher.dispatch(lead(i, XIHU, null)));
        }

        assertThat(run).extracting(Assignment::repName).as("never assigned first, then by the oldest last lead")
                .containsExactly("李娜", "张伟", "王芳", "李娜", "张伟", "王芳");
        assertThat(run).allMatch(Assignment::tieBroken);
    }

    @Test
    void aFasterCloserOfTheIndustryWinsAtEqualRegionAndLoad() {
        Dispatcher dispatcher = new Dispatcher(List.of(
                withRecord(rep("李娜", 50, 10, HANGZHOU), "HOSPITAL", new TrackRecord(8, 2, 42)),
                withRecord(rep("张伟", 50, 10, HANGZHOU), "HOSPITAL", new TrackRecord(8, 2, 21))),
                DispatchWeights.DEFAULTS);

        Assignment a = dispatcher.dispatch(lead(1, XIHU, "HOSPITAL"));

        assertThat(a.repName()).isEqualTo("张伟");
        assertThat(a.industry()).isEqualTo("HOSPITAL");
        assertThat(a.cycleDays()).isEqualTo(21);
        assertThat(a.fastest()).isTrue();
        assertThat(a.winRate()).isCloseTo(0.8, within(1e-9));
        assertThat(a.tieBroken()).isFalse();
    }

    @Test
    void aLeadWithoutRegionIsFlaggedAndGoesToTheLightestRep() {
        Dispatcher dispatcher = new Dispatcher(List.of(rep("张伟", 50, 25, HANGZHOU), rep("李娜", 50, 5, SUZHOU)),
                DispatchWeights.DEFAULTS);

        Assignment a = dispatcher.dispatch(lead(1, null, null));

        assertThat(a.repName()).isEqualTo("李娜");
        assertThat(a.flag()).isEqualTo(Lead.AssignmentFlag.NO_REGION);
        assertThat(a.match()).isEqualTo(RegionMatch.NONE);
        assertThat(a.territory()).isNull();
        assertThat(a.candidates()).isEqualTo(2);
    }

    @Test
    void aLeadNobodyCoversIsFlaggedOutOfTerritory() {
        Dispatcher dispatcher = new Dispatcher(List.of(rep("张伟", 50, 25, HANGZHOU), rep("李娜", 50, 5, SUZHOU)),
                DispatchWeights.DEFAULTS);

        Assignment a = dispatcher.dispatch(lead(1, "350102", null));

        assertThat(a.repName()).isEqualTo("李娜");
        assertThat(a.flag()).isEqualTo(Lead.AssignmentFlag.OUT_OF_TERRITORY);
        assertThat(a.candidates()).isEqualTo(2);
    }

    @Test
    void aFullCoveringRepSendsTheLeadOutOfTerritory() {
        Dispatcher dispatcher = new Dispatcher(List.of(rep("张伟", 10, 10, HANGZHOU), rep("李娜", 50, 30, SUZHOU)),
                DispatchWeights.DEFAULTS);

        Assignment a = dispatcher.dispatch(lead(1, XIHU, null));

        assertThat(a.repName()).isEqualTo("李娜");
        assertThat(a.flag()).isEqualTo(Lead.AssignmentFlag.OUT_OF_TERRITORY);
    }

    @Test
    void withNoEligibleRepTheLeadStaysUnassigned() {
        Dispatcher dispatcher = new Dispatcher(List.of(away(rep("张伟", 50, 0, HANGZHOU)), rep("李娜", 5, 5, HANGZHOU),
                rep("王芳", 0, 0, HANGZHOU)), DispatchWeights.DEFAULTS);
        UUID leadId = Reps.id("lead 1");

        Assignment a = dispatcher.dispatch(lead(1, XIHU, null));

        assertThat(a.assigned()).isFalse();
        assertThat(a.leadId()).isEqualTo(leadId);
        assertThat(a.repId()).isNull();
        assertThat(a.flag()).isEqualTo(Lead.AssignmentFlag.NO_ELIGIBLE_REP);
    }
}
