package io.salesdesk.insight.funnel;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.WorkspaceSettings;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every enabled funnel's nodes on the deals they apply to and sends a coaching prompt to
 * the rep when a deal misses a node's threshold: once per deal and node, however often it runs and
 * on however many clients (the outcome row is claimed in the sending transaction). Their manager
 * gets one digest a day instead of a copy of each ({@link FunnelDigest}). Run by the client's timers
 * every {@link #SCAN_EVERY}.
 */
public final class FunnelScanner {

    /** How often {@link #scanIfDue()} scans. */
    public static final Duration SCAN_EVERY = Duration.ofMinutes(15);
    static final String LAST_SCAN_KEY = "funnel.lastScan";
    /** When the last scan in which every node was evaluated began: where the next incremental scan looks from. */
    static final String LAST_COMPLETE_KEY = "funnel.lastCompleteScan";
    /**
     * An incremental scan looks back this far before the last scan's start: a change saved by a
     * slow transaction or a client whose clock is a little behind is still picked up.
     */
    static final Duration LOOK_BACK = Duration.ofMinutes(10);
    /** The kind of the inbox message, for channels and the inbox's icons. */
    public static final String PROMPT_KIND = "funnel.coaching";
    /** The kind of a manager's daily coaching digest. */
    public static final String DIGEST_KIND = FunnelDigest.KIND;
    /** The subject entity of a digest (its id is a funnel's): the inbox opens the funnel tab on it. */
    public static final String DIGEST_SUBJECT = FunnelDigest.ENTITY;
    private static final Logger LOG = LoggerFactory.getLogger(FunnelScanner.class);

    private final Database db;
    private final Clock clock;
    private final Locale locale;

    public FunnelScanner(Database db, Clock clock, Locale locale) {
        this.db = db;
        this.clock = clock;
        this.locale = locale;
    }

    /**
     * What one scan did.
     *
     * @param prompts coaching prompts sent to reps, one per deal and node
     * @param digests digests sent to managers, at most one per manager and day
     */
    public record Report(int evaluated, int missed, int prompts, int digests) {
    }

    /** Scans when the last scan (on any client) is {@link #SCAN_EVERY} old; failures are logged. */
    public Report scanIfDue() {
        OffsetDateTime now = Rows.now(clock);
        try {
            boolean due = db.transactionResult(cfg -> WorkspaceSettings.using(cfg).get(LAST_SCAN_KEY)
                    .map(v -> !OffsetDateTime.parse(v).plus(SCAN_EVERY).isAfter(now)).orElse(true));
            return due ? scanChanges() : new Report(0, 0, 0, 0);
        } catch (RuntimeException e) {
            LOG.error("Funnel scan failed", e);
            return new Report(0, 0, 0, 0);
        }
    }

    /** Evaluates every enabled funnel on every deal now and sends the prompts that are due. */
    public Report scan() {
        return scan(false);
    }

    /**
     * Like {@link #scan()} with the same results, but evaluates only the deals whose outcome may have
     * changed since the last scan (see {@link FunnelFactsRepository#facts(Funnel, FunnelNode,
     * OffsetDateTime, OffsetDateTime)}). A funnel edited since then, the first scan of a business
     * day and a workspace never scanned get a full scan: the daily one mends whatever a change made
     * behind the records' timestamps (a backdated import) would otherwise leave stale.
     */
    public Report scanChanges() {
        return scan(true);
    }

    private Report scan(boolean incremental) {
        OffsetDateTime now = Rows.now(clock);
        List<Funnel> funnels = db.transactionResult(cfg -> FunnelRepository.using(cfg, clock).all());
        Optional<OffsetDateTime> last = incremental ? lastScan() : Optional.empty();
        Map<String, OpportunityStage> stages = db.transactionResult(cfg -> OpportunityRepository.using(cfg, clock)
                .stages()).stream().collect(Collectors.toMap(OpportunityStage::code, Function.identity()));
        MeasureText text = new MeasureText(locale, code -> Optional.ofNullable(stages.get(code))
                .map(s -> s.name(locale)).orElse(String.valueOf(code)));
        int evaluated = 0;
        int missed = 0;
        int prompts = 0;
        boolean complete = true;
        for (Funnel funnel : funnels) {
            if (!funnel.enabled()) {
                continue;
            }
            OffsetDateTime since = last.map(l -> since(funnel, l, now)).orElse(null);
            for (FunnelNode node : funnel.nodes()) {
                try {
                    List<DealFacts> facts = db.transactionResult(cfg ->
                            FunnelFactsRepository.using(cfg).facts(funnel, node, now, since));
                    List<Missed> toPrompt = new ArrayList<>();
                    db.transaction(cfg -> {
                        FunnelOutcomeRepository outcomes = FunnelOutcomeRepository.using(cfg);
                        for (DealFacts deal : facts) {
                            Optional<NodeOutcome> outcome = NodeEvaluator.evaluate(node.measure(), deal, now);
                            if (outcome.isPresent()) {
                                outcomes.put(node.id(), deal, outcome.get(), now);
                                if (outcome.get().status() == NodeStatus.MISSED) {
                                    toPrompt.add(new Missed(deal, outcome.get()));
                                }
                            }
                        }
                    });
                    evaluated += facts.size();
                    missed += toPrompt.size();
                    for (Missed m : toPrompt) {
                        if (prompt(funnel, node, m, text, now)) {
                            prompts++;
                        }
                    }
                } catch (RuntimeException e) {
                    // One broken node must not stop the others; it is tried again at the next scan,
                    // which looks back to the last complete one so no change goes unevaluated.
                    complete = false;
                    LOG.error("Funnel {} node {} failed", funnel.name(), node.name(), e);
                }
            }
        }
        int digests = new FunnelDigest(db, clock, locale).sendDue(funnels, now);
        String stamp = now.toString();
        boolean allEvaluated = complete;
        db.transaction(cfg -> {
            WorkspaceSettings settings = WorkspaceSettings.using(cfg);
            settings.put(LAST_SCAN_KEY, stamp);
            if (allEvaluated) {
                settings.put(LAST_COMPLETE_KEY, stamp);
            }
        });
        if (prompts > 0 || digests > 0) {
            LOG.info("Funnel scan: {} deal-nodes evaluated, {} missed, {} coaching prompts and {} manager digests sent",
                    evaluated, missed, prompts, digests);
        }
        return new Report(evaluated, missed, prompts, digests);
    }

    private record Missed(DealFacts deal, NodeOutcome outcome) {
    }

    private Optional<OffsetDateTime> lastScan() {
        return db.transactionResult(cfg -> WorkspaceSettings.using(cfg).get(LAST_COMPLETE_KEY))
                .map(OffsetDateTime::parse);
    }

    /** Where an incremental scan of the funnel starts looking, or null for a full scan. */
    private OffsetDateTime since(Funnel funnel, OffsetDateTime last, OffsetDateTime now) {
        boolean sameDay = last.atZoneSameInstant(BusinessTime.ZONE).toLocalDate()
                .equals(now.atZoneSameInstant(BusinessTime.ZONE).toLocalDate());
        Optional<OffsetDateTime> edited = db.transactionResult(cfg -> FunnelRepository.using(cfg, clock)
                .updatedAt(funnel.id()));
        boolean unchanged = edited.map(e -> e.isBefore(last.minus(LOOK_BACK))).orElse(false);
        return sameDay && unchanged ? last.minus(LOOK_BACK) : null;
    }

    private boolean prompt(Funnel funnel, FunnelNode node, Missed m, MeasureText text, OffsetDateTime now) {
        return db.transactionResult(cfg -> {
            if (!FunnelOutcomeRepository.using(cfg).claimPrompt(node.id(), m.deal().opportunityId(), now)) {
                return false;
            }
            DealNames names = FunnelNamesRepository.using(cfg).names(m.deal().opportunityId());
            // Only the rep: the manager reads these in the day's digest rather than one by one.
            NotificationRepository.using(cfg, clock).send(List.of(m.deal().ownerId()), PROMPT_KIND,
                    say("prompt.title", m.deal().opportunityName(), node.name()),
                    say("prompt.body", m.deal().opportunityName(), node.name(), names.customerName(),
                            names.ownerName(), funnel.name(), text.threshold(node.measure()),
                            text.measured(node.measure(), m.outcome().measured(), m.outcome().evidenceAt())),
                    "opportunity", m.deal().opportunityId());
            return true;
        });
    }

    private String say(String key, Object... args) {
        return new MessageFormat(ResourceBundle.getBundle("io.salesdesk.insight.funnel", locale).getString(key), locale)
                .format(args);
    }
}
