package io.salesdesk.app.studio;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.prefs.Preferences;

/**
 * The custom-field columns a user chose for a list, kept in the OS user's preferences under the
 * SalesDesk user's id, so each person who signs in on a machine keeps their own.
 */
public final class ListColumnPreferences {

    private static final String NODE = "io/salesdesk/app/list-columns";

    private final Preferences node;
    private final String key;

    private ListColumnPreferences(Preferences node, String key) {
        this.node = node;
        this.key = key;
    }

    public static ListColumnPreferences of(String list, UUID userId) {
        return new ListColumnPreferences(Preferences.userRoot().node(NODE), list + "." + userId);
    }

    /** The keys of the fields shown, in the order they were chosen. */
    public Set<String> shown() {
        String stored = node.get(key, "");
        Set<String> keys = new LinkedHashSet<>();
        Arrays.stream(stored.split(",")).map(String::strip).filter(k -> !k.isEmpty()).forEach(keys::add);
        return keys;
    }

    public void setShown(Set<String> keys) {
        if (keys.isEmpty()) {
            node.remove(key);
        } else {
            node.put(key, String.join(",", keys));
        }
    }
}
