package io.salesdesk.board.merge;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.ESCALATION;

import io.salesdesk.board.escalation.EscalationStatus;
import io.salesdesk.crm.merge.CustomerMove;
import io.salesdesk.crm.merge.CustomerMoveBack;
import io.salesdesk.crm.merge.CustomerReferenceMoves;
import io.salesdesk.crm.merge.CustomerReferences;
import io.salesdesk.crm.merge.MovedBack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.impl.DSL;

/**
 * Escalations about a merged customer: an open or acknowledged one is work still to do, so it moves
 * to the survivor (its board card then shows the survivor) unless the survivor already has an active
 * escalation of the same kind (one per kind and subject is the rule); a resolved one is history and
 * keeps naming the merged customer, whose mark leads to the survivor.
 */
public final class EscalationCustomerReferencesRepository implements CustomerReferences {

    private static final String KIND = "escalation";
    private static final CustomerReferenceMoves.Versioned ESCALATIONS = new CustomerReferenceMoves.Versioned(KIND,
            ESCALATION, ESCALATION.ID, ESCALATION.SUBJECT_ID, ESCALATION.VERSION, ESCALATION.UPDATED_AT,
            ESCALATION.UPDATED_BY, ESCALATION.REASON, "subjectId");
    private static final List<String> ACTIVE = List.of(EscalationStatus.OPEN.name(),
            EscalationStatus.ACKNOWLEDGED.name());

    @Override
    public Map<String, Integer> move(CustomerMove m) {
        var other = ESCALATION.as("other");
        Condition only = ESCALATION.SUBJECT_ENTITY.eq("customer")
                .and(ESCALATION.STATUS.in(ACTIVE))
                .and(ESCALATION.DELETED_AT.isNull())
                .andNotExists(DSL.selectOne().from(other).where(other.SUBJECT_ENTITY.eq("customer"),
                        other.SUBJECT_ID.eq(m.into()), other.KIND.eq(ESCALATION.KIND), other.STATUS.in(ACTIVE),
                        other.DELETED_AT.isNull()));
        int moved = CustomerReferenceMoves.using(m.configuration(), m.clock()).moveVersioned(ESCALATIONS, only, m);
        if (moved > 0) {
            relabel(m.configuration(), m.into());
        }
        return moved == 0 ? Map.of() : Map.of(KIND, moved);
    }

    @Override
    public MovedBack moveBack(CustomerMoveBack b) {
        MovedBack back = CustomerReferenceMoves.using(b.configuration(), b.clock()).moveBackVersioned(ESCALATIONS, b);
        if (back.movedBack().containsKey(KIND)) {
            relabel(b.configuration(), b.mergedId());
        }
        return back;
    }

    /** The card shows the subject's label: active escalations about a customer show its name as it is now. */
    private static void relabel(Configuration configuration, UUID customerId) {
        DSL.using(configuration).update(ESCALATION)
                .set(ESCALATION.SUBJECT_LABEL, DSL.select(CUSTOMER.NAME).from(CUSTOMER).where(CUSTOMER.ID.eq(customerId)))
                .where(ESCALATION.SUBJECT_ENTITY.eq("customer"), ESCALATION.SUBJECT_ID.eq(customerId),
                        ESCALATION.STATUS.in(ACTIVE), ESCALATION.DELETED_AT.isNull())
                .execute();
    }
}
