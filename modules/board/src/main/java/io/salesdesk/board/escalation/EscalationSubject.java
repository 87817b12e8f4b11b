package io.salesdesk.board.escalation;

import java.util.Objects;
import java.util.UUID;

/**
 * What an escalation is about.
 *
 * @param entity the table name of the row, e.g. {@code customer}
 * @param id     the row's id
 * @param label  how the card names it, e.g. the customer's name
 */
public record EscalationSubject(String entity, UUID id, String label) {

    public EscalationSubject {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
