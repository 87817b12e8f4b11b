package io.salesdesk.board;

/** What a board shows: each board shows one kind of item. */
public enum BoardKind {
    OPPORTUNITY, TASK, ESCALATION, CUSTOMER;

    /**
     * The entity whose custom fields this kind's cards carry ({@code CUSTOMER}, {@code OPPORTUNITY},
     * {@code TASK}), or null for a kind without custom fields.
     */
    public String customEntity() {
        return this == ESCALATION ? null : name();
    }
}
