package io.salesdesk.app.map.tiles;

import java.time.Instant;
import java.util.Objects;

import io.salesdesk.app.common.I18n;

/**
 * How the map gets its tiles right now, for a quiet line under the map (never a dialog).
 *
 * @param state  online, offline basemap, or backing off
 * @param reason why the server is being left alone ({@code null} unless backing off)
 * @param httpStatus the HTTP status that caused it, or 0
 * @param until  when the next try may happen ({@code null} unless backing off)
 */
public record TileStatus(State state, Reason reason, int httpStatus, Instant until) {

    /** The three ways the map gets its tiles. */
    public enum State {
        /** Tiles come from the configured server (or its cache on disk). */
        ONLINE,
        /** No tile server configured: the map draws its own basemap from the bundled boundaries. */
        OFFLINE_BASEMAP,
        /** The server refused or failed; cached and self-drawn tiles are shown until {@link #until}. */
        BACKING_OFF
    }

    /** Why the server is left alone for a while. */
    public enum Reason {
        /** 403: the server refuses this client (its usage policy, a missing contact). */
        FORBIDDEN,
        /** 429: too many requests. */
        TOO_MANY_REQUESTS,
        /** 5xx. */
        SERVER_ERROR,
        /** No answer within the timeout. */
        TIMEOUT,
        /** No connection (no network, unknown host, refused). */
        UNREACHABLE
    }

    public TileStatus {
        Objects.requireNonNull(state, "state");
    }

    public static final TileStatus ONLINE = new TileStatus(State.ONLINE, null, 0, null);
    public static final TileStatus OFFLINE = new TileStatus(State.OFFLINE_BASEMAP, null, 0, null);

    static TileStatus backingOff(Reason reason, int httpStatus, Instant until) {
        return new TileStatus(State.BACKING_OFF, Objects.requireNonNull(reason, "reason"), httpStatus, until);
    }

    /** The status line text in the user's language. */
    public String text() {
        return switch (state) {
            case ONLINE -> I18n.get("map.tiles.status.online");
            case OFFLINE_BASEMAP -> I18n.get("map.tiles.status.offline");
            case BACKING_OFF -> I18n.get("map.tiles.status.backingOff",
                    I18n.get("map.tiles.status.reason." + reason.name(), httpStatus));
        };
    }
}
