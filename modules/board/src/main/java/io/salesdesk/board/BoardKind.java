package io.salesdesk.board;

/** What a board shows: each board shows one kind of item. */
public enum BoardKind {
    OPPORTUNITY, TASK, ESCALATION
}
