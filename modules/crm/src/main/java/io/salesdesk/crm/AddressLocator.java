package io.salesdesk.crm;

import java.util.Collection;

/**
 * Guesses the region a postal address lies in. The CRM sets a customer's or lead's region from
 * its address only when the guess is {@linkplain RegionGuess#confident() confident}; the territory
 * module's parser implements it (crm cannot depend on territory, so the app passes it in through
 * {@link RegionService#RegionService(io.salesdesk.db.Database, Factory)}).
 */
@FunctionalInterface
public interface AddressLocator {

    /** Least confidence at which a guessed region is written to a customer or lead. */
    double CONFIDENT = 0.6;

    /** The most likely region of {@code address}; {@link RegionGuess#none} for blank or unplaceable text. */
    RegionGuess locate(String address);

    /** Builds a locator over the loaded region table (the table is read once, at start). */
    @FunctionalInterface
    interface Factory {
        AddressLocator create(Collection<Region> regions);
    }
}
