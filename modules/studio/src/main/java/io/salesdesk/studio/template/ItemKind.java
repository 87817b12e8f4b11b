package io.salesdesk.studio.template;

/**
 * The kinds of configuration a template carries, in the order an install adds them (fields before the rules
 * and form layouts that use them).
 */
public enum ItemKind {
    FIELD, RULE, BOARD, FLOW, SLA, FUNNEL, TIER, FORM, ONBOARDING, BONUS, DISPATCH, DASHBOARD;

    /**
     * Whether the kind is one workspace-wide setting, replaced rather than added (the team's dashboard is
     * one too: there is one team default).
     */
    public boolean setting() {
        return this == BONUS || this == DISPATCH || this == DASHBOARD;
    }
}
