package io.salesdesk.insight.funnel;

import static io.salesdesk.db.jooq.Tables.FUNNEL;
import static io.salesdesk.db.jooq.Tables.FUNNEL_NODE;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.FunnelNodeRecord;
import io.salesdesk.db.jooq.tables.records.FunnelRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Funnel definitions and their nodes; every change is in the audit trail. */
public final class FunnelRepository {

    static final String ENTITY = "funnel";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private FunnelRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static FunnelRepository using(Configuration configuration, Clock clock) {
        return new FunnelRepository(configuration, clock);
    }

    /** Live funnels with their live nodes, by name. */
    public List<Funnel> all() {
        List<FunnelRecord> funnels = dsl.selectFrom(FUNNEL).where(FUNNEL.DELETED_AT.isNull())
                .orderBy(FUNNEL.NAME, FUNNEL.ID).fetch();
        Map<UUID, List<FunnelNode>> nodes = dsl.selectFrom(FUNNEL_NODE).where(FUNNEL_NODE.DELETED_AT.isNull(),
                        FUNNEL_NODE.FUNNEL_ID.in(funnels.stream().map(FunnelRecord::getId).toList()))
                .orderBy(FUNNEL_NODE.SORT_ORDER, FUNNEL_NODE.ID).fetch().stream()
                .collect(Collectors.groupingBy(FunnelNodeRecord::getFunnelId, LinkedHashMap::new,
                        Collectors.mapping(FunnelRepository::toNode, Collectors.toList())));
        return funnels.stream().map(f -> toFunnel(f, nodes.getOrDefault(f.getId(), List.of()))).toList();
    }

    /** When the funnel or its nodes were last saved. */
    public Optional<OffsetDateTime> updatedAt(UUID id) {
        return dsl.select(FUNNEL.UPDATED_AT).from(FUNNEL).where(FUNNEL.ID.eq(id)).fetchOptional(FUNNEL.UPDATED_AT);
    }

    public Optional<Funnel> find(UUID id) {
        return all().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** Inserts a new funnel with its nodes; returns it with ids. */
    public Funnel insert(Actor actor, ChangeReason reason, Funnel funnel) {
        OffsetDateTime now = Rows.now(clock);
        UUID id = Ids.newId(clock);
        FunnelRecord r = dsl.newRecord(FUNNEL);
        r.setId(id);
        r.setName(funnel.name());
        r.setProductFilter(Rows.blankToNull(funnel.productFilter()));
        r.setEnabled(funnel.enabled());
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        writeNodes(actor, id, funnel.nodes(), now);
        Funnel saved = find(id).orElseThrow();
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.INSERT,
                FieldChange.diff(Map.of(), snapshot(saved)));
        return saved;
    }

