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

    public DispatchWeights {
        if (region < 0 || load < 0 || fit < 0 || perLead <= 0 || perOverdue < 0 || perTask < 0 || defaultCapacity <= 0) {
            throw new IllegalArgumentException("dispatch weights must not be negative and capacity positive");
        }
    }
}
