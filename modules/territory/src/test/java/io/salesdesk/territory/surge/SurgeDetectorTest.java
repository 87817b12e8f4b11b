package io.salesdesk.territory.surge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Surge detection on synthetic counts: threshold, minimum volume, macro-regions, no baseline, same weekday. */
class SurgeDetectorTest {

    private final SurgeDetector detector = new SurgeDetector(SurgeSettings.DEFAULTS);

    private static Map<String, int[]> counts(Object... prefixAndCounts) {
        Map<String, int[]> counts = new HashMap<>();
        for (int i = 0; i < prefixAndCounts.length; i += 2) {
            counts.put((String) prefixAndCounts[i], (int[]) prefixAndCounts[i + 1]);
        }
        return counts;
    }

    @ParameterizedTest(name = "recent {0} over weeks {1}/{2}/{3}/{4}: surge {5}")
    @CsvSource(textBlock = """
            20, 5, 5, 5, 5, true
            19, 5, 5, 5, 5, false
            40, 10, 10, 10, 10, true
            39, 10, 10, 10, 10, false
            19, 1, 1, 1, 1, false
            """)
    void aKeySurgesAtFourTimesItsBaselineAndTheMinimumVolume(int recent, int w1, int w2, int w3, int w4,
                                                              boolean surge) {
        List<Surge> found = detector.detect(counts("44", new int[] {recent, w1, w2, w3, w4}), true);

        assertThat(found).extracting(Surge::key).containsExactlyElementsOf(surge ? List.of("SOUTH") : List.of());
    }

    @Test
    void theRatioAndBaselineAreTheMeanOfTheEarlierWindows() {
        Surge s = detector.detect(counts("44", new int[] {48, 8, 12, 10, 10}), true).get(0);

        assertThat(s.baseline()).isEqualTo(10.0);
        assertThat(s.ratio()).isEqualTo(4.8);
        assertThat(s.recent()).isEqualTo(48);
    }

    @Test
    void aMacroRegionAddsItsProvincesAndCoversThemInOneAlert() {
        // Neither 上海 nor 浙江 reaches the minimum alone; 华东 together does, and names 浙江 busiest.
        List<Surge> found = detector.detect(counts("31", new int[] {9, 2, 2, 2, 2}, "33", new int[] {15, 3, 3, 3, 3},
                "32", new int[] {0, 0, 0, 0, 0}), true);

        assertThat(found).extracting(Surge::key).containsExactly("EAST");
        assertThat(found.get(0).busiestProvinces()).startsWith("330000", "310000");
        assertThat(found.get(0).provinceCodes()).contains("310000", "320000", "330000", "340000", "350000", "360000",
                "370000");
    }

    @Test
    void aProvinceSurgesOnItsOwnWhenItsMacroRegionDoesNot() {
        // 浙江 quadruples; 华东 as a whole does not because 江苏 is big and steady.
        List<Surge> found = detector.detect(counts("33", new int[] {40, 10, 10, 10, 10},
                "32", new int[] {100, 100, 100, 100, 100}), true);

        assertThat(found).extracting(Surge::key).containsExactly("330000");
        assertThat(found.get(0).macroRegion()).isEqualTo(MacroRegion.EAST);
    }

    @Test
    void withoutABaselineOnlyAWorkspaceWithHistoryCallsVolumeASurge() {
        Map<String, int[]> newDemand = counts("51", new int[] {25, 0, 0, 0, 0});

        assertThat(detector.detect(newDemand, false)).isEmpty();
        Surge s = detector.detect(newDemand, true).get(0);
        assertThat(s.key()).isEqualTo("SOUTHWEST");
        assertThat(s.ratio()).isNull();
    }

    @Test
    void theThresholdIsASetting() {
        SurgeSettings doubling = new SurgeSettings(WindowMode.ROLLING, 7, 4, 100, 10, 50, 3, 7);

        assertThat(new SurgeDetector(doubling).detect(counts("44", new int[] {20, 10, 10, 10, 10}), true))
                .extracting(Surge::key).containsExactly("SOUTH");
        assertThat(new SurgeDetector(doubling).detect(counts("44", new int[] {19, 10, 10, 10, 10}), true)).isEmpty();
    }

    @Test
    void sameWeekdayComparesTodaySoFarWithTheSameWeekdayOfEarlierWeeks() {
        // Friday 2026-11-27 15:00 in China.
        Instant now = Instant.parse("2026-11-27T07:00:00Z");
        SurgeSettings weekday = new SurgeSettings(WindowMode.SAME_WEEKDAY, 7, 4, 300, 20, 50, 3, 7);

        SurgeWindows windows = SurgeWindows.at(now, weekday);

        assertThat(windows.windows()).hasSize(5);
        assertThat(windows.recent().from()).isEqualTo(OffsetDateTime.parse("2026-11-26T16:00:00Z"));
        assertThat(windows.recent().to()).isEqualTo(OffsetDateTime.parse("2026-11-27T07:00:00Z"));
        // Last Friday, midnight to 15:00, and so on four weeks back.
        assertThat(windows.windows().get(1).from()).isEqualTo(OffsetDateTime.parse("2026-11-19T16:00:00Z"));
        assertThat(windows.windows().get(1).to()).isEqualTo(OffsetDateTime.parse("2026-11-20T07:00:00Z"));
        assertThat(windows.earliest()).isEqualTo(OffsetDateTime.parse("2026-10-29T16:00:00Z"));
    }

    @Test
    void rollingWindowsAreTheLastSevenDaysAndTheFourWeeksBefore() {
        SurgeWindows windows = SurgeWindows.at(Instant.parse("2026-11-27T07:00:00Z"), SurgeSettings.DEFAULTS);

        assertThat(windows.recent().from()).isEqualTo(OffsetDateTime.parse("2026-11-20T07:00:00Z"));
        assertThat(windows.windows().get(4).from()).isEqualTo(OffsetDateTime.parse("2026-10-23T07:00:00Z"));
        assertThat(windows.windows().get(4).to()).isEqualTo(OffsetDateTime.parse("2026-10-30T07:00:00Z"));
    }
}
