package io.salesdesk.territory.surge;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The seven macro-regions (大区) Chinese sales organisations plan by, as sets of provinces
 * (GB/T 2260 two-digit prefixes). Surges are looked for per macro-region and per province; reps are
 * lent from one macro-region to another. Hong Kong, Macao and Taiwan belong to none.
 */
public enum MacroRegion {
    /** 华东: 上海 江苏 浙江 安徽 福建 江西 山东. */
    EAST("31", "32", "33", "34", "35", "36", "37"),
    /** 华南: 广东 广西 海南. */
    SOUTH("44", "45", "46"),
    /** 华北: 北京 天津 河北 山西 内蒙古. */
    NORTH("11", "12", "13", "14", "15"),
    /** 华中: 河南 湖北 湖南. */
    CENTRAL("41", "42", "43"),
    /** 西南: 重庆 四川 贵州 云南 西藏. */
    SOUTHWEST("50", "51", "52", "53", "54"),
    /** 西北: 陕西 甘肃 青海 宁夏 新疆. */
    NORTHWEST("61", "62", "63", "64", "65"),
    /** 东北: 辽宁 吉林 黑龙江. */
    NORTHEAST("21", "22", "23");

    private final List<String> provincePrefixes;

    MacroRegion(String... provincePrefixes) {
        this.provincePrefixes = List.of(provincePrefixes);
    }

    /** The two-digit prefixes of its provinces. */
    public List<String> provincePrefixes() {
        return provincePrefixes;
    }

    /** Its provinces' codes, e.g. 310000. */
    public List<String> provinceCodes() {
        return provincePrefixes.stream().map(p -> p + "0000").toList();
    }

    /** The macro-region of any region code (province, city or county); empty for none or no code. */
    public static Optional<MacroRegion> of(String regionCode) {
        if (regionCode == null || regionCode.length() < 2) {
            return Optional.empty();
        }
        String prefix = regionCode.substring(0, 2);
        return Arrays.stream(values()).filter(m -> m.provincePrefixes.contains(prefix)).findFirst();
    }

    /** The macro-region a surge key names ({@code EAST}), empty for a province key. */
    public static Optional<MacroRegion> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.name().equals(key)).findFirst();
    }
}
