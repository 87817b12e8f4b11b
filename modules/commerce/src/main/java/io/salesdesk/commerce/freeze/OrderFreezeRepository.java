package io.salesdesk.commerce.freeze;

import static io.salesdesk.db.jooq.Tables.ORDER_FREEZE;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.jooq.tables.records.OrderFreezeRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Order freezes; holding and lifting are audited. */
public final class OrderFreezeRepository {

    public static final String ENTITY = "order_freeze";

    private final DSLContext dsl;
    private final ChangeLog changeLog;

    private OrderFreezeRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static OrderFreezeRepository using(Configuration configuration, Clock clock) {
        return new OrderFreezeRepository(configuration, clock);
    }

    public void insert(Actor actor, ChangeReason reason, OrderFreeze f) {
        OrderFreezeRecord r = dsl.newRecord(ORDER_FREEZE);
        r.setId(f.id());
        r.setCustomerId(f.customerId());
        r.setCategory(f.category());
        r.setOpportunityId(f.opportunityId());
        r.setReason(f.reason());
        r.setHeldFrom(f.heldFrom());
        r.setHeldUntil(f.heldUntil());
        r.insert();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("customerId", f.customerId());
        after.put("category", f.category());
        after.put("opportunityId", f.opportunityId());
        after.put("reason", f.reason());
        after.put("heldUntil", f.heldUntil());
        changeLog.record(actor, reason, ENTITY, f.id(), ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), after));
    }

    public Optional<OrderFreeze> find(UUID id) {
        return dsl.selectFrom(ORDER_FREEZE).where(ORDER_FREEZE.ID.eq(id)).fetchOptional(OrderFreezeRepository::toFreeze);
    }

    /** The freezes of the customer holding at {@code now}, in the given categories (null for all), ending first first. */
    public List<OrderFreeze> active(UUID customerId, Collection<String> categories, OffsetDateTime now) {
        Condition where = ORDER_FREEZE.CUSTOMER_ID.eq(customerId).and(activeAt(now));
        if (categories != null) {
            where = where.and(ORDER_FREEZE.CATEGORY.in(categories));
        }
        return dsl.selectFrom(ORDER_FREEZE).where(where).orderBy(ORDER_FREEZE.HELD_UNTIL, ORDER_FREEZE.CATEGORY)
                .fetch(OrderFreezeRepository::toFreeze);
    }

    /** Every freeze holding at {@code now}, ending first first. */
    public List<OrderFreeze> allActive(OffsetDateTime now, int limit) {
        return dsl.selectFrom(ORDER_FREEZE).where(activeAt(now)).orderBy(ORDER_FREEZE.HELD_UNTIL).limit(limit)
                .fetch(OrderFreezeRepository::toFreeze);
    }

    /** Lifts a freeze still holding at {@code now}; false if it was lifted or had ended meanwhile. */
    public boolean lift(Actor actor, ChangeReason reason, UUID id, String liftReason, OffsetDateTime now) {
        int lifted = dsl.update(ORDER_FREEZE).set(ORDER_FREEZE.LIFTED_AT, now)
                .set(ORDER_FREEZE.LIFTED_BY, actor.userId()).set(ORDER_FREEZE.LIFT_REASON, liftReason)
                .where(ORDER_FREEZE.ID.eq(id), activeAt(now)).execute();
        if (lifted == 1) {
            Map<String, FieldChange> changes = new LinkedHashMap<>();
            changes.put("liftedAt", new FieldChange(null, now.toString()));
            changes.put("liftReason", new FieldChange(null, liftReason));
            changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        }
        return lifted == 1;
    }

    private static Condition activeAt(OffsetDateTime now) {
        return ORDER_FREEZE.LIFTED_AT.isNull().and(ORDER_FREEZE.HELD_FROM.le(now)).and(ORDER_FREEZE.HELD_UNTIL.gt(now));
    }

    private static OrderFreeze toFreeze(OrderFreezeRecord r) {
        return new OrderFreeze(r.getId(), r.getCustomerId(), r.getCategory(), r.getOpportunityId(), r.getReason(),
                r.getHeldFrom(), r.getHeldUntil(), r.getLiftedAt(), r.getLiftedBy(), r.getLiftReason());
    }
}
