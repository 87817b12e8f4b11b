package io.salesdesk.crm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the most specific region an address names: "浙江省杭州市西湖区文三路 90 号" → 西湖区,
 * "杭州文三路" → 杭州市, "上海浦东新区张江路" → 浦东新区. Provinces and cities also match without
 * their suffix (浙江, 杭州); counties only by their full name, since 西湖 or 鼓楼 alone name too
 * many places.
 */
final class AddressRegions {

    private final List<Region> provinces;
    private final Function<String, List<Region>> children;
    private final Collection<Region> all;

    AddressRegions(List<Region> provinces, Function<String, List<Region>> children, Collection<Region> all) {
        this.provinces = provinces;
        this.children = children;
        this.all = all;
    }

    Optional<Region> resolve(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String text = address.replaceAll("\\s+", "");
        Region province = earliest(provinces, text, true);
        List<Region> cities = province != null ? children.apply(province.code())
                : all.stream().filter(r -> "city".equals(r.level())).toList();
        Region city = earliest(cities.stream().filter(c -> !isPlaceholder(c)).toList(), text, true);
        List<Region> counties = new ArrayList<>();
        if (city != null) {
            counties.addAll(children.apply(city.code()));
        } else if (province != null) {
            // Municipalities (上海, 北京 …) hang their districts under a "市辖区" city.
            cities.stream().filter(AddressRegions::isPlaceholder).forEach(c -> counties.addAll(children.apply(c.code())));
        }
        Region county = earliest(counties.stream().filter(c -> !isPlaceholder(c)).toList(), text, false);
        if (county == null && city == null && province == null) {
            List<Region> named = all.stream().filter(r -> "county".equals(r.level()) && !isPlaceholder(r)
                    && r.name().length() >= 3 && text.contains(r.name())).toList();
            county = named.size() == 1 ? named.get(0) : null;
        }
        return Optional.ofNullable(county != null ? county : city != null ? city : province);
    }

    private static boolean isPlaceholder(Region r) {
        return "市辖区".equals(r.name()) || "县".equals(r.name()) || "省直辖县级行政区划".equals(r.name())
                || "自治区直辖县级行政区划".equals(r.name());
    }

    /** The region whose name occurs first in the text (the address reads from large to small). */
    private static Region earliest(List<Region> candidates, String text, boolean allowShort) {
        Region best = null;
        int bestAt = Integer.MAX_VALUE;
        int bestLength = 0;
        for (Region r : candidates) {
            for (String name : allowShort ? List.of(r.name(), shortName(r.name())) : List.of(r.name())) {
                if (name.length() < 2) {
                    continue;
                }
                int at = text.indexOf(name);
                if (at >= 0 && (at < bestAt || at == bestAt && name.length() > bestLength)) {
                    best = r;
                    bestAt = at;
                    bestLength = name.length();
                }
            }
        }
        return best;
    }

    /** 浙江省 → 浙江, 杭州市 → 杭州, 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边. */
    static String shortName(String name) {
        for (String suffix : List.of("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "自治州", "地区", "盟",
                "省", "市")) {
            if (name.endsWith(suffix) && name.length() > suffix.length() + 1) {
                String stem = name.substring(0, name.length() - suffix.length());
                int ethnic = stem.indexOf("族");
                if (suffix.equals("自治州") && ethnic > 1) {
                    // 延边朝鲜族 → 延边: ethnic names are two characters or more before 族
                    return stem.substring(0, Math.max(2, ethnic - 2));
                }
                return stem;
            }
        }
        return name;
    }
}
