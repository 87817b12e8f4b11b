package io.salesdesk.board;

import java.util.UUID;

/**
 * A customer's key contact as a card shows them.
 *
 * @param id    the contact
 * @param name  their name
 * @param title their title, or null
 */
public record KeyContact(UUID id, String name, String title) {
}
