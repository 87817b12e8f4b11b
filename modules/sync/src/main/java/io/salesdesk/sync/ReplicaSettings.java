package io.salesdesk.sync;

import io.salesdesk.db.WorkspaceSettings;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.jooq.Configuration;

/**
 * A branch replica's sync settings ({@code sync.*} workspace settings): the connection profile of
 * its hub, whether and how often it syncs by itself, and how the last attempt ended.
 */
public final class ReplicaSettings {

    /** Minutes between automatic syncs unless set. */
    public static final int DEFAULT_INTERVAL = 5;
    private static final String PREFIX = "sync.";

    private final WorkspaceSettings settings;

    private ReplicaSettings(Configuration configuration) {
        this.settings = WorkspaceSettings.using(configuration);
    }

    public static ReplicaSettings using(Configuration configuration) {
        return new ReplicaSettings(configuration);
    }

    /**
     * How the last sync attempt ended.
     *
     * @param at        when it ended
     * @param outcome   DONE, OFFLINE, INTERRUPTED, CANCELLED, EXPIRED or FAILED
     * @param pushed    changes sent
     * @param pulled    rows received
     * @param conflicts conflicts recorded
     * @param lastGood  when a sync last finished completely (null: never)
     */
    public record LastSync(Instant at, String outcome, int pushed, int pulled, int conflicts, Instant lastGood) {
    }

    /** The connection profile of this replica's hub, once chosen. */
    public Optional<String> hubProfile() {
        return settings.get(PREFIX + "hubProfile").filter(s -> !s.isBlank());
    }

    public void setHubProfile(String name) {
        settings.put(PREFIX + "hubProfile", name == null ? "" : name);
    }

    /** Whether the app syncs by itself while open (default on). */
    public boolean automatic() {
        return !"false".equals(settings.get(PREFIX + "auto").orElse("true"));
    }

    public void setAutomatic(boolean on) {
        settings.put(PREFIX + "auto", Boolean.toString(on));
    }

    /** Minutes between automatic syncs, at least 1. */
    public int intervalMinutes() {
        try {
            return Math.max(1, Integer.parseInt(settings.get(PREFIX + "intervalMinutes")
                    .orElse(Integer.toString(DEFAULT_INTERVAL))));
        } catch (NumberFormatException e) {
            return DEFAULT_INTERVAL;
        }
    }

    public void setIntervalMinutes(int minutes) {
        settings.put(PREFIX + "intervalMinutes", Integer.toString(Math.max(1, minutes)));
    }

    /** The last attempt, if any. */
    public Optional<LastSync> last() {
        Map<String, String> s = settings.withPrefix(PREFIX + "last.");
        Instant at = instant(s.get("at"));
        if (at == null) {
            return Optional.empty();
        }
        return Optional.of(new LastSync(at, s.getOrDefault("outcome", "FAILED"), number(s.get("pushed")),
                number(s.get("pulled")), number(s.get("conflicts")), instant(s.get("good"))));
    }

    /** Records an attempt; a complete one ({@code DONE}) also becomes the last good sync. */
    public void recordLast(LastSync last) {
        settings.put(PREFIX + "last.at", last.at().toString());
        settings.put(PREFIX + "last.outcome", last.outcome());
        settings.put(PREFIX + "last.pushed", Integer.toString(last.pushed()));
        settings.put(PREFIX + "last.pulled", Integer.toString(last.pulled()));
        settings.put(PREFIX + "last.conflicts", Integer.toString(last.conflicts()));
        if (last.lastGood() != null) {
            settings.put(PREFIX + "last.good", last.lastGood().toString());
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
