package io.salesdesk.workflow.notify.channel;

import static io.salesdesk.db.jooq.Tables.NOTIFICATION_CHANNEL;

import io.salesdesk.core.Actor;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.NotificationChannelRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Outbound channels (table {@code notification_channel}). */
public final class ChannelRepository {

    static final String ENTITY = "notification_channel";

    private final DSLContext dsl;
    private final Clock clock;

    private ChannelRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    public static ChannelRepository using(Configuration configuration, Clock clock) {
        return new ChannelRepository(configuration, clock);
    }

    /** Every live channel, by kind and name. */
    public List<Channel> all() {
        return dsl.selectFrom(NOTIFICATION_CHANNEL).where(NOTIFICATION_CHANNEL.DELETED_AT.isNull())
                .orderBy(NOTIFICATION_CHANNEL.KIND, NOTIFICATION_CHANNEL.NAME, NOTIFICATION_CHANNEL.ID)
                .fetch(ChannelRepository::toChannel);
    }

    /** The enabled channels, which the outbox fills. */
    public List<Channel> enabled() {
        return all().stream().filter(Channel::enabled).toList();
    }

    public Optional<Channel> byId(UUID id) {
        return dsl.selectFrom(NOTIFICATION_CHANNEL)
                .where(NOTIFICATION_CHANNEL.ID.eq(id), NOTIFICATION_CHANNEL.DELETED_AT.isNull())
                .fetchOptional(ChannelRepository::toChannel);
    }

    public Channel insert(Actor actor, UUID id, ChannelDraft draft) {
        OffsetDateTime now = Rows.now(clock);
        NotificationChannelRecord r = dsl.newRecord(NOTIFICATION_CHANNEL);
        r.setId(id);
        r.setKind(draft.kind().name());
        r.setName(draft.name().strip());
        r.setEnabled(draft.enabled());
        r.setSettingsJson(draft.settings().toJson());
        r.setSubscribedKinds(String.join(",", draft.subscribedKinds()));
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        return toChannel(r);
    }

    /**
     * Saves a channel edited on {@code expectedVersion}; the draft's secrets must already be merged.
     *
     * @throws StaleRecordException if someone saved it since
     */
    public Channel update(Actor actor, UUID id, long expectedVersion, ChannelDraft draft) {
        int updated = dsl.update(NOTIFICATION_CHANNEL)
                .set(NOTIFICATION_CHANNEL.NAME, draft.name().strip())
                .set(NOTIFICATION_CHANNEL.ENABLED, draft.enabled())
                .set(NOTIFICATION_CHANNEL.SETTINGS_JSON, draft.settings().toJson())
                .set(NOTIFICATION_CHANNEL.SUBSCRIBED_KINDS, String.join(",", draft.subscribedKinds()))
                .set(NOTIFICATION_CHANNEL.VERSION, expectedVersion + 1)
                .set(NOTIFICATION_CHANNEL.UPDATED_AT, Rows.now(clock))
                .set(NOTIFICATION_CHANNEL.UPDATED_BY, Rows.userId(actor))
                .where(NOTIFICATION_CHANNEL.ID.eq(id), NOTIFICATION_CHANNEL.VERSION.eq(expectedVersion),
                        NOTIFICATION_CHANNEL.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, byId(id).map(Channel::masked).orElse(null));
        }
        return byId(id).orElseThrow();
    }

    /** Soft-deletes a channel; its log stays. */
    public void delete(Actor actor, UUID id, long expectedVersion) {
        OffsetDateTime now = Rows.now(clock);
        int updated = dsl.update(NOTIFICATION_CHANNEL)
                .set(NOTIFICATION_CHANNEL.DELETED_AT, now)
                .set(NOTIFICATION_CHANNEL.ENABLED, false)
                .set(NOTIFICATION_CHANNEL.VERSION, expectedVersion + 1)
                .set(NOTIFICATION_CHANNEL.UPDATED_AT, now)
                .set(NOTIFICATION_CHANNEL.UPDATED_BY, Rows.userId(actor))
                .where(NOTIFICATION_CHANNEL.ID.eq(id), NOTIFICATION_CHANNEL.VERSION.eq(expectedVersion),
                        NOTIFICATION_CHANNEL.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, null);
        }
    }

    private static Channel toChannel(NotificationChannelRecord r) {
        List<String> kinds = Arrays.stream(r.getSubscribedKinds().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return new Channel(r.getId(), ChannelKind.valueOf(r.getKind()), r.getName(), r.getEnabled(),
                ChannelSettings.fromJson(r.getSettingsJson()), kinds, r.getVersion());
    }
}
