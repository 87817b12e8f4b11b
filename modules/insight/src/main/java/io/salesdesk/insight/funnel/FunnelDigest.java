package io.salesdesk.insight.funnel;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.db.Database;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's side of the coaching prompts: one inbox message per manager and scan day listing,
 * per rep and node, how many deals missed since the last digest and the worst value, pointing to
 * the funnel tab. A manager of ten reps would otherwise get a copy of every rep's prompt.
 */
final class FunnelDigest {

    /** The kind of the inbox message, for channels and the inbox's icons. */
    static final String KIND = "funnel.digest";
    /** The subject of a digest: the funnel tab opens on it. */
    static final String ENTITY = "funnel";
    /** Lines beyond this are summed up in one: an inbox message holds 1,000 characters. */
    private static final int MAX_LINES = 12;
    private static final Logger LOG = LoggerFactory.getLogger(FunnelDigest.class);

    private final Database db;
    private final Clock clock;
    private final Locale locale;

    FunnelDigest(Database db, Clock clock, Locale locale) {
        this.db = db;
        this.clock = clock;
        this.locale = locale;
    }

    private record Place(Funnel funnel, FunnelNode node) {
    }

    /** Sends the digest of every manager who has misses waiting and none today yet; returns how many. */
    int sendDue(List<Funnel> funnels, OffsetDateTime now) {
        Map<UUID, Place> places = new HashMap<>();
        for (Funnel f : funnels) {
            f.nodes().forEach(n -> places.put(n.id(), new Place(f, n)));
        }
        LocalDate day = BusinessTime.today(clock);
        List<UUID> managers = db.transactionResult(cfg -> FunnelDigestRepository.using(cfg)
                .managersWaiting(places.keySet(), now));
        int sent = 0;
        for (UUID manager : managers) {
            try {
                if (send(manager, places, day, now)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // One manager's digest must not hold up the others'; it is tried again at the next scan.
                LOG.error("Coaching digest for manager {} failed", manager, e);
            }
        }
        return sent;
    }

    private boolean send(UUID manager, Map<UUID, Place> places, LocalDate day, OffsetDateTime now) {
        return db.transactionResult(cfg -> {
            FunnelDigestRepository repo = FunnelDigestRepository.using(cfg);
            OffsetDateTime since = repo.lastSent(manager).orElse(null);
            List<FunnelDigestRepository.Line> lines = repo.lines(manager, places.keySet(), since, now);
            int misses = lines.stream().mapToInt(FunnelDigestRepository.Line::misses).sum();
            if (lines.isEmpty() || !repo.claim(manager, day, now, misses)) {
                return false;
            }
            Set<UUID> reps = new LinkedHashSet<>();
            List<String> text = new ArrayList<>();
            text.add(say("digest.body"));
            for (FunnelDigestRepository.Line line : lines) {
                reps.add(line.repId());
                if (text.size() <= MAX_LINES) {
                    Place p = places.get(line.nodeId());
                    text.add(say("digest.line", line.repName(), p.node().name(), p.funnel().name(), line.misses(),
                            worst(p.node().measure(), line)));
                }
            }
            if (lines.size() > MAX_LINES) {
                text.add(say("digest.more", lines.size() - MAX_LINES));
            }
            UUID funnelId = places.get(lines.get(0).nodeId()).funnel().id();
            NotificationRepository.using(cfg, clock).send(List.of(manager), KIND,
                    say("digest.title", reps.size(), misses, day.toString()), String.join("\n", text), ENTITY,
                    funnelId);
            return true;
        });
    }

    /** The worst value among the rep's misses on a node, in the measure's words (fewest touches, slowest reply). */
    private String worst(Measure measure, FunnelDigestRepository.Line line) {
        if (measure instanceof Measure.ActivityCount) {
            return say("digest.worst.count", number(line.lowest()));
        }
        if (measure instanceof Measure.ReplyWithin) {
            return say("digest.worst.reply", number(line.highest()));
        }
        if (measure instanceof Measure.StageWithin) {
            return say("digest.worst.stage", number(line.highest()));
        }
        return say("digest.worst.before");
    }

    private static String number(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private String say(String key, Object... args) {
        return new MessageFormat(ResourceBundle.getBundle("io.salesdesk.insight.funnel", locale).getString(key), locale)
                .format(args);
    }
}
