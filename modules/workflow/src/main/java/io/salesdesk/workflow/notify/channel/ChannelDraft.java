package io.salesdesk.workflow.notify.channel;

import java.util.List;

/** A channel as the Settings form edits it; secrets left as {@link ChannelSettings#MASK} stay as saved. */
public record ChannelDraft(ChannelKind kind, String name, boolean enabled, ChannelSettings settings,
                           List<String> subscribedKinds) {

    public ChannelDraft {
        subscribedKinds = subscribedKinds == null ? List.of("*") : List.copyOf(subscribedKinds);
    }
}
