package io.salesdesk.workflow.sla;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A subject past a rule's threshold: who owns it, their manager, and the value of the field the
 * time counts from (the anchor that makes the lapse one lapse).
 */
record Lapse(UUID subjectId, String label, UUID ownerId, String ownerName, UUID managerId, OffsetDateTime anchor) {
}
