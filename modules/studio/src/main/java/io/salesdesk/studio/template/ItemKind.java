package io.salesdesk.studio.template;

/** The kinds of configuration a template carries, in the order an install adds them (fields before the rules that use them). */
public enum ItemKind {
    FIELD, RULE, BOARD, FLOW, SLA, FUNNEL, TIER, BONUS, DISPATCH;

    /** Whether the kind is one workspace-wide setting, replaced rather than added. */
    public boolean setting() {
        return this == BONUS || this == DISPATCH;
    }
}
