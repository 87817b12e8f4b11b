package io.salesdesk.studio.onboarding;

/** What a step of an onboarding path asks for, and so who does it. */
public enum StepKind {
    /** Something the new hire learns or does; done when the hire finishes its task. */
    LEARNING,
    /** A drill the mentor scores; passed at the step's pass score. */
    DRILL,
    /** A feedback form the mentor fills in: a 1–5 rating per question and a comment. */
    FEEDBACK
}
