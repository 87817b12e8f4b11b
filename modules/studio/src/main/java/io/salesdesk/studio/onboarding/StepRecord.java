package io.salesdesk.studio.onboarding;

import io.salesdesk.board.task.TaskStatus;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * What has happened on one step of an assignment.
 *
 * @param taskId     the task the step created
 * @param taskStatus that task's status now; null if it was deleted
 * @param score      a drill's score, once recorded
 * @param ratings    a feedback form's 1–5 rating per question, once recorded
 * @param comment    the mentor's comment on a drill or feedback
 * @param recordedAt when the score or feedback was recorded; null before
 */
public record StepRecord(String stepKey, UUID taskId, TaskStatus taskStatus, Integer score, Map<String, Integer> ratings,
        String comment, OffsetDateTime recordedAt) {

    public StepRecord {
        ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
    }
}
