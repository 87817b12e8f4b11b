package io.salesdesk.studio.onboarding;

import java.util.List;

/**
 * A stage of an onboarding path: days {@code fromDay}–{@code toDay} of it, and what is due in them.
 *
 * @param name e.g. 第一阶段：熟悉产品（第 1–30 天）
 */
public record PathStage(String key, String name, int fromDay, int toDay, List<PathStep> steps) {

    public PathStage {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
