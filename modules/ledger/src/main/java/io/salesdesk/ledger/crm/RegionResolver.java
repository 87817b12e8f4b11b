package io.salesdesk.ledger.crm;

import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionService;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Finds the GB/T 2260 region of a ledger row from its 省/市/区县 columns or, without them, from the
 * address text ("江苏省苏州市姑苏区人民路1号", "苏州市姑苏区…", "北京朝阳区…"). Names are matched
 * with and without their suffix (江苏 = 江苏省, 苏州 = 苏州市); the "市辖区" level of municipalities
 * is skipped, so 北京市 + 朝阳区 finds 110105 and not 长春's 朝阳区.
 */
public final class RegionResolver {

    private static final String[] PROVINCE_SUFFIXES = {"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"};
    private static final String[] CITY_SUFFIXES = {"自治州", "地区", "市", "盟"};
    private static final int MAX_NAME_LENGTH = 16;
    private static final String[] COUNTY_SUFFIXES = {"自治县", "区", "县", "市", "旗"};

    private final Map<String, List<Place>> byName = new HashMap<>();
    /** The wired address locator (the territory parser), when the app passed one in. */
    private final RegionService locator;

    /**
     * A region column or address that names no known region.
     *
     * @param code   the most specific region found, or {@code null}
     * @param failed the field key (province, city, district) whose text matched nothing, or {@code null}
     */
    public record Resolution(String code, String failed) {
    }

    /** A resolver over the bundled regions. */
    public RegionResolver(RegionService regions) {
        this.locator = regions.hasAddressLocator() ? regions : null;
        for (Region province : regions.provinces()) {
            add(new Place(province, 1, null, null), PROVINCE_SUFFIXES);
            for (Region city : regions.children(province.code())) {
                boolean placeholder = "市辖区".equals(city.name()) || "县".equals(city.name());
                Place cityPlace = placeholder ? null : new Place(city, 2, province.code(), null);
                if (cityPlace != null) {
                    add(cityPlace, CITY_SUFFIXES);
                }
                for (Region county : regions.children(city.code())) {
                    add(new Place(county, 3, province.code(), placeholder ? null : city.code()), COUNTY_SUFFIXES);
                }
            }
        }
    }

    /**
     * Resolves the region columns of a row.
     *
     * @param province 省 text, may be null
     * @param city     市 text, may be null
     * @param district 区县 text, may be null
     * @return the most specific code found, or the column that matched nothing
     */
    public Resolution resolve(String province, String city, String district) {
        Place p = null;
        Place c = null;
        if (!blank(province)) {
            p = unique(find(province, 1, x -> true));
            if (p == null) {
                return new Resolution(null, "province");
            }
        }
        if (!blank(city)) {
            String provinceCode = p == null ? null : p.region().code();
            c = unique(find(city, 2, x -> provinceCode == null || provinceCode.equals(x.provinceCode())));
            if (c == null) {
                // A municipality written in the city column: 北京市 / 朝阳区.
                Place asProvince = unique(find(city, 1, x -> provinceCode == null || provinceCode.equals(x.region().code())));
                if (asProvince == null) {
                    return new Resolution(null, "city");
                }
                p = asProvince;
            }
        }
        Place d = null;
        if (!blank(district)) {
            Place pp = p;
            Place cc = c;
            d = unique(find(district, 3, x -> (cc == null || cc.region().code().equals(x.cityCode()))
                    && (pp == null || pp.region().code().equals(x.provinceCode()))));
            if (d == null) {
                return new Resolution(null, "district");
            }
        }
        Place best = d != null ? d : c != null ? c : p;
        return new Resolution(best == null ? null : best.region().code(), null);
    }

    /**
     * Finds the region an address starts with: province, then city, then district. With an address
     * locator wired into the region service, its guess decides, and only when it is confident.
     *
     * @param address the address text
     * @return the most specific code found, or {@code null}
     */
    public String resolveAddress(String address) {
        if (blank(address)) {
            return null;
        }
        if (locator != null) {
            return locator.resolveAddress(address).map(Region::code).orElse(null);
        }
        String text = Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        Prefix p = longestPrefix(text, 1, x -> true);
        String rest = p == null ? text : text.substring(p.matchedLength());
        String provinceCode = p == null ? null : p.place().region().code();
        Prefix c = longestPrefix(rest, 2, x -> provinceCode == null || provinceCode.equals(x.provinceCode()));
        if (c != null) {
            rest = rest.substring(c.matchedLength());
        }
        String cityCode = c == null ? null : c.place().region().code();
        Prefix d = provinceCode == null && cityCode == null ? null
                : longestPrefix(rest, 3, x -> (cityCode == null || cityCode.equals(x.cityCode()))
                        && (provinceCode == null || provinceCode.equals(x.provinceCode())));
        Prefix best = d != null ? d : c != null ? c : p;
        return best == null ? null : best.place().region().code();
    }

    // Tries each prefix of the text as a name, longest first: a handful of map lookups per row.
    private Prefix longestPrefix(String text, int level, Predicate<Place> filter) {
        for (int length = Math.min(MAX_NAME_LENGTH, text.length()); length >= 2; length--) {
            List<Place> candidates = byName.getOrDefault(text.substring(0, length), List.of()).stream()
                    .filter(x -> x.level() == level).filter(filter).toList();
            if (!candidates.isEmpty()) {
                Place place = unique(candidates);
                return place == null ? null : new Prefix(place, length);
            }
        }
        return null;
    }

    private List<Place> find(String text, int level, Predicate<Place> filter) {
        String key = key(text);
        List<Place> candidates = byName.getOrDefault(key, List.of());
        return candidates.stream().filter(x -> x.level() == level).filter(filter).toList();
    }

    private static Place unique(List<Place> places) {
        return places.stream().map(x -> x.region().code()).distinct().count() == 1 ? places.get(0) : null;
    }

    private void add(Place place, String[] suffixes) {
        String name = place.region().name();
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(place);
        for (String suffix : suffixes) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                byName.computeIfAbsent(name.substring(0, name.length() - suffix.length()), k -> new ArrayList<>())
                        .add(place);
                break;
            }
        }
    }

    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A region with the codes of its province and (real, not 市辖区) city. */
    private record Place(Region region, int level, String provinceCode, String cityCode) {

        Place {
            Objects.requireNonNull(region, "region");
        }
    }

    /** A region name found at the start of an address, and how many characters it took. */
    private record Prefix(Place place, int matchedLength) {
    }
}