    /**
     * Writes a changed definition made on {@code expectedVersion}: nodes missing from the new list
     * are soft-deleted, the others updated in place (keeping their outcomes and prompts) or added.
     */
    public Funnel update(Actor actor, ChangeReason reason, Funnel funnel, long expectedVersion) {
        Funnel before = find(funnel.id()).orElse(null);
        OffsetDateTime now = Rows.now(clock);
        int updated = dsl.update(FUNNEL).set(FUNNEL.NAME, funnel.name())
                .set(FUNNEL.PRODUCT_FILTER, Rows.blankToNull(funnel.productFilter()))
                .set(FUNNEL.ENABLED, funnel.enabled()).set(FUNNEL.VERSION, FUNNEL.VERSION.plus(1))
                .set(FUNNEL.UPDATED_AT, now).set(FUNNEL.UPDATED_BY, Rows.userId(actor))
                .where(FUNNEL.ID.eq(funnel.id()), FUNNEL.VERSION.eq(expectedVersion), FUNNEL.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, funnel.id(), expectedVersion, before);
        }
        writeNodes(actor, funnel.id(), funnel.nodes(), now);
        Funnel after = find(funnel.id()).orElseThrow();
        changeLog.record(actor, reason, ENTITY, funnel.id(), ChangeEntry.Operation.UPDATE,
                FieldChange.diff(snapshot(before), snapshot(after)));
        return after;
    }

    private void writeNodes(Actor actor, UUID funnelId, List<FunnelNode> nodes, OffsetDateTime now) {
        Set<UUID> kept = new HashSet<>();
        int order = 0;
        for (FunnelNode node : nodes) {
            order++;
            Params p = Params.of(node.measure());
            if (node.id() != null && dsl.update(FUNNEL_NODE).set(FUNNEL_NODE.SORT_ORDER, order)
                    .set(FUNNEL_NODE.NAME, node.name()).set(FUNNEL_NODE.MEASURE, node.measure().kind().name())
                    .set(FUNNEL_NODE.ACTIVITY_KIND, p.kind).set(FUNNEL_NODE.KEYWORD, p.keyword)
                    .set(FUNNEL_NODE.STAGE, p.stage).set(FUNNEL_NODE.WINDOW_DAYS, p.days)
                    .set(FUNNEL_NODE.THRESHOLD, p.threshold).set(FUNNEL_NODE.VERSION, FUNNEL_NODE.VERSION.plus(1))
                    .set(FUNNEL_NODE.UPDATED_AT, now).set(FUNNEL_NODE.UPDATED_BY, Rows.userId(actor))
                    .where(FUNNEL_NODE.ID.eq(node.id()), FUNNEL_NODE.FUNNEL_ID.eq(funnelId)).execute() == 1) {
                kept.add(node.id());
                continue;
            }
            FunnelNodeRecord r = dsl.newRecord(FUNNEL_NODE);
            r.setId(Ids.newId(clock));
            r.setFunnelId(funnelId);
            r.setSortOrder(order);
            r.setName(node.name());
            r.setMeasure(node.measure().kind().name());
            r.setActivityKind(p.kind);
            r.setKeyword(p.keyword);
            r.setStage(p.stage);
            r.setWindowDays(p.days);
            r.setThreshold(p.threshold);
            r.setVersion(1L);
            r.setCreatedAt(now);
            r.setCreatedBy(Rows.userId(actor));
            r.setUpdatedAt(now);
            r.setUpdatedBy(Rows.userId(actor));
            r.insert();
            kept.add(r.getId());
        }
        dsl.update(FUNNEL_NODE).set(FUNNEL_NODE.DELETED_AT, now)
                .where(FUNNEL_NODE.FUNNEL_ID.eq(funnelId), FUNNEL_NODE.DELETED_AT.isNull(),
                        kept.isEmpty() ? DSL.trueCondition() : FUNNEL_NODE.ID.notIn(kept))
                .execute();
    }

    /** The columns of a measure. */
    private record Params(String kind, String keyword, String stage, Integer days, int threshold) {
        static Params of(Measure m) {
            if (m instanceof Measure.ActivityBeforeStage b) {
                return new Params(name(b.activityKind()), Rows.blankToNull(b.keyword()), b.stage(), null, 0);
            }
            if (m instanceof Measure.ActivityCount c) {
                return new Params(name(c.activityKind()), Rows.blankToNull(c.keyword()), c.fromStage(), c.days(),
                        c.minimum());
            }
            if (m instanceof Measure.ReplyWithin w) {
                return new Params(name(w.activityKind()), Rows.blankToNull(w.keyword()), null, null, w.hours());
            }
            Measure.StageWithin s = (Measure.StageWithin) m;
            return new Params(null, null, s.stage(), null, s.days());
        }

        private static String name(ActivityKind kind) {
            return kind == null ? null : kind.name();
        }
    }

    static FunnelNode toNode(FunnelNodeRecord r) {
        ActivityKind kind = r.getActivityKind() == null ? null : ActivityKind.valueOf(r.getActivityKind());
        Measure measure = switch (Measure.Kind.valueOf(r.getMeasure())) {
            case ACTIVITY_BEFORE_STAGE -> new Measure.ActivityBeforeStage(kind, r.getKeyword(), r.getStage());
            case ACTIVITY_COUNT -> new Measure.ActivityCount(kind, r.getKeyword(), r.getStage(),
                    r.getWindowDays() == null ? 0 : r.getWindowDays(), r.getThreshold());
            case REPLY_WITHIN -> new Measure.ReplyWithin(kind, r.getKeyword(), r.getThreshold());
            case STAGE_WITHIN -> new Measure.StageWithin(r.getStage(), r.getThreshold());
        };
        return new FunnelNode(r.getId(), r.getSortOrder(), r.getName(), measure);
    }

    private static Funnel toFunnel(FunnelRecord r, List<FunnelNode> nodes) {
        return new Funnel(r.getId(), r.getName(), r.getProductFilter(), r.getEnabled(), r.getVersion(), nodes);
    }

    private static Map<String, Object> snapshot(Funnel f) {
        if (f == null) {
            return Map.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("productFilter", f.productFilter());
        m.put("enabled", f.enabled());
        m.put("nodes", f.nodes().stream().map(n -> n.order() + ". " + n.name() + " " + n.measure())
                .collect(Collectors.joining("; ")));
        return m;
    }
}
