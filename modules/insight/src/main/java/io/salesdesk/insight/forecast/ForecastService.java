package io.salesdesk.insight.forecast;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.db.WorkspaceSettings;
import io.salesdesk.insight.forecast.ForecastRepository.Figure;
import io.salesdesk.workflow.sla.CalendarRepository;
import io.salesdesk.workflow.sla.WorkingCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forecasts per rep, team and region and period: the weighted pipeline, the run-rate, the rep's
 * commit and the managers' adjustments (kept as history); the snapshot that freezes a period's
 * forecast as submitted; and the accuracy of the frozen forecasts against the signed contracts
 * once their periods close (see {@link Accuracy} for the arithmetic).
 */
public final class ForecastService {

    /** Periods before the forecast one whose signed amounts make the run-rate. */
    public static final int RUN_RATE_PERIODS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ForecastService.class);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999999.99");
    /** Per period kind, the first day of the last period the schedule froze. */
    static final String AUTO_FROZEN_PREFIX = "forecast.autoFrozen.";
    /** Whom the schedule freezes as: it sees every rep, team and region. */
    static final Actor SCHEDULE = new Actor(UUID.fromString("00000000-0000-7000-8000-000000000000"), "SalesDesk",
            Role.ADMIN, "/");

    private final Database db;
    private final Clock clock;

    public ForecastService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The levels the viewer has a table for: a rep sees their own row; managers and above all three. */
    public List<ForecastLevel> levels(Actor viewer) {
        return viewer.role() == Role.REP ? List.of(ForecastLevel.REP) : List.of(ForecastLevel.values());
    }

    /** Today in the company's zone: the period the forecast opens on. */
    public LocalDate today() {
        return BusinessTime.today(clock);
    }

    /** The forecast table of a level for the period, by name: only the reps, teams and regions the viewer sees. */
    public List<ForecastRow> forecast(Actor viewer, ForecastPeriod period, ForecastLevel level) {
        return db.transactionResult(cfg -> rows(cfg, viewer, period, level));
    }

    private List<ForecastRow> rows(Configuration cfg, Actor viewer, ForecastPeriod period, ForecastLevel level) {
        ForecastRepository repo = ForecastRepository.using(cfg, clock);
        if (!levels(viewer).contains(level)) {
            return List.of();
        }
        Map<UUID, Figure> subjects = new LinkedHashMap<>(repo.subjects(viewer, level));
        Map<UUID, Figure> weighted = repo.weighted(viewer, level, period.start(), period.end());
        Map<UUID, Figure> actual = repo.signed(viewer, level, period.start(), period.end());
        Map<UUID, Figure> commits = repo.commits(viewer, level, period);
        ForecastPeriod first = period.minus(RUN_RATE_PERIODS);
        Map<UUID, Figure> past = repo.signed(viewer, level, first.start(), period.start().minusDays(1));
        for (Map<UUID, Figure> figures : List.of(weighted, actual, commits, past)) {
            figures.values().forEach(f -> subjects.putIfAbsent(f.key(), f));
        }
        Map<UUID, BigDecimal> adjustments = repo.adjustments(level, period);
        WorkingCalendar calendar = CalendarRepository.using(cfg).calendar();
        long pastDays = workingDays(calendar, first.start(), period.start().minusDays(1));
        long days = workingDays(calendar, period.start(), period.end());
        List<ForecastRow> rows = new ArrayList<>();
        for (Figure subject : subjects.values()) {
            UUID key = subject.key();
            rows.add(new ForecastRow(level, key, subject.name(), amount(weighted, key),
                    runRate(amount(past, key), pastDays, days), commits.containsKey(key) ? commits.get(key).amount() : null,
                    adjustments.get(key), amount(actual, key)));
        }
        rows.sort(Comparator.comparing(ForecastRow::subjectName));
        return rows;
    }

    private static BigDecimal amount(Map<UUID, Figure> figures, UUID key) {
        Figure f = figures.get(key);
        return f == null ? BigDecimal.ZERO : f.amount();
    }

    /** Signed amount per working day of the past periods × the working days of the period. */
    static BigDecimal runRate(BigDecimal pastSigned, long pastWorkingDays, long workingDays) {
        if (pastWorkingDays <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return pastSigned.multiply(BigDecimal.valueOf(workingDays))
                .divide(BigDecimal.valueOf(pastWorkingDays), 2, RoundingMode.HALF_UP);
    }

    static long workingDays(WorkingCalendar calendar, LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).filter(calendar::isWorkingDay).count();
    }

    /** A rep commits to an amount for the period (their own row only); earlier commits stay as history. */
    public ForecastEntry commit(Actor rep, ForecastPeriod period, BigDecimal amount, String note) {
        checkAmount(amount);
        return write(cfg -> {
            ForecastRepository repo = ForecastRepository.using(cfg, clock);
            if (repo.subject(ForecastLevel.REP, rep.userId()).isEmpty()) {
                throw new SalesDeskException("forecast.error.commitNotOwn");
            }
            BigDecimal old = repo.latestEntry(period, ForecastLevel.REP, rep.userId(), ForecastEntry.Kind.COMMIT)
                    .map(ForecastEntry::amount).orElse(null);
            return repo.insertEntry(rep, period, ForecastLevel.REP, rep.userId(), ForecastEntry.Kind.COMMIT, old,
                    amount.setScale(2, RoundingMode.HALF_UP), note);
        });
    }

    /**
     * A manager (or a company-wide role) adjusts a rep's, team's or region's forecast for the period,
     * with a note saying why. The old value (the previous adjustment, else the commit, else the weighted
     * pipeline) is kept with the new one.
     */
    public ForecastEntry adjust(Actor manager, ForecastPeriod period, ForecastLevel level, UUID subjectId,
                                BigDecimal amount, String note) {
        checkAmount(amount);
        if (note == null || note.isBlank()) {
            throw new SalesDeskException("forecast.error.noteRequired");
        }
        return write(cfg -> {
            ForecastRepository repo = ForecastRepository.using(cfg, clock);
            Figure subject = repo.subject(level, subjectId)
                    .orElseThrow(() -> new SalesDeskException("forecast.error.noSubject"));
            if (!mayAdjust(manager, subject.path())) {
                throw new SalesDeskException("forecast.error.adjustNotAllowed", subject.name());
            }
            BigDecimal old = rows(cfg, manager, period, level).stream().filter(r -> r.subjectId().equals(subjectId))
                    .findFirst().map(ForecastRow::adjusted).orElse(null);
            return repo.insertEntry(manager, period, level, subjectId, ForecastEntry.Kind.ADJUST, old,
                    amount.setScale(2, RoundingMode.HALF_UP), note.strip());
        });
    }

    /** Whether the actor may adjust a cell whose org path is {@code path}: a manager over it, or a company-wide role. */
    public static boolean mayAdjust(Actor actor, String path) {
        return actor.role().seesEverything() || actor.role() == Role.MANAGER && path.startsWith(actor.orgPath());
    }

    /** The commits and adjustments of a cell the viewer sees, oldest first. */
    public List<ForecastEntry> history(Actor viewer, ForecastPeriod period, ForecastLevel level, UUID subjectId) {
        return db.transactionResult(cfg -> {
            ForecastRepository repo = ForecastRepository.using(cfg, clock);
            Figure subject = repo.subject(level, subjectId).orElse(null);
            if (subject == null || !(viewer.userId().equals(subjectId) || mayAdjust(viewer, subject.path()))) {
                return List.of();
            }
            return repo.history(period, level, subjectId);
        });
    }

    private static void checkAmount(BigDecimal amount) {
        if (amount == null || amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            throw new SalesDeskException("forecast.error.amount");
        }
    }

    private ForecastEntry write(org.jooq.TransactionalCallable<ForecastEntry> work) {
        try {
            return db.transactionResult(work);
        } catch (DataAccessException e) {
            // The unique (cell, kind, version): someone changed the same figure at the same moment.
            LOG.info("Forecast entry refused: {}", e.getMessage());
            throw new SalesDeskException(e, "forecast.error.conflict");
        }
    }

    /**
     * Freezes the period's forecast as it stands now, for every rep, team and region the actor
     * sees that is not frozen yet; frozen cells never change. Managers and company-wide roles only.
     *
     * @return how many cells were frozen
     */
    public int freeze(Actor actor, ForecastPeriod period) {
        return freeze(actor, period, ChangeReason.user());
    }

    /** {@link #freeze(Actor, ForecastPeriod)} with a reason for the audit trail (the demo, a schedule). */
    public int freeze(Actor actor, ForecastPeriod period, ChangeReason reason) {
        if (!(actor.role().seesEverything() || actor.role() == Role.MANAGER)) {
            throw new SalesDeskException("forecast.error.freezeNotAllowed");
        }
        return db.transactionResult(cfg -> freeze(cfg, actor, period, reason));
    }

    private int freeze(Configuration cfg, Actor actor, ForecastPeriod period, ChangeReason reason) {
        ForecastRepository repo = ForecastRepository.using(cfg, clock);
        int frozen = 0;
        for (ForecastLevel level : ForecastLevel.values()) {
            Set<UUID> done = repo.frozen(period, level);
            Map<UUID, String> paths = new HashMap<>();
            repo.subjects(actor, level).values().forEach(f -> paths.put(f.key(), f.path()));
            List<Map.Entry<ForecastRow, String>> cells = new ArrayList<>();
            for (ForecastRow row : rows(cfg, actor, period, level)) {
                if (done.contains(row.subjectId())) {
                    continue;
                }
                String path = paths.get(row.subjectId());
                if (path == null) {
                    path = repo.subject(level, row.subjectId()).map(Figure::path).orElse("/");
                }
                cells.add(new AbstractMap.SimpleEntry<>(row, path));
            }
            repo.insertSnapshots(actor, reason, period, cells);
            frozen += cells.size();
        }
        LOG.info("Forecast {} frozen: {} cells by {}", period.label(), frozen, actor.displayName());
        return frozen;
    }

    /**
     * Freezes the current month's and quarter's forecast once, at the first run on or after the
     * period's first day (called by the client's timers; a client that was closed when the period
     * began freezes it when it next runs). Periods that ended while no client ran stay unfrozen: a
     * forecast frozen after the fact would be measured against results it had already seen.
     * Failures are logged and tried again at the next run.
     *
     * @return how many cells were frozen
     */
    public int freezeDue() {
        LocalDate today = today();
        int frozen = 0;
        for (ForecastPeriod.Kind kind : ForecastPeriod.Kind.values()) {
            ForecastPeriod period = ForecastPeriod.containing(kind, today);
            String key = AUTO_FROZEN_PREFIX + kind.name();
            String done = period.start().toString();
            try {
                frozen += db.transactionResult(cfg -> {
                    WorkspaceSettings settings = WorkspaceSettings.using(cfg);
                    if (settings.get(key).filter(done::equals).isPresent()) {
                        return 0;
                    }
                    int cells = freeze(cfg, SCHEDULE, period, ChangeReason.of(ChangeReason.Kind.SYSTEM, "schedule"));
                    settings.put(key, done);
                    return cells;
                });
            } catch (RuntimeException e) {
                LOG.error("Forecast {} could not be frozen", period.label(), e);
            }
        }
        return frozen;
    }

    /** Whether any cell of the period is frozen. */
    public boolean isFrozen(ForecastPeriod period) {
        return db.transactionResult(cfg -> !ForecastRepository.using(cfg, clock).frozen(period, ForecastLevel.REP)
                .isEmpty());
    }

    /**
     * The accuracy of the frozen forecasts of the last {@code count} closed periods of a kind, per
     * level and method, against the contracts signed in each period, as the viewer sees them.
     */
    public AccuracyReport accuracy(Actor viewer, ForecastPeriod.Kind kind, int count) {
        ForecastPeriod last = ForecastPeriod.containing(kind, today()).minus(1);
        List<ForecastPeriod> periods = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            periods.add(last.minus(i));
        }
        return db.transactionResult(cfg -> {
            ForecastRepository repo = ForecastRepository.using(cfg, clock);
            List<AccuracyFigure> figures = new ArrayList<>();
            for (ForecastLevel level : levels(viewer)) {
                List<ForecastRepository.Snapshot> snapshots = repo.snapshots(viewer, level, kind,
                        periods.stream().map(ForecastPeriod::start).toList());
                Map<ForecastPeriod, Map<UUID, Figure>> actuals = new HashMap<>();
                for (ForecastPeriod p : periods) {
                    actuals.put(p, repo.signed(viewer, level, p.start(), p.end()));
                }
                Map<ForecastMethod, List<Accuracy.Cell>> cells = new EnumMap<>(ForecastMethod.class);
                for (ForecastRepository.Snapshot s : snapshots) {
                    BigDecimal actual = amount(actuals.get(s.period()), s.row().subjectId());
                    for (ForecastMethod method : ForecastMethod.values()) {
                        cells.computeIfAbsent(method, m -> new ArrayList<>())
                                .add(new Accuracy.Cell(s.row().figure(method), actual));
                    }
                }
                for (ForecastMethod method : ForecastMethod.values()) {
                    figures.add(Accuracy.measure(level, method, cells.getOrDefault(method, List.of())));
                }
            }
            return new AccuracyReport(periods, figures);
        });
    }

    /**
     * The accuracy of the last closed periods.
     *
     * @param periods the closed periods measured, oldest first
     * @param figures MAPE and bias per level and method
     */
    public record AccuracyReport(List<ForecastPeriod> periods, List<AccuracyFigure> figures) {
    }
}
