package io.salesdesk.insight.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds a font that can write Chinese in the PDF: the file named by {@code SALESDESK_CJK_FONT},
 * else the usual system fonts of Linux (Noto CJK, WenQuanYi), Windows (微软雅黑, 宋体, 黑体) and
 * macOS (PingFang, 华文黑体, Songti). A collection (.ttc) is addressed as {@code file,index};
 * the simplified-Chinese face of the Noto collections is index 2.
 */
public final class CjkFont {

    public static final String ENVIRONMENT_VARIABLE = "SALESDESK_CJK_FONT";

    /** Candidates in order of preference: file and the face to use in a collection. */
    private static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc,2",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc,2",
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,2",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc,0",
            "C:/Windows/Fonts/msyh.ttc,0",
            "C:/Windows/Fonts/simsun.ttc,0",
            "C:/Windows/Fonts/simhei.ttf",
            "/System/Library/Fonts/PingFang.ttc,0",
            "/System/Library/Fonts/STHeiti Light.ttc,0",
            "/System/Library/Fonts/Supplemental/Songti.ttc,0",
            "/Library/Fonts/Arial Unicode.ttf");

    private CjkFont() {
    }

    /**
     * The font to embed, as OpenPDF names it ({@code path} or {@code path,index}).
     *
     * @throws ReportException saying what to install when no font is found
     */
    public static String locate() {
        return locate(System.getenv(), CANDIDATES);
    }

    /** Whether {@link #locate()} finds a font, e.g. to offer PDF only where it can be written. */
    public static boolean isAvailable() {
        try {
            locate();
            return true;
        } catch (ReportException e) {
            return false;
        }
    }

    static String locate(Map<String, String> environment, List<String> candidates) {
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        List<String> order = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            String c = configured.strip();
            order.add(c.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc") ? c + ",0" : c);
        }
        order.addAll(candidates);
        for (String candidate : order) {
            if (Files.isReadable(Path.of(fileOf(candidate)))) {
                return candidate;
            }
        }
        throw new ReportException("report.error.font.missing");
    }

    /** The file part of {@code path,index}. */
    static String fileOf(String candidate) {
        int comma = candidate.lastIndexOf(',');
        return comma > 0 && candidate.substring(comma + 1).chars().allMatch(Character::isDigit)
                ? candidate.substring(0, comma) : candidate;
    }
}
