package io.salesdesk.app.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The user guide's chapters, Markdown files under docs/guide/zh and docs/guide/en that the build
 * copies into the jar ({@code io/salesdesk/app/guide}); screenshots are in docs/guide/img.
 */
final class Guide {

    static final String ROOT = "/io/salesdesk/app/guide/";

    /** The chapters in reading order, by file name (the same in both languages). */
    static final List<String> CHAPTERS = List.of(
            "01-getting-started.md",
            "02-customers-and-follow-ups.md",
            "03-leads-and-public-pool.md",
            "04-pipeline-and-approvals.md",
            "05-ledgers-import-export.md",
            "06-dashboard-and-reports.md",
            "07-settings-and-studio.md",
            "08-shared-database-and-sync.md",
            "09-backups.md");

    private final String language;

    /** @param chinese whether to read the Chinese chapters (else the English ones) */
    Guide(boolean chinese) {
        this.language = chinese ? "zh" : "en";
    }

    /** The chapter's Markdown, or a line saying it is missing (a build without docs/guide). */
    String text(String chapter) {
        try (InputStream in = Guide.class.getResourceAsStream(ROOT + language + "/" + chapter)) {
            if (in == null) {
                return "# " + chapter + "\n\n(missing)";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chapter's title: its first heading. */
    String title(String chapter) {
        return text(chapter).lines().filter(l -> l.startsWith("# ")).findFirst()
                .map(l -> l.substring(2).strip()).orElse(chapter);
    }

    /** An image a chapter links to, as {@code ../img/x.png}. */
    InputStream image(String path) {
        String name = path.replaceFirst("^(\\.\\./)+", "");
        return Guide.class.getResourceAsStream(ROOT + name);
    }
}
