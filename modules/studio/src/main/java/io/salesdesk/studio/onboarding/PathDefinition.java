package io.salesdesk.studio.onboarding;

import java.util.List;
import java.util.Optional;

/** The stages of an onboarding path, in order. */
public record PathDefinition(List<PathStage> stages) {

    public PathDefinition {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** How many days the path runs: the last stage's last day. */
    public int days() {
        return stages.stream().mapToInt(PathStage::toDay).max().orElse(0);
    }

    /** Every step, stage by stage. */
    public List<PathStep> steps() {
        return stages.stream().flatMap(s -> s.steps().stream()).toList();
    }

    /** The step with a key. */
    public Optional<PathStep> step(String key) {
        return steps().stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
