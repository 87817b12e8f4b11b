package io.salesdesk.commerce.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file attached to a contract (the scanned paper, an annex); its bytes live under the
 * workspace's attachments folder.
 *
 * @param id         id
 * @param contractId the contract
 * @param fileName   the name the file had when attached
 * @param storedPath where it is stored, relative to the attachments folder
 * @param sizeBytes  size in bytes
 * @param sha256     SHA-256 of the content, hex
 * @param addedAt    when it was attached
 * @param addedBy    who attached it, may be null
 */
public record ContractAttachment(UUID id, UUID contractId, String fileName, String storedPath, long sizeBytes,
                                 String sha256, OffsetDateTime addedAt, UUID addedBy) {
}
