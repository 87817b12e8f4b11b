package io.salesdesk.commerce.stock;

import java.util.ArrayList;
import java.util.List;

/**
 * Which warehouse region codes serve a customer's region (GB/T 2260): the region itself, its city
 * and its province, so a customer in 330302 (鹿城区) is served by a warehouse covering 330302, 330300
 * (温州市) or 330000 (浙江省). Codes are hierarchical, so this is arithmetic on the code, no lookup.
 */
public final class ServingRegions {

    private ServingRegions() {
    }

    /** The codes whose warehouses serve {@code region}, most specific first; empty for no or a malformed code. */
    public static List<String> codesServing(String region) {
        List<String> codes = new ArrayList<>(3);
        if (region == null || !region.matches("\\d{6}")) {
            return codes;
        }
        codes.add(region);
        String city = region.substring(0, 4) + "00";
        if (!codes.contains(city)) {
            codes.add(city);
        }
        String province = region.substring(0, 2) + "0000";
        if (!codes.contains(province)) {
            codes.add(province);
        }
        return codes;
    }

    /** Whether a warehouse covering {@code covered} serves {@code region}. */
    public static boolean serves(String covered, String region) {
        return codesServing(region).contains(covered);
    }
}
