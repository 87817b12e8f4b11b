package io.salesdesk.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.common.Page;
import io.salesdesk.insight.funnel.FunnelScanner;
import io.salesdesk.territory.surge.SurgeRepository;
import io.salesdesk.workflow.notify.Notification;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Where a message in the inbox takes the user when they click it. */
class InboxTargetsTest {

    private static Notification about(String entity) {
        return new Notification(UUID.randomUUID(), UUID.randomUUID(), "surge.alert", "华东询盘激增", "…", entity,
                UUID.randomUUID(), OffsetDateTime.now(), null, null);
    }

    @Test
    void aSurgeAlertOpensTheMap() {
        assertThat(InboxTargets.eventOf(about(SurgeRepository.ENTITY))).isEqualTo(new Navigation.ShowPage(Page.MAP));
    }

    @Test
    void aCoachingDigestOpensTheDashboardsFunnelTab() {
        assertThat(InboxTargets.eventOf(about(FunnelScanner.DIGEST_SUBJECT)))
                .isEqualTo(new Navigation.ShowDashboardTab("funnelTab"));
    }

    @Test
    void aMessageAboutNothingWithAPageOpensNone() {
        assertThat(InboxTargets.eventOf(about(null))).isNull();
        assertThat(InboxTargets.eventOf(about("customer"))).isNull();
    }
}
