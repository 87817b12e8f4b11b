package io.salesdesk.board.task;

/** How urgent a task is, lowest first. */
public enum TaskPriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
