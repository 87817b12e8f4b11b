package io.salesdesk.dispatch;

/**
 * The settings dispatch scores with. A rep's score is
 * {@code region × regionMatch + load × (1 − loadIndex) + fit × historyFit}; the load index is
 * {@code (openLeads × perLead + overdueFollowUps × perOverdue + openTasks × perTask) / monthlyCapacity}.
 *
 * @param defaultCapacity the monthly capacity of a rep without one of their own
 */
public record DispatchWeights(double region, double load, double fit, double perLead, double perOverdue,
                              double perTask, int defaultCapacity) {

    public static final DispatchWeights DEFAULTS = new DispatchWeights(0.5, 0.3, 0.2, 1.0, 0.5, 0.25, 60);

    /** Rounding slack when a rep's load is compared with their capacity. */
    private static final double SLACK = 1e-9;

    public DispatchWeights {
        if (region < 0 || load < 0 || fit < 0 || perLead <= 0 || perOverdue < 0 || perTask < 0 || defaultCapacity <= 0) {
            throw new IllegalArgumentException("dispatch weights must not be negative and capacity positive");
        }
    }

    /** The rep's weighted work if they had {@code openLeads} open leads (the numerator of the load index). */
    public double weightedLoad(RepCandidate rep, int openLeads) {
        return openLeads * perLead + rep.overdueFollowUps() * perOverdue + rep.openTasks() * perTask;
    }

    /** The rep's load index if they had {@code openLeads} open leads. */
    public double loadIndex(RepCandidate rep, int openLeads) {
        return weightedLoad(rep, openLeads) / rep.monthlyCapacity();
    }

    /**
     * Whether the rep, with {@code openLeads} open leads, can take one more: they are available and
     * the lead does not push their load past their capacity. Dispatch and re-balancing share this rule.
     */
    public boolean canTakeOneMore(RepCandidate rep, int openLeads) {
        return rep.available() && (weightedLoad(rep, openLeads) + perLead) / rep.monthlyCapacity() <= 1 + SLACK;
    }
}
