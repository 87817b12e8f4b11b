package io.salesdesk.territory.address;

import io.salesdesk.crm.AddressLocator;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionGuess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline Chinese address → GB/T 2260 region, with a confidence.
 *
 * <p>Every region name, full (浙江省, 杭州市, 西湖区) and short (浙江, 杭州, 内蒙古, 延边, 浦东), sits in
 * one {@link NameTrie} built once from the region table. An address is scanned once for every name
 * it contains; the names are then chained province → city → county in reading order, each link a
 * real descendant of the one before, and the chain naming the most levels wins. Context settles
 * same-named districts (北京朝阳区 vs 长春朝阳区, 南京鼓楼区 vs 福州鼓楼区); a name that stays ambiguous
 * gives the regions' common parent with a low confidence, or nothing, never a confident guess.
 * Counties' short names (西湖, 浦东) and two-character county names (城区, 郊区) only count after a
 * province or city, since alone they name too many places or occur inside street names.
 *
 * <p>Immutable after construction and safe to share between threads.
 */
public final class AddressParser implements AddressLocator {

    private static final int FULL = 10;
    private static final int SHORT = 9;
    private static final int COUNTY_SHORT = 8;
    /** Names in a chain whose score ties the best one's and that are not related to it. */
    private static final double RIVAL_PENALTY = 0.15;
    private static final double AMBIGUOUS = 0.4;

    private static final Set<String> PLACEHOLDERS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");
    private static final String[] PROVINCE_SUFFIXES = {"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省",
        "市"};
    private static final String[] CITY_SUFFIXES = {"自治州", "地区", "盟", "市"};
    private static final String[] COUNTY_SUFFIXES = {"自治县", "自治旗", "新区", "林区", "区", "县", "市", "旗"};
    /** Ethnic names that end the place name in 自治州 and 自治县 names: 延边朝鲜族自治州 → 延边. */
    private static final String[] ETHNIC = {"朝鲜族", "土家族", "苗族", "布依族", "侗族", "彝族", "哈尼族", "壮族", "傣族", "白族",
        "景颇族", "傈僳族", "藏族", "羌族", "回族", "蒙古族", "蒙古", "哈萨克", "柯尔克孜", "黎族", "畲族", "满族", "瑶族", "水族",
        "仡佬族", "纳西族", "拉祜族", "佤族", "布朗族", "普米族", "独龙族", "怒族", "鄂温克族", "达斡尔族", "锡伯族", "撒拉族",
        "东乡族", "保安族", "土族", "裕固族", "仫佬族", "毛南族", "各族"};

    private final NameTrie names;
    private final Map<String, Place> byCode;

    /**
     * A parser over the given regions (the GB/T 2260 table: country, provinces, cities, counties).
     */
    public AddressParser(Collection<Region> regions) {
        Map<String, Region> raw = new HashMap<>();
        for (Region r : regions) {
            raw.put(r.code(), r);
        }
        byCode = new HashMap<>();
        for (Region r : regions) {
            int depth = depth(r.level());
            if (depth > 0 && !PLACEHOLDERS.contains(r.name())) {
                byCode.put(r.code(), new Place(r.code(), r.name(), r.level(), depth, fullName(r, raw)));
            }
        }
        NameTrie.Collector collector = new NameTrie.Collector();
        for (Region r : regions) {
            Place place = byCode.get(r.code());
            if (place == null) {
                continue;
            }
            place.parent = realParent(r, raw, byCode);
            collector.add(place.name, new NameTrie.Entry(place, false));
            String shortName = shortName(place.name, place.depth);
            if (shortName != null) {
                collector.add(shortName, new NameTrie.Entry(place, true));
            }
        }
        names = collector.build();
    }

    /** {@link #parse}: the territory parser as the CRM's address locator. */
    @Override
    public RegionGuess locate(String address) {
        return parse(address);
    }

