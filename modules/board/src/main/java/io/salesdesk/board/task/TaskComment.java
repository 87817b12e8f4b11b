package io.salesdesk.board.task;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A remark on a task.
 *
 * @param id         id
 * @param taskId     the task
 * @param authorId   who wrote it
 * @param authorName the author's display name
 * @param body       the text
 * @param createdAt  when it was written
 */
public record TaskComment(UUID id, UUID taskId, UUID authorId, String authorName, String body,
                          OffsetDateTime createdAt) {
}
