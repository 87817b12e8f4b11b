package io.salesdesk.dispatch;

import java.util.UUID;

/**
 * What dispatch needs of a lead.
 *
 * @param regionCode GB/T 2260 code, null if unknown
 * @param industry   industry code, null if unknown
 */
public record LeadToDispatch(UUID id, String regionCode, String industry) {
}
