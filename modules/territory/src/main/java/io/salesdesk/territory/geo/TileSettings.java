package io.salesdesk.territory.geo;

import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the map's tiles come from and how many may be kept on this computer.
 *
 * @param urlTemplate the tile server, e.g. {@code https://tiles.example.com/{z}/{x}/{y}.png}
 *                    ({@code {s}} picks one of the subdomains a, b, c); empty = offline, the map
 *                    draws its own basemap from the bundled boundaries and never connects
 * @param contact     who to contact about this installation (an e-mail or web address), sent in
 *                    the User-Agent as tile providers ask
 * @param cacheLimitMb how many megabytes of viewed tiles the disk cache keeps
 */
public record TileSettings(String urlTemplate, String contact, int cacheLimitMb) {

    /** Offline basemap, no contact, 200 MB of cache. */
    public static final TileSettings DEFAULTS = new TileSettings("", "", 200);
    /** The smallest and largest cache a user may set. */
    public static final int MIN_CACHE_MB = 10;
    public static final int MAX_CACHE_MB = 10_000;

    public TileSettings {
        urlTemplate = urlTemplate == null ? "" : urlTemplate.strip();
        contact = contact == null ? "" : contact.strip();
    }

    /** Whether tiles are fetched at all. */
    public boolean online() {
        return !urlTemplate.isEmpty();
    }

    /** The cache limit in bytes. */
    public long cacheLimitBytes() {
        return cacheLimitMb * 1024L * 1024L;
    }

    /**
     * Refuses a template that is not an http(s) address with {z}, {x} and {y}, or a cache size out
     * of range, with one problem per field.
     */
    public void validate() {
        List<FieldProblem> problems = new ArrayList<>();
        if (online()) {
            String lower = urlTemplate.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                problems.add(FieldProblem.of("urlTemplate", "map.tiles.template.notHttp", urlTemplate));
            } else if (!urlTemplate.contains("{z}") || !urlTemplate.contains("{x}") || !urlTemplate.contains("{y}")) {
                problems.add(FieldProblem.of("urlTemplate", "map.tiles.template.placeholders", urlTemplate));
            }
        }
        if (contact.length() > 200 || contact.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            problems.add(FieldProblem.of("contact", "map.tiles.contact.invalid"));
        }
        if (cacheLimitMb < MIN_CACHE_MB || cacheLimitMb > MAX_CACHE_MB) {
            problems.add(FieldProblem.of("cacheLimitMb", "map.tiles.cache.range", MIN_CACHE_MB, MAX_CACHE_MB));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
