package io.salesdesk.workflow;

import io.salesdesk.crm.pool.PoolService;
import io.salesdesk.crm.pool.Returned;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.WorkspaceSettings;
import io.salesdesk.workflow.notify.NotificationRepository;
import io.salesdesk.workflow.sla.SlaScanner;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the client's scheduler runs every minute: the SLA rules and the pool's return rules, as of
 * the injected clock. Both work from the state of the records, so a run after the app was closed
 * for a week catches up on what came due, once each.
 */
public final class Timers {

    private static final Logger LOG = LoggerFactory.getLogger(Timers.class);
    static final String LAST_RUN_KEY = "timers.lastRun";

    private final Database db;
    private final Clock clock;
    private final SlaScanner sla;
    private final PoolService pool;
    private final Locale locale;

    /**
     * @param pool the pool whose return rules run here, or null where they run elsewhere: a branch
     *             replica leaves them to the head office, which has every follow-up logged
     *             anywhere (the replica may not have them yet), and its returns arrive by sync
     */
    public Timers(Database db, Clock clock, SlaScanner sla, PoolService pool, Locale locale) {
        this.db = db;
        this.clock = clock;
        this.sla = sla;
        this.pool = pool;
        this.locale = locale;
    }

    /** What one run did. */
    public record Run(SlaScanner.Report sla, List<Returned> returned) {
    }

    /** Runs every timer once; a failing part is logged and the other still runs. */
    public synchronized Run runDue() {
        SlaScanner.Report report = new SlaScanner.Report(0, 0, List.of());
        try {
            report = sla.scan();
        } catch (RuntimeException e) {
            LOG.error("SLA scan failed", e);
        }
        List<Returned> returned = List.of();
        try {
            returned = pool == null ? List.of() : returnToPool();
        } catch (RuntimeException e) {
            LOG.error("Pool return failed", e);
        }
        stamp();
        if (report.reminders() + report.escalations() + returned.size() > 0) {
            LOG.info("Timers: {} reminders, {} escalations, {} customers back in the pool", report.reminders(),
                    report.escalations(), returned.size());
        }
        return new Run(report, returned);
    }

    /** When the timers last ran, on any client of this database; null if never. */
    public OffsetDateTime lastRun() {
        String v = db.transactionResult(cfg -> WorkspaceSettings.using(cfg).get(LAST_RUN_KEY).orElse(null));
        return v == null ? null : OffsetDateTime.parse(v);
    }

    private List<Returned> returnToPool() {
        List<Returned> returned = pool.returnUnworked(new PoolService.Wordings() {
            @Override
            public String noFollowUp(int days) {
                return say("pool.noFollowUp", days);
            }

            @Override
            public String noProgress(int days) {
                return say("pool.noProgress", days);
            }
        });
        if (!returned.isEmpty()) {
            db.transaction(cfg -> {
                NotificationRepository inbox = NotificationRepository.using(cfg, clock);
                for (Returned r : returned) {
                    inbox.send(List.of(r.previousOwnerId()), "pool.returned", say("pool.returned.title", r.customerName()),
                            r.reason(), "customer", r.customerId());
                }
            });
        }
        return returned;
    }

    private void stamp() {
        String now = Rows.now(clock).toString();
        db.transaction(cfg -> WorkspaceSettings.using(cfg).put(LAST_RUN_KEY, now));
    }

    private String say(String key, Object... args) {
        return new MessageFormat(ResourceBundle.getBundle("io.salesdesk.workflow.sla", locale).getString(key), locale)
                .format(args);
    }
}
