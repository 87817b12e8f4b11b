package io.salesdesk.app.firstrun;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which users have seen the tour on this computer, so it starts once for each of them: a flag per
 * user id under the preferences node {@code io/salesdesk/app/tour}.
 */
public final class TourMemory {

    private static final Logger LOG = LoggerFactory.getLogger(TourMemory.class);

    private final Preferences node;

    public TourMemory(Preferences node) {
        this.node = node;
    }

    /** This OS user's memory. */
    public static TourMemory load() {
        return new TourMemory(Preferences.userRoot().node("io/salesdesk/app/tour"));
    }

    public boolean seen(UUID user) {
        return node.getBoolean(user.toString(), false);
    }

    /** Marks the tour as seen (finished or skipped) by this user. */
    public void markSeen(UUID user) {
        node.putBoolean(user.toString(), true);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not store that the tour was seen: {}", e.getMessage());
        }
    }
}
