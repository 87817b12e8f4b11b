package io.salesdesk.workflow.notify.channel;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.workflow.notify.channel.ChannelSettings.Security;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The outbound channels as Settings edits them: list with each channel's last delivery, add, edit,
 * remove, send a test and read the log. Only company-wide roles may do any of it; what leaves the
 * service has its secrets masked.
 */
public final class ChannelService {

    /** Attempts the channel log shows. */
    public static final int LOG_LIMIT = 100;
    static final int NAME_MAX = 100;

    private final Database db;
    private final Clock clock;
    private final OutboxDeliverer deliverer;

    public ChannelService(Database db, Clock clock, OutboxDeliverer deliverer) {
        this.db = db;
        this.clock = clock;
        this.deliverer = deliverer;
    }

    /**
     * A channel as Settings lists it.
     *
     * @param lastDelivery its latest attempt, null if none yet
     */
    public record Summary(Channel channel, Delivery lastDelivery) {
    }

    public List<Summary> list(Actor actor) {
        requireAllowed(actor);
        return db.transactionResult(cfg -> {
            Map<UUID, Delivery> latest = OutboxRepository.using(cfg, clock).latestByChannel();
            return ChannelRepository.using(cfg, clock).all().stream()
                    .map(c -> new Summary(c.masked(), latest.get(c.id()))).toList();
        });
    }

