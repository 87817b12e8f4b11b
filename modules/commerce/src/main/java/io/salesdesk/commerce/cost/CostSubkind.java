package io.salesdesk.commerce.cost;

/** A finer kind of cost, each belonging to one {@link CostKind}. */
public enum CostSubkind {
    /** A marketing campaign (市场活动). */
    CAMPAIGN(CostKind.ACQUISITION),
    /** A fee paid to a channel partner (渠道费). */
    CHANNEL_FEE(CostKind.ACQUISITION),
    /** Ordinary shipping (运费). */
    SHIPPING(CostKind.FULFILMENT),
    /** Emergency freight (加急运费). */
    EMERGENCY_FREIGHT(CostKind.FULFILMENT);

    private final CostKind kind;

    CostSubkind(CostKind kind) {
        this.kind = kind;
    }

    public CostKind kind() {
        return kind;
    }
}
