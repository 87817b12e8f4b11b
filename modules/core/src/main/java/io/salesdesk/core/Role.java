package io.salesdesk.core;

/** What a user does in the sales organisation; decides what they may see and sign. */
public enum Role {
    REP,
    MANAGER,
    FINANCE,
    LEGAL,
    GM,
    OPS,
    ADMIN;

    /** Whether this role sees every record of the company regardless of the org tree. */
    public boolean seesEverything() {
        return this == ADMIN || this == GM || this == FINANCE || this == LEGAL || this == OPS;
    }
}
