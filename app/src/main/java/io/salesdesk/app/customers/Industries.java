package io.salesdesk.app.customers;

import java.util.List;

/** The industry codes a customer can have; labels are {@code industry.<CODE>} in the bundles. */
public final class Industries {

    /** Hospital, primary care, clinic, laboratory, pharmacy, distributor. */
    public static final List<String> CODES = List.of("HOSPITAL", "PRIMARY_CARE", "CLINIC", "LAB", "PHARMACY",
            "DISTRIBUTOR");

    private Industries() {
    }
}
