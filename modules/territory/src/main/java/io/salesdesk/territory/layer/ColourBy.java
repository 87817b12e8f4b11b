package io.salesdesk.territory.layer;

/** What the colour of a customer pin tells. */
public enum ColourBy {
    /** Tier A–D: colour key = the tier's ordinal. */
    TIER,
    /** Owning rep: colour key = the owner's place in {@link CustomerPins#owners()}, 0 for the public pool. */
    OWNER
}
