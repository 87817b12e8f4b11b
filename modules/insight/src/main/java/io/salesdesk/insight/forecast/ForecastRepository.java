package io.salesdesk.insight.forecast;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.FORECAST_ENTRY;
import static io.salesdesk.db.jooq.Tables.FORECAST_SNAPSHOT;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Visibility;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.OrgUnit;
import io.salesdesk.db.jooq.tables.records.ForecastEntryRecord;
import io.salesdesk.db.jooq.tables.records.ForecastSnapshotRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The figures of the forecast, each one grouped query: per rep (the owner), team (the owner's org
 * unit) or region (the REGION unit above it). Every read applies the viewer's {@link Visibility}
 * on the owner and skips soft-deleted rows; commits, adjustments and snapshots are written here.
 */
public final class ForecastRepository {

    static final String ENTRY = "forecast_entry";
    static final String SNAPSHOT = "forecast_snapshot";

    private static final OrgUnit UNIT = ORG_UNIT.as("f_unit");
    private static final OrgUnit REGION_UNIT = ORG_UNIT.as("f_region");

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private ForecastRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static ForecastRepository using(Configuration configuration, Clock clock) {
        return new ForecastRepository(configuration, clock);
    }

    /**
     * A rep, team or region with a figure.
     *
     * @param key    user id (rep) or org unit id (team, region)
     * @param name   name shown
     * @param path   org path of the cell, for visibility of snapshots
     * @param amount the figure (zero where only the subject is asked for)
     */
    public record Figure(UUID key, String name, String path, BigDecimal amount) {
    }

    private static Field<UUID> key(ForecastLevel level) {
        return switch (level) {
            case REP -> APP_USER.ID;
            case TEAM -> UNIT.ID;
            case REGION -> REGION_UNIT.ID;
        };
    }

    private static Field<String> name(ForecastLevel level) {
        return switch (level) {
            case REP -> APP_USER.DISPLAY_NAME;
            case TEAM -> UNIT.NAME;
            case REGION -> REGION_UNIT.NAME;
        };
    }

    private static Field<String> path(ForecastLevel level) {
        return level == ForecastLevel.REGION ? REGION_UNIT.PATH : UNIT.PATH;
    }

