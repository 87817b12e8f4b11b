package io.salesdesk.studio.onboarding;

import java.time.LocalDate;

/** Where one step of a hire's path stands. */
public record StepProgress(PathStep step, LocalDate dueOn, State state, StepRecord record) {

    /** A step's state on a given day. */
    public enum State {
        /** Finished: task done, drill passed or feedback given. */
        DONE,
        /** A drill scored below its pass score: to be drilled and scored again. */
        FAILED,
        /** Not yet finished, not yet due. */
        OPEN,
        /** Not finished and past its day. */
        OVERDUE
    }

    public boolean done() {
        return state == State.DONE;
    }
}