    /**
     * The most specific region the address names, with its confidence and the reason; a guess
     * with a {@code null} code and confidence 0 when nothing (or nothing unambiguous) is named.
     */
    public RegionGuess parse(String address) {
        if (address == null) {
            return RegionGuess.none("blank address");
        }
        char[] text = new char[address.length()];
        int length = 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u3000') {
                text[length++] = c;
            }
        }
        if (length == 0) {
            return RegionGuess.none("blank address");
        }
        List<Hit> hits = new ArrayList<>();
        int textLength = length;
        names.scan(text, length, (start, end, entry) -> {
            // 中山路, 南京路, 北京街, 西湖路: a short name right before 路/街 names a street, not a place.
            if (!entry.shortName() || end >= textLength || !streetSuffix(text[end])) {
                hits.add(new Hit(start, end, entry));
            }
        });
        if (hits.isEmpty()) {
            return RegionGuess.none("no region name found");
        }
        int best = chain(hits);
        if (best <= 0) {
            return RegionGuess.none("only district names that need a city before them");
        }
        Set<Place> leaves = new LinkedHashSet<>();
        List<Hit> kept = new ArrayList<>();
        for (Hit h : hits) {
            // 上海南京路: 海南 inside 上海南 is read after 上海 took its first character.
            if (h.score == best && kept.stream().noneMatch(k -> k.start != h.start && h.start < k.end)) {
                kept.add(h);
                leaves.add(h.entry.place());
            }
        }
        Hit leaf = kept.get(0);
        if (leaves.size() > 1) {
            return ambiguous(leaves, leaf, text);
        }
        return confident(leaf, hits, text);
    }

    private static boolean streetSuffix(char c) {
        return c == '路' || c == '街' || c == '巷' || c == '弄' || c == '道';
    }

    /** Scores every hit with the best chain ending in it; returns the best score. */
    private static int chain(List<Hit> hits) {
        int best = 0;
        // Hits arrive ordered by start, so every possible predecessor is scored before its successor.
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            Place place = h.entry.place();
            int weight = h.weight();
            h.score = h.canStart() ? weight : Integer.MIN_VALUE;
            for (int j = 0; j < i; j++) {
                Hit p = hits.get(j);
                if (p.end <= h.start && p.score > 0 && place.below(p.entry.place()) && p.score + weight > h.score) {
                    h.score = p.score + weight;
                    h.previous = p;
                }
            }
            best = Math.max(best, h.score);
        }
        return best;
    }

    private RegionGuess confident(Hit leaf, List<Hit> hits, char[] text) {
        Place place = leaf.entry.place();
        boolean city = false;
        boolean province = false;
        int shortNames = 0;
        List<String> matched = new ArrayList<>();
        for (Hit h = leaf; h != null; h = h.previous) {
            matched.add(0, new String(text, h.start, h.end - h.start));
            city |= h != leaf && h.entry.place().depth == 2;
            province |= h != leaf && h.entry.place().depth == 1;
            shortNames += h.entry.shortName() ? 1 : 0;
        }
        double confidence;
        if (place.depth == 3) {
            if (city) {
                confidence = province ? 0.98 : 0.95;
            } else if (province) {
                // 上海市浦东新区: a municipality's districts hang right under it.
                confidence = place.parent != null && place.parent.depth == 1 ? 0.95 : 0.85;
            } else {
                confidence = 0.75;
            }
        } else if (place.depth == 2) {
            confidence = province ? 0.95 : 0.85;
        } else {
            confidence = 0.9;
        }
        confidence -= 0.03 * shortNames;
        String reason = "matched " + String.join(" > ", matched);
        Place rival = rival(leaf, hits);
        if (rival != null) {
            confidence -= RIVAL_PENALTY;
            reason += "; could also be " + rival.fullName;
        }
        return new RegionGuess(place.code, place.fullName, place.level, round(confidence), reason);
    }

    /** An unrelated place whose chain scores almost as well (a short name against a full one). */
    private static Place rival(Hit leaf, List<Hit> hits) {
        Place place = leaf.entry.place();
        for (Hit h : hits) {
            Place other = h.entry.place();
            boolean readAfterLeaf = h.start > leaf.start && h.start < leaf.end;
            if (h.score >= leaf.score - 1 && !readAfterLeaf && other != place && !place.below(other)
                    && !other.below(place)) {
                return other;
            }
        }
        return null;
    }

    private RegionGuess ambiguous(Set<Place> leaves, Hit first, char[] text) {
        List<String> options = leaves.stream().map(p -> p.fullName).toList();
        String named = new String(text, first.start, first.end - first.start);
        Place common = commonParent(leaves);
        if (common == null) {
            return RegionGuess.none(named + " is ambiguous: " + String.join(" / ", options));
        }
        return new RegionGuess(common.code, common.fullName, common.level, AMBIGUOUS,
                named + " is ambiguous: " + String.join(" / ", options) + "; common parent " + common.name);
    }

    /** The deepest place that is, or lies above, every one of {@code places}; null if only the country. */
    private static Place commonParent(Set<Place> places) {
        Place first = places.iterator().next();
        for (Place candidate = first; candidate != null; candidate = candidate.parent) {
            Place c = candidate;
            if (places.stream().allMatch(p -> p == c || p.below(c))) {
                return c;
            }
        }
        return null;
    }

    /** The full name of a code, e.g. {@code 浙江省 杭州市 西湖区}; null for unknown codes. */
    public String fullName(String code) {
        Place place = byCode.get(code);
        return place == null ? null : place.fullName;
    }

    private static double round(double confidence) {
        return Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100.0;
    }

    private static int depth(String level) {
        return switch (level) {
            case "province" -> 1;
            case "city" -> 2;
            case "county" -> 3;
            default -> 0;
        };
    }

    /** The nearest ancestor that is a real place (市辖区 and the like skipped). */
    private static Place realParent(Region r, Map<String, Region> raw, Map<String, Place> places) {
        for (Region p = r.parentCode() == null ? null : raw.get(r.parentCode()); p != null;
             p = p.parentCode() == null || p.parentCode().equals(p.code()) ? null : raw.get(p.parentCode())) {
            Place place = places.get(p.code());
            if (place != null) {
                return place;
            }
        }
        return null;
    }

    private static String fullName(Region r, Map<String, Region> raw) {
        List<String> parts = new ArrayList<>();
        for (Region p = r; p != null && depth(p.level()) > 0;
             p = p.parentCode() == null || p.parentCode().equals(p.code()) ? null : raw.get(p.parentCode())) {
            if (!PLACEHOLDERS.contains(p.name())) {
                parts.add(0, p.name());
            }
        }
        return String.join(" ", parts);
    }

    /**
     * The name people write without its suffix: 浙江省 → 浙江, 广西壮族自治区 → 广西, 延边朝鲜族自治州 →
     * 延边, 浦东新区 → 浦东, 长阳土家族自治县 → 长阳; null when the stem would be under two characters.
     */
    static String shortName(String name, int depth) {
        String[] suffixes = depth == 1 ? PROVINCE_SUFFIXES : depth == 2 ? CITY_SUFFIXES : COUNTY_SUFFIXES;
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                String stem = name.substring(0, name.length() - suffix.length());
                if (suffix.startsWith("自治")) {
                    stem = beforeEthnicName(stem);
                }
                return stem.length() >= 2 ? stem : null;
            }
        }
        return null;
    }

    private static String beforeEthnicName(String stem) {
        int cut = stem.length();
        for (String ethnic : ETHNIC) {
            int at = stem.indexOf(ethnic);
            if (at >= 2 && at < cut) {
                cut = at;
            }
        }
        return stem.substring(0, cut);
    }

    /** One name found in the address, and the best chain ending in it. */
    private static final class Hit {
        final int start;
        final int end;
        final NameTrie.Entry entry;
        int score;
        Hit previous;

        Hit(int start, int end, NameTrie.Entry entry) {
            this.start = start;
            this.end = end;
            this.entry = entry;
        }

        int weight() {
            if (!entry.shortName()) {
                return FULL;
            }
            return entry.place().depth == 3 ? COUNTY_SHORT : SHORT;
        }

        // A county's short name, or a two-character county name, needs a province or city first.
        boolean canStart() {
            Place place = entry.place();
            return place.depth < 3 || !entry.shortName() && place.name.length() >= 3;
        }
    }
}
