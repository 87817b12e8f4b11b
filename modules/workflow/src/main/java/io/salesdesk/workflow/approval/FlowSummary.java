package io.salesdesk.workflow.approval;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A flow as the settings list shows it.
 *
 * @param id             the flow
 * @param entity         e.g. contract
 * @param action         e.g. submit
 * @param name           e.g. 合同审批
 * @param currentVersion the version new requests follow
 * @param active         whether submissions go through it
 * @param updatedAt      when its current version was saved
 */
public record FlowSummary(UUID id, String entity, String action, String name, int currentVersion, boolean active,
                          OffsetDateTime updatedAt) {
}
