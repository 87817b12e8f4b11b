package io.salesdesk.workflow.approval;

import static io.salesdesk.db.jooq.Tables.APPROVAL_DELEGATION;
import static io.salesdesk.db.jooq.Tables.APP_USER;

import io.salesdesk.db.Rows;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/** 外出委托: who signs for whom, on which days. Cancelled delegations stay as rows with deleted_at set. */
public final class ApprovalDelegationRepository {

    private static final io.salesdesk.db.jooq.tables.AppUser OWNER = APP_USER.as("owner");
    private static final io.salesdesk.db.jooq.tables.AppUser DELEGATE = APP_USER.as("delegate");

    private final DSLContext dsl;
    private final Clock clock;

    private ApprovalDelegationRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    public static ApprovalDelegationRepository using(Configuration configuration, Clock clock) {
        return new ApprovalDelegationRepository(configuration, clock);
    }

    public void insert(UUID id, UUID user, UUID delegate, LocalDate from, LocalDate to, String note) {
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(APPROVAL_DELEGATION).set(APPROVAL_DELEGATION.ID, id).set(APPROVAL_DELEGATION.USER_ID, user)
                .set(APPROVAL_DELEGATION.DELEGATE_ID, delegate).set(APPROVAL_DELEGATION.STARTS_ON, from)
                .set(APPROVAL_DELEGATION.ENDS_ON, to).set(APPROVAL_DELEGATION.NOTE, note)
                .set(APPROVAL_DELEGATION.VERSION, 1L)
                .set(APPROVAL_DELEGATION.CREATED_AT, now).set(APPROVAL_DELEGATION.CREATED_BY, user)
                .set(APPROVAL_DELEGATION.UPDATED_AT, now).set(APPROVAL_DELEGATION.UPDATED_BY, user).execute();
    }

    public Optional<ApprovalDelegation> byId(UUID id) {
        return select().where(APPROVAL_DELEGATION.ID.eq(id), APPROVAL_DELEGATION.DELETED_AT.isNull())
                .fetchOptional(ApprovalDelegationRepository::toDelegation);
    }

    /** The user's live delegations sharing a day with {@code from}–{@code to}. */
    public List<ApprovalDelegation> overlapping(UUID user, LocalDate from, LocalDate to) {
        return select().where(live(user), APPROVAL_DELEGATION.STARTS_ON.le(to), APPROVAL_DELEGATION.ENDS_ON.ge(from))
                .orderBy(APPROVAL_DELEGATION.STARTS_ON).fetch(ApprovalDelegationRepository::toDelegation);
    }

    /** The user's delegation in force on the day, if any. */
    public Optional<ApprovalDelegation> inForce(UUID user, LocalDate day) {
        return overlapping(user, day, day).stream().findFirst();
    }

    /** The user's delegations not over by the day (in force or to come), earliest first. */
    public List<ApprovalDelegation> currentAndFuture(UUID user, LocalDate day) {
        return select().where(live(user), APPROVAL_DELEGATION.ENDS_ON.ge(day))
                .orderBy(APPROVAL_DELEGATION.STARTS_ON).fetch(ApprovalDelegationRepository::toDelegation);
    }

    /** Cancels a delegation as read; false if it changed or was cancelled since. */
    public boolean cancel(ApprovalDelegation delegation, UUID actor) {
        OffsetDateTime now = Rows.now(clock);
        return dsl.update(APPROVAL_DELEGATION).set(APPROVAL_DELEGATION.DELETED_AT, now)
                .set(APPROVAL_DELEGATION.UPDATED_AT, now).set(APPROVAL_DELEGATION.UPDATED_BY, actor)
                .set(APPROVAL_DELEGATION.VERSION, delegation.version() + 1)
                .where(APPROVAL_DELEGATION.ID.eq(delegation.id()), APPROVAL_DELEGATION.VERSION.eq(delegation.version()),
                        APPROVAL_DELEGATION.DELETED_AT.isNull())
                .execute() == 1;
    }

    private static Condition live(UUID user) {
        return APPROVAL_DELEGATION.USER_ID.eq(user).and(APPROVAL_DELEGATION.DELETED_AT.isNull());
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(APPROVAL_DELEGATION.fields()).select(OWNER.DISPLAY_NAME, DELEGATE.DISPLAY_NAME)
                .from(APPROVAL_DELEGATION)
                .join(OWNER).on(OWNER.ID.eq(APPROVAL_DELEGATION.USER_ID))
                .join(DELEGATE).on(DELEGATE.ID.eq(APPROVAL_DELEGATION.DELEGATE_ID));
    }

    private static ApprovalDelegation toDelegation(Record r) {
        return new ApprovalDelegation(r.get(APPROVAL_DELEGATION.ID), r.get(APPROVAL_DELEGATION.USER_ID),
                r.get(OWNER.DISPLAY_NAME), r.get(APPROVAL_DELEGATION.DELEGATE_ID), r.get(DELEGATE.DISPLAY_NAME),
                r.get(APPROVAL_DELEGATION.STARTS_ON), r.get(APPROVAL_DELEGATION.ENDS_ON), r.get(APPROVAL_DELEGATION.NOTE),
                r.get(APPROVAL_DELEGATION.VERSION));
    }
}
