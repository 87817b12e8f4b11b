package io.salesdesk.crm;

/**
 * The region an address most likely lies in, and how sure the guess is.
 *
 * @param code       GB/T 2260 code (county, city or province), or {@code null} when the address names no region
 * @param fullName   the region's name with its parents, e.g. {@code 浙江省 杭州市 西湖区}; empty without a code
 * @param level      province, city or county; empty without a code
 * @param confidence 0 (nothing found, or ambiguous) to 1 (every level named and consistent)
 * @param reason     why: which names matched, or which regions an ambiguous name could mean
 */
public record RegionGuess(String code, String fullName, String level, double confidence, String reason) {

    /** A guess that found nothing, with why. */
    public static RegionGuess none(String reason) {
        return new RegionGuess(null, "", "", 0, reason);
    }

    /** Whether this guess names a region with at least {@link AddressLocator#CONFIDENT} confidence. */
    public boolean confident() {
        return code != null && confidence >= AddressLocator.CONFIDENT;
    }
}
