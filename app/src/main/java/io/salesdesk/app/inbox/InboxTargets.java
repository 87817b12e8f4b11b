package io.salesdesk.app.inbox;

import io.salesdesk.app.common.Page;
import io.salesdesk.territory.surge.SurgeRepository;
import io.salesdesk.workflow.notify.Notification;
import java.util.Map;

/** Which page an inbox message opens, by what it is about; messages about anything else open none. */
final class InboxTargets {

    private static final Map<String, Page> PAGES = Map.of(SurgeRepository.ENTITY, Page.MAP);

    private InboxTargets() {
    }

    /** The page for the message's subject, or null. */
    static Page pageOf(Notification message) {
        return message.subjectEntity() == null ? null : PAGES.get(message.subjectEntity());
    }
}
