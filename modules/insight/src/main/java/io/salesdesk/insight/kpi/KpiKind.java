package io.salesdesk.insight.kpi;

/**
 * The figures of the KPI dashboard, each with where it comes from (table.column) and whether a
 * higher value is good news, so a trend arrow can be coloured.
 */
public enum KpiKind {
    /** Σ contract.amount of contracts signed in the period (contract.signed_on; SIGNED, EXECUTING, CLOSED). */
    SIGNED_AMOUNT(Unit.YUAN, true),
    /** {@link #SIGNED_AMOUNT} ÷ reps (app_user.role = REP employed in the period) ÷ calendar months of the period. */
    SIGNED_PER_REP_MONTH(Unit.YUAN, true),
    /** Median of lead.response_minutes (assignment → first follow-up or claim) of leads created in the period. */
    RESPONSE_MEDIAN(Unit.MINUTES, false),
    /** 90th percentile (nearest rank) of lead.response_minutes, as {@link #RESPONSE_MEDIAN}. */
    RESPONSE_P90(Unit.MINUTES, false),
    /**
     * Mean days from submission (the first approval_request.submitted_at of the contract; its
     * contract.created_at when it never went through an approval flow) to contract.signed_on. A
     * contract signed before it was submitted is a data error: left out, and counted in
     * {@link KpiFigure#excluded()}.
     */
    CONTRACT_CYCLE(Unit.DAYS, false),
    /**
     * Σ activity.duration_minutes of paperwork kinds ÷ Σ activity.duration_minutes (kinds are a
     * setting); like {@link #DAILY_TOUCHES}, only live activities of customers not deleted count.
     */
    PAPERWORK_SHARE(Unit.PERCENT, false),
    /** Key-role people who left in the period (app_user.left_on) ÷ key-role headcount on its first day. */
    KEY_ROLE_ATTRITION(Unit.PERCENT, false),
    /** Customer acquisition cost of customers won in the period (cost_entry, as commerce's CostService). */
    CAC(Unit.YUAN, false),
    /** The measured (not allocated) part of the CAC's cost (cost_entry.basis = MEASURED). */
    CAC_MEASURED_SHARE(Unit.PERCENT, true),
    /** Effective touches (activity of a touch kind, long enough) ÷ reps ÷ working days of the period. */
    DAILY_TOUCHES(Unit.COUNT, true),
    /** Leads created in the period whose deal (lead.opportunity_id) was won ÷ leads created. */
    LEAD_CONVERSION(Unit.PERCENT, true),
    /** Mean days from lead.created_at to the won deal's opportunity.closed_at. */
    LEAD_CYCLE(Unit.DAYS, false);

    /** How a figure is measured and shown. */
    public enum Unit {
        YUAN, MINUTES, DAYS, PERCENT, COUNT
    }

    private final Unit unit;
    private final boolean higherIsBetter;

    KpiKind(Unit unit, boolean higherIsBetter) {
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    public Unit unit() {
        return unit;
    }

    /** Whether a rise is good news (signed amount) or bad (response minutes). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
