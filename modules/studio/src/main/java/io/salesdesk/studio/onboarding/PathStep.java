package io.salesdesk.studio.onboarding;

import java.util.List;

/**
 * One step of an onboarding path.
 *
 * @param key       stable within the path ("learn-product"); records refer to it
 * @param kind      who does what
 * @param title     what the task says
 * @param detail    how, may be null
 * @param dueDay    the path day (1 = the start day) it is due by
 * @param passScore for a drill, the score out of 100 that passes it; null otherwise
 * @param questions for a feedback form, what the mentor rates; empty otherwise
 */
public record PathStep(String key, StepKind kind, String title, String detail, int dueDay, Integer passScore,
        List<String> questions) {

    public PathStep {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
