package io.salesdesk.board.task;

/** The columns of the task board, in order. */
public enum TaskStatus {
    TODO,
    DOING,
    DONE;

    /** Whether work on the task is still to be done (it shows on My Day and gets reminders). */
    public boolean isOpen() {
        return this != DONE;
    }
}
