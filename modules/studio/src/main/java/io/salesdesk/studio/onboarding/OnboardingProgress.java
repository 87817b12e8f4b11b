package io.salesdesk.studio.onboarding;

import java.util.List;
import java.util.Optional;

/**
 * A new hire's progress on their path on a given day: what the hire sees on My Day and their manager
 * and mentor see for their team.
 *
 * @param day the path day it is (1 on the start day; before it 0 or less)
 */
public record OnboardingProgress(Assignment assignment, int day, List<StageProgress> stages) {

    public OnboardingProgress {
        stages = List.copyOf(stages);
    }

    public List<StepProgress> steps() {
        return stages.stream().flatMap(s -> s.steps().stream()).toList();
    }

    /** Finished steps out of all, as a whole percentage. */
    public int percent() {
        List<StepProgress> all = steps();
        return all.isEmpty() ? 100 : (int) (100 * all.stream().filter(StepProgress::done).count() / all.size());
    }

    /** Steps past their day and not finished, failed drills included. */
    public long overdue() {
        return steps().stream().filter(s -> s.state() == StepProgress.State.OVERDUE
                || s.state() == StepProgress.State.FAILED && s.dueOn().isBefore(assignment.dateOf(Math.max(day, 1))))
                .count();
    }

    /** The stage today falls in (the first before the start, the last after the end). */
    public StageProgress currentStage() {
        return stages.stream().filter(s -> day <= s.stage().toDay()).findFirst()
                .orElse(stages.get(stages.size() - 1));
    }

    /** Whether every step is finished. */
    public boolean finished() {
        return steps().stream().allMatch(StepProgress::done);
    }

    /** The next unfinished steps in path order, at most {@code limit}. */
    public List<StepProgress> next(int limit) {
        return steps().stream().filter(s -> !s.done()).limit(limit).toList();
    }

    /** The latest drill score recorded, if any. */
    public Optional<StepProgress> latestDrill() {
        return steps().stream().filter(s -> s.step().kind() == StepKind.DRILL && s.record() != null
                        && s.record().score() != null)
                .max(java.util.Comparator.comparing(s -> s.record().recordedAt()));
    }
}