    /**
     * Adds a channel ({@code id} null) or saves one edited on {@code expectedVersion}.
     *
     * @return the channel as saved, secrets masked
     * @throws ValidationException naming the refused fields
     */
    public Channel save(Actor actor, UUID id, long expectedVersion, ChannelDraft draft) {
        requireAllowed(actor);
        return db.transactionResult(cfg -> {
            ChannelRepository channels = ChannelRepository.using(cfg, clock);
            ChangeLog audit = ChangeLog.using(cfg, clock);
            if (id == null) {
                ChannelDraft checked = validated(draft, null);
                Channel saved = channels.insert(actor, Ids.newId(clock), checked);
                audit.record(actor, ChangeReason.user(), ChannelRepository.ENTITY, saved.id(),
                        ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), snapshot(saved)));
                return saved.masked();
            }
            Channel before = channels.byId(id).orElseThrow(() -> new SalesDeskException("channels.gone"));
            ChannelDraft checked = validated(new ChannelDraft(before.kind(), draft.name(), draft.enabled(),
                    draft.settings(), draft.subscribedKinds()), before.settings());
            Channel saved = channels.update(actor, id, expectedVersion, checked);
            audit.record(actor, ChangeReason.user(), ChannelRepository.ENTITY, id, ChangeEntry.Operation.UPDATE,
                    FieldChange.diff(snapshot(before), snapshot(saved)));
            return saved.masked();
        });
    }

    /** Removes a channel; what waits for it is no longer sent, its log stays. */
    public void delete(Actor actor, UUID id, long expectedVersion) {
        requireAllowed(actor);
        db.transaction(cfg -> {
            ChannelRepository.using(cfg, clock).delete(actor, id, expectedVersion);
            ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), ChannelRepository.ENTITY, id,
                    ChangeEntry.Operation.DELETE, Map.of("deletedAt", new FieldChange(null, Rows.now(clock).toString())));
        });
    }

    /**
     * Sends a test message through the settings in the form, now, on the caller's thread, and
     * returns what the channel answered. Secrets left masked are those of the saved channel
     * {@code savedId}, whose log records the attempt. E-mail goes to the actor's own address, or to
     * the sender address when the actor has none.
     */
    public SendResult sendTest(Actor actor, UUID savedId, ChannelDraft draft, String title, String body) {
        requireAllowed(actor);
        Channel saved = savedId == null ? null
                : db.transactionResult(cfg -> ChannelRepository.using(cfg, clock).byId(savedId).orElse(null));
        ChannelDraft checked = validated(saved == null ? draft : new ChannelDraft(saved.kind(), draft.name(),
                draft.enabled(), draft.settings(), draft.subscribedKinds()), saved == null ? null : saved.settings());
        String address = null;
        if (checked.kind() == ChannelKind.EMAIL) {
            address = db.transactionResult(cfg -> OutboxRepository.using(cfg, clock).emailOf(actor.userId()))
                    .orElse(checked.settings().from());
        }
        Channel channel = new Channel(saved == null ? null : saved.id(), checked.kind(), checked.name(), true,
                checked.settings(), checked.subscribedKinds(), saved == null ? 0 : saved.version());
        SendResult result = deliverer.send(channel, new Outgoing(title, body, address));
        if (saved != null) {
            db.transaction(cfg -> OutboxRepository.using(cfg, clock).recordTest(saved.id(), title, result,
                    Rows.now(clock)));
        }
        return result;
    }

    /** The channel's latest {@value #LOG_LIMIT} attempts, newest first. */
    public List<Delivery> log(Actor actor, UUID channelId) {
        requireAllowed(actor);
        return db.transactionResult(cfg -> OutboxRepository.using(cfg, clock).log(channelId, LOG_LIMIT));
    }

    /** Checks a draft and merges the secrets kept from {@code saved}. */
    static ChannelDraft validated(ChannelDraft draft, ChannelSettings saved) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.kind() == null) {
            throw new ValidationException(List.of(FieldProblem.of("kind", "channels.kind.required")));
        }
        String name = Rows.blankToNull(draft.name());
        if (name == null) {
            problems.add(FieldProblem.of("name", "channels.name.required"));
        } else if (name.length() > NAME_MAX) {
            problems.add(FieldProblem.of("name", "channels.name.tooLong", NAME_MAX));
        }
        ChannelSettings s = draft.settings() == null ? new ChannelSettings(null, null, null, null, null, null, null,
                null) : draft.settings().keepingSecretsOf(saved);
        ChannelSettings clean;
        if (draft.kind().isRobot()) {
            String url = Rows.blankToNull(s.url());
            if (url == null) {
                problems.add(FieldProblem.of("url", "channels.url.required"));
            } else if (!isHttpUrl(url)) {
                problems.add(FieldProblem.of("url", "channels.url.invalid", url));
            }
            clean = ChannelSettings.robot(url == null ? null : url.strip(), Rows.blankToNull(s.secret()));
        } else {
            String host = Rows.blankToNull(s.host());
            if (host == null) {
                problems.add(FieldProblem.of("host", "channels.host.required"));
            }
            if (s.port() == null || s.port() < 1 || s.port() > 65535) {
                problems.add(FieldProblem.of("port", "channels.port.invalid"));
            }
            String from = Rows.blankToNull(s.from());
            if (from == null) {
                problems.add(FieldProblem.of("from", "channels.from.required"));
            } else {
                try {
                    new InternetAddress(from, true);
                } catch (AddressException e) {
                    problems.add(FieldProblem.of("from", "channels.from.invalid", from));
                }
            }
            clean = new ChannelSettings(null, null, host == null ? null : host.strip(), s.port(),
                    s.security() == null ? Security.STARTTLS : s.security(), Rows.blankToNull(s.username()),
                    Rows.blankToNull(s.password()), from == null ? null : from.strip());
        }
        List<String> kinds = draft.subscribedKinds().stream().map(String::strip).filter(k -> !k.isEmpty()).distinct()
                .toList();
        if (kinds.isEmpty()) {
            problems.add(FieldProblem.of("kinds", "channels.kinds.required"));
        } else if (String.join(",", kinds).length() > 1000) {
            problems.add(FieldProblem.of("kinds", "channels.kinds.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new ChannelDraft(draft.kind(), name, draft.enabled(), clean, kinds);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // The audit trail records what changed, never a secret: secrets appear masked.
    private static Map<String, Object> snapshot(Channel c) {
        ChannelSettings s = c.settings().masked();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind());
        m.put("name", c.name());
        m.put("enabled", c.enabled());
        m.put("settings", s.toString());
        m.put("subscribedKinds", String.join(",", c.subscribedKinds()));
        return m;
    }

    private static void requireAllowed(Actor actor) {
        if (!actor.role().seesEverything()) {
            throw new SalesDeskException("channels.notAllowed");
        }
    }
}
