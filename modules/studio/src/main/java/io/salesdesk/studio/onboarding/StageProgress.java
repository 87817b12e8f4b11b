package io.salesdesk.studio.onboarding;

import java.util.List;

/** Where a stage of a hire's path stands. */
public record StageProgress(PathStage stage, List<StepProgress> steps) {

    public StageProgress {
        steps = List.copyOf(steps);
    }

    public long done() {
        return steps.stream().filter(StepProgress::done).count();
    }
}
