package io.salesdesk.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.common.Page;
import io.salesdesk.territory.surge.SurgeRepository;
import io.salesdesk.workflow.notify.Notification;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which page a message in the inbox opens when the user clicks it. */
class InboxTargetsTest {

    private static Notification about(String entity) {
        return new Notification(UUID.randomUUID(), UUID.randomUUID(), "surge.alert", "华东询盘激增", "…", entity,
                UUID.randomUUID(), OffsetDateTime.now(), null, null);
    }

    @Test
    void aSurgeAlertOpensTheMap() {
        assertThat(InboxTargets.pageOf(about(SurgeRepository.ENTITY))).isEqualTo(Page.MAP);
    }

    @Test
    void aMessageAboutNothingWithAPageOpensNone() {
        assertThat(InboxTargets.pageOf(about(null))).isNull();
        assertThat(InboxTargets.pageOf(about("customer"))).isNull();
    }
}