    /** The owner's user, unit and (if any) region unit joined to {@code table}. */
    private static Table<?> withOwners(Table<?> table, Field<UUID> owner) {
        return table.join(APP_USER).on(APP_USER.ID.eq(owner))
                .join(UNIT).on(UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                .leftJoin(REGION_UNIT).on(REGION_UNIT.KIND.eq("REGION"), UNIT.PATH.startsWith(REGION_UNIT.PATH));
    }

    private SelectJoinStep<Record4<UUID, String, String, BigDecimal>> grouped(ForecastLevel level, Field<BigDecimal> sum,
                                                                              Table<?> table) {
        return dsl.select(key(level), DSL.max(name(level)), DSL.max(path(level)), sum).from(table);
    }

    private static Condition levelPresent(ForecastLevel level) {
        return level == ForecastLevel.REGION ? REGION_UNIT.ID.isNotNull() : DSL.trueCondition();
    }

    private static Map<UUID, Figure> toMap(List<Figure> figures) {
        Map<UUID, Figure> map = new LinkedHashMap<>();
        figures.forEach(f -> map.put(f.key(), f));
        return map;
    }

    private static Figure figure(Record4<UUID, String, String, BigDecimal> r) {
        return new Figure(r.value1(), r.value2(), r.value3(), r.value4() == null ? BigDecimal.ZERO : r.value4());
    }

    /** The live reps the viewer sees, grouped to the level (a team with reps has a row even with no figures). */
    public Map<UUID, Figure> subjects(Actor viewer, ForecastLevel level) {
        var from = grouped(level, DSL.inline(BigDecimal.ZERO), APP_USER.join(UNIT).on(UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                .leftJoin(REGION_UNIT).on(REGION_UNIT.KIND.eq("REGION"), UNIT.PATH.startsWith(REGION_UNIT.PATH)));
        return toMap(from.where(APP_USER.ROLE.eq(Role.REP.name()), APP_USER.DELETED_AT.isNull(),
                        Visibility.ownedBy(APP_USER.ID, viewer), levelPresent(level))
                .groupBy(key(level)).fetch(ForecastRepository::figure));
    }

    /**
     * Σ amount × probability / 100 of the open deals (stage outcome OPEN) the viewer sees whose
     * expected close date falls in [from, to], per subject. Deals without an amount count nothing.
     */
    public Map<UUID, Figure> weighted(Actor viewer, ForecastLevel level, LocalDate from, LocalDate to) {
        Field<BigDecimal> sum = DSL.sum(OPPORTUNITY.AMOUNT.times(OPPORTUNITY.PROBABILITY));
        var query = grouped(level, sum, withOwners(OPPORTUNITY
                .join(OPPORTUNITY_STAGE).on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID)), OPPORTUNITY.OWNER_ID));
        return toMap(query.where(OPPORTUNITY_STAGE.OUTCOME.eq("OPEN"), OPPORTUNITY.DELETED_AT.isNull(),
                        CUSTOMER.DELETED_AT.isNull(), OPPORTUNITY.AMOUNT.isNotNull(),
                        OPPORTUNITY.EXPECTED_CLOSE_ON.between(from, to),
                        Visibility.ownedBy(OPPORTUNITY.OWNER_ID, viewer), levelPresent(level))
                .groupBy(key(level)).fetch(r -> {
                    Figure f = figure(r);
                    // Σ(amount × probability) is exact in SQL; one division by 100 at the end.
                    return new Figure(f.key(), f.name(), f.path(),
                            f.amount().divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
                }));
    }

    /**
     * The actuals: Σ amount of the contracts the viewer sees signed in [from, to] (signed,
     * executing or closed; not voided, not deleted), per subject of the contract's owner.
     */
    public Map<UUID, Figure> signed(Actor viewer, ForecastLevel level, LocalDate from, LocalDate to) {
        var query = grouped(level, DSL.sum(CONTRACT.AMOUNT), withOwners(CONTRACT, CONTRACT.OWNER_ID));
        return toMap(query.where(CONTRACT.STATUS.in("SIGNED", "EXECUTING", "CLOSED"), CONTRACT.DELETED_AT.isNull(),
                        CONTRACT.SIGNED_ON.between(from, to), Visibility.ownedBy(CONTRACT.OWNER_ID, viewer),
                        levelPresent(level))
                .groupBy(key(level)).fetch(ForecastRepository::figure));
    }

    private static Condition cell(io.salesdesk.db.jooq.tables.ForecastEntry e, ForecastPeriod period) {
        return e.PERIOD_KIND.eq(period.kind().name()).and(e.PERIOD_START.eq(period.start()));
    }

    private static Condition latest(io.salesdesk.db.jooq.tables.ForecastEntry e, ForecastEntry.Kind kind) {
        var older = FORECAST_ENTRY.as("f_older");
        return e.VERSION.eq(DSL.select(DSL.max(older.VERSION)).from(older)
                .where(older.PERIOD_KIND.eq(e.PERIOD_KIND), older.PERIOD_START.eq(e.PERIOD_START),
                        older.LEVEL_KIND.eq(e.LEVEL_KIND), older.SUBJECT_ID.eq(e.SUBJECT_ID),
                        older.ENTRY_KIND.eq(kind.name()), older.DELETED_AT.isNull()));
    }

    /** The reps' latest commits for the period the viewer sees, summed to the level. */
    public Map<UUID, Figure> commits(Actor viewer, ForecastLevel level, ForecastPeriod period) {
        var e = FORECAST_ENTRY;
        var query = grouped(level, DSL.sum(e.AMOUNT), withOwners(e, e.SUBJECT_ID));
        return toMap(query.where(cell(e, period), e.LEVEL_KIND.eq(ForecastLevel.REP.name()),
                        e.ENTRY_KIND.eq(ForecastEntry.Kind.COMMIT.name()), e.DELETED_AT.isNull(),
                        latest(e, ForecastEntry.Kind.COMMIT), Visibility.ownedBy(APP_USER.ID, viewer), levelPresent(level))
                .groupBy(key(level)).fetch(ForecastRepository::figure));
    }

    /** The latest adjustment of each cell of the level in the period (the caller keeps the visible ones). */
    public Map<UUID, BigDecimal> adjustments(ForecastLevel level, ForecastPeriod period) {
        var e = FORECAST_ENTRY;
        Map<UUID, BigDecimal> map = new LinkedHashMap<>();
        dsl.select(e.SUBJECT_ID, e.AMOUNT).from(e)
                .where(cell(e, period), e.LEVEL_KIND.eq(level.name()), e.ENTRY_KIND.eq(ForecastEntry.Kind.ADJUST.name()),
                        e.DELETED_AT.isNull(), latest(e, ForecastEntry.Kind.ADJUST))
                .forEach(r -> map.put(r.value1(), r.value2()));
        return map;
    }

    /** The name and org path of a rep (user id) or team / region (org unit id), if it is live. */
    public Optional<Figure> subject(ForecastLevel level, UUID id) {
        if (level == ForecastLevel.REP) {
            return dsl.select(APP_USER.ID, APP_USER.DISPLAY_NAME, UNIT.PATH).from(APP_USER)
                    .join(UNIT).on(UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                    .where(APP_USER.ID.eq(id), APP_USER.DELETED_AT.isNull())
                    .fetchOptional(r -> new Figure(r.value1(), r.value2(), r.value3(), BigDecimal.ZERO));
        }
        return dsl.select(ORG_UNIT.ID, ORG_UNIT.NAME, ORG_UNIT.PATH).from(ORG_UNIT)
                .where(ORG_UNIT.ID.eq(id), ORG_UNIT.DELETED_AT.isNull())
                .fetchOptional(r -> new Figure(r.value1(), r.value2(), r.value3(), BigDecimal.ZERO));
    }

    /** A cell's commits and adjustments, oldest first. */
    public List<ForecastEntry> history(ForecastPeriod period, ForecastLevel level, UUID subjectId) {
        var e = FORECAST_ENTRY;
        return dsl.selectFrom(e).where(cell(e, period), e.LEVEL_KIND.eq(level.name()), e.SUBJECT_ID.eq(subjectId),
                        e.DELETED_AT.isNull())
                // At the same instant a commit comes before the adjustment of it (COMMIT sorts after ADJUST).
                .orderBy(e.CREATED_AT, e.ENTRY_KIND.desc(), e.VERSION).fetch(ForecastRepository::toEntry);
    }

    /** The latest entry of a kind for the cell. */
    public Optional<ForecastEntry> latestEntry(ForecastPeriod period, ForecastLevel level, UUID subjectId,
                                               ForecastEntry.Kind kind) {
        var e = FORECAST_ENTRY;
        return dsl.selectFrom(e).where(cell(e, period), e.LEVEL_KIND.eq(level.name()), e.SUBJECT_ID.eq(subjectId),
                        e.ENTRY_KIND.eq(kind.name()), e.DELETED_AT.isNull())
                .orderBy(e.VERSION.desc()).limit(1).fetchOptional(ForecastRepository::toEntry);
    }

    private long nextVersion(ForecastPeriod period, ForecastLevel level, UUID subjectId, ForecastEntry.Kind kind) {
        var e = FORECAST_ENTRY;
        Long max = dsl.select(DSL.max(e.VERSION)).from(e).where(cell(e, period), e.LEVEL_KIND.eq(level.name()),
                e.SUBJECT_ID.eq(subjectId), e.ENTRY_KIND.eq(kind.name())).fetchOne(0, Long.class);
        return max == null ? 1 : max + 1;
    }

    /** Adds a commit or adjustment with its audit entry; the cell's next version number guards against a race. */
    public ForecastEntry insertEntry(Actor actor, ForecastPeriod period, ForecastLevel level, UUID subjectId,
                                     ForecastEntry.Kind kind, BigDecimal oldAmount, BigDecimal amount, String note) {
        OffsetDateTime now = Rows.now(clock);
        ForecastEntryRecord r = dsl.newRecord(FORECAST_ENTRY);
        r.setId(Ids.newId(clock));
        r.setPeriodKind(period.kind().name());
        r.setPeriodStart(period.start());
        r.setLevelKind(level.name());
        r.setSubjectId(subjectId);
        r.setEntryKind(kind.name());
        r.setOldAmount(oldAmount);
        r.setAmount(amount);
        r.setNote(Rows.blankToNull(note));
        r.setEnteredByName(actor.displayName());
        r.setVersion(nextVersion(period, level, subjectId, kind));
        r.setCreatedAt(now);
        r.setCreatedBy(actor.userId());
        r.setUpdatedAt(now);
        r.setUpdatedBy(actor.userId());
        r.insert();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("period", period.label());
        after.put("level", level.name());
        after.put("subjectId", subjectId);
        after.put("kind", kind.name());
        after.put("amount", amount);
        after.put("note", r.getNote());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("amount", oldAmount);
        changeLog.record(actor, ChangeReason.user(), ENTRY, r.getId(), ChangeEntry.Operation.INSERT,
                FieldChange.diff(before, after));
        return toEntry(r);
    }

    private static ForecastEntry toEntry(ForecastEntryRecord r) {
        return new ForecastEntry(r.getId(), ForecastEntry.Kind.valueOf(r.getEntryKind()), r.getOldAmount(), r.getAmount(),
                r.getNote(), r.getCreatedBy(), r.getEnteredByName(), r.getCreatedAt());
    }

    /**
     * A frozen forecast cell.
     *
     * @param period  its period
     * @param row     the figures as frozen (actual is zero: actuals are read live)
     * @param path    org path of the cell
     */
    public record Snapshot(ForecastPeriod period, ForecastRow row, String path, OffsetDateTime frozenAt) {
    }

    /** The subjects of the level already frozen for the period. */
    public Set<UUID> frozen(ForecastPeriod period, ForecastLevel level) {
        return new HashSet<>(dsl.select(FORECAST_SNAPSHOT.SUBJECT_ID).from(FORECAST_SNAPSHOT)
                .where(FORECAST_SNAPSHOT.PERIOD_KIND.eq(period.kind().name()),
                        FORECAST_SNAPSHOT.PERIOD_START.eq(period.start()),
                        FORECAST_SNAPSHOT.LEVEL_KIND.eq(level.name()), FORECAST_SNAPSHOT.DELETED_AT.isNull())
                .fetch(FORECAST_SNAPSHOT.SUBJECT_ID));
    }

    /** Freezes cells (rows with their org path), one audit entry each. */
    public void insertSnapshots(Actor actor, ChangeReason reason, ForecastPeriod period,
                                Collection<Map.Entry<ForecastRow, String>> cells) {
        OffsetDateTime now = Rows.now(clock);
        List<ChangeLog.Pending> audit = new ArrayList<>();
        for (Map.Entry<ForecastRow, String> cell : cells) {
            ForecastRow row = cell.getKey();
            ForecastSnapshotRecord r = dsl.newRecord(FORECAST_SNAPSHOT);
            r.setId(Ids.newId(clock));
            r.setPeriodKind(period.kind().name());
            r.setPeriodStart(period.start());
            r.setPeriodEnd(period.end());
            r.setLevelKind(row.level().name());
            r.setSubjectId(row.subjectId());
            r.setSubjectName(row.subjectName());
            r.setOwnerPath(cell.getValue());
            r.setWeighted(row.weighted());
            r.setRunRate(row.runRate());
            r.setCommitAmount(row.commit());
            r.setAdjusted(row.adjusted());
            r.setVersion(1L);
            r.setCreatedAt(now);
            r.setCreatedBy(Rows.userId(actor));
            r.setUpdatedAt(now);
            r.setUpdatedBy(Rows.userId(actor));
            r.insert();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("period", period.label());
            after.put("level", row.level().name());
            after.put("subject", row.subjectName());
            after.put("weighted", row.weighted());
            after.put("runRate", row.runRate());
            after.put("commit", row.commit());
            after.put("adjusted", row.adjusted());
            audit.add(new ChangeLog.Pending(SNAPSHOT, r.getId(), ChangeEntry.Operation.INSERT,
                    FieldChange.diff(Map.of(), after)));
        }
        changeLog.recordAll(actor, reason, audit);
    }

    /** The frozen cells of the level in these periods that the viewer may see. */
    public List<Snapshot> snapshots(Actor viewer, ForecastLevel level, ForecastPeriod.Kind kind,
                                    Collection<LocalDate> periodStarts) {
        var s = FORECAST_SNAPSHOT;
        Condition visible;
        if (viewer.role().seesEverything()) {
            visible = DSL.trueCondition();
        } else if (viewer.role() == Role.MANAGER) {
            visible = s.OWNER_PATH.startsWith(viewer.orgPath());
        } else {
            visible = s.LEVEL_KIND.eq(ForecastLevel.REP.name()).and(s.SUBJECT_ID.eq(viewer.userId()));
        }
        return dsl.selectFrom(s).where(s.PERIOD_KIND.eq(kind.name()), s.PERIOD_START.in(periodStarts),
                        s.LEVEL_KIND.eq(level.name()), s.DELETED_AT.isNull(), visible)
                .orderBy(s.PERIOD_START, s.SUBJECT_NAME)
                .fetch(r -> new Snapshot(new ForecastPeriod(kind, r.getPeriodStart()),
                        new ForecastRow(level, r.getSubjectId(), r.getSubjectName(), r.getWeighted(), r.getRunRate(),
                                r.getCommitAmount(), r.getAdjusted(), BigDecimal.ZERO), r.getOwnerPath(), r.getCreatedAt()));
    }
}
