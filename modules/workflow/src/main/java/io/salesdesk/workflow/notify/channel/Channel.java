package io.salesdesk.workflow.notify.channel;

import java.util.List;
import java.util.UUID;

/**
 * A configured outbound channel.
 *
 * @param subscribedKinds the message kinds it carries: {@code *} for all, {@code sla.*} for a
 *                        prefix, or an exact kind such as {@code pool.returned}
 */
public record Channel(UUID id, ChannelKind kind, String name, boolean enabled, ChannelSettings settings,
                      List<String> subscribedKinds, long version) {

    public Channel {
        subscribedKinds = List.copyOf(subscribedKinds);
    }

    /** Whether this channel carries messages of {@code messageKind}. */
    public boolean carries(String messageKind) {
        return carries(subscribedKinds, messageKind);
    }

    static boolean carries(List<String> patterns, String messageKind) {
        for (String p : patterns) {
            if (p.equals("*") || p.equals(messageKind)
                    || (p.endsWith("*") && messageKind.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The same channel with its secrets masked, as Settings shows it. */
    public Channel masked() {
        return new Channel(id, kind, name, enabled, settings.masked(), subscribedKinds, version);
    }
}
