package io.salesdesk.app.inbox;

import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.common.Page;
import io.salesdesk.insight.funnel.FunnelScanner;
import io.salesdesk.territory.surge.SurgeRepository;
import io.salesdesk.workflow.notify.Notification;
import java.util.Map;

/** Where an inbox message takes the user, by what it is about; messages about anything else go nowhere. */
final class InboxTargets {

    private static final Map<String, Object> EVENTS = Map.of(
            SurgeRepository.ENTITY, new Navigation.ShowPage(Page.MAP),
            FunnelScanner.DIGEST_SUBJECT, new Navigation.ShowDashboardTab("funnelTab"));

    private InboxTargets() {
    }

    /** The navigation event for the message's subject, or null. */
    static Object eventOf(Notification message) {
        return message.subjectEntity() == null ? null : EVENTS.get(message.subjectEntity());
    }
}
