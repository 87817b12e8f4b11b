package io.salesdesk.crm.merge;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.CONTACT;
import static io.salesdesk.db.jooq.Tables.CUSTOMER_TAG;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.POOL_EVENT;

import io.salesdesk.crm.CustomerFirstWonRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * crm's own customer references: contacts, deals, follow-ups, leads, pool history and tags. Deals
 * moved, the first-win roll-up of both customers is counted again; follow-ups keep counting in the
 * KPI day roll-up, which is by day, owner and kind, not by customer.
 */
public final class CrmCustomerReferencesRepository implements CustomerReferences {

    private static final CustomerReferenceMoves.Versioned CONTACTS = new CustomerReferenceMoves.Versioned("contact",
            CONTACT, CONTACT.ID, CONTACT.CUSTOMER_ID, CONTACT.VERSION, CONTACT.UPDATED_AT, CONTACT.UPDATED_BY,
            CONTACT.NAME);
    private static final CustomerReferenceMoves.Versioned DEALS = new CustomerReferenceMoves.Versioned("opportunity",
            OPPORTUNITY, OPPORTUNITY.ID, OPPORTUNITY.CUSTOMER_ID, OPPORTUNITY.VERSION, OPPORTUNITY.UPDATED_AT,
            OPPORTUNITY.UPDATED_BY, OPPORTUNITY.NAME);
    private static final CustomerReferenceMoves.Versioned FOLLOW_UPS = new CustomerReferenceMoves.Versioned(
            "activity", ACTIVITY, ACTIVITY.ID, ACTIVITY.CUSTOMER_ID, ACTIVITY.VERSION, ACTIVITY.UPDATED_AT,
            ACTIVITY.UPDATED_BY, ACTIVITY.NOTE);
    private static final CustomerReferenceMoves.Versioned LEADS = new CustomerReferenceMoves.Versioned("lead", LEAD,
            LEAD.ID, LEAD.CUSTOMER_ID, LEAD.VERSION, LEAD.UPDATED_AT, LEAD.UPDATED_BY, LEAD.NAME);
    /** A tag of the merged customer (journal detail: the tag). */
    private static final String TAG = "customer_tag";
    /** A tag the survivor gained from the merged customer (journal detail: the tag). */
    private static final String TAG_ADDED = "customer_tag_added";

    @Override
    public Map<String, Integer> move(CustomerMove m) {
        CustomerReferenceMoves moves = CustomerReferenceMoves.using(m.configuration(), m.clock());
        Map<String, Integer> moved = new LinkedHashMap<>();
        put(moved, "contact", moves.moveVersioned(CONTACTS, m));
        put(moved, "opportunity", moves.moveVersioned(DEALS, m));
        put(moved, "activity", moves.moveVersioned(FOLLOW_UPS, m));
        put(moved, "lead", moves.moveVersioned(LEADS, m));
        put(moved, "pool_event", moves.movePlain("pool_event", POOL_EVENT, POOL_EVENT.ID, POOL_EVENT.CUSTOMER_ID, m));
        put(moved, TAG, moveTags(DSL.using(m.configuration()), m));
        if (moved.containsKey("opportunity")) {
            CustomerFirstWonRepository.using(m.configuration()).recount(List.of(m.from(), m.into()));
        }
        return moved;
    }

    @Override
    public MovedBack moveBack(CustomerMoveBack b) {
        CustomerReferenceMoves moves = CustomerReferenceMoves.using(b.configuration(), b.clock());
        MovedBack done = moves.moveBackVersioned(CONTACTS, b)
                .plus(moves.moveBackVersioned(DEALS, b))
                .plus(moves.moveBackVersioned(FOLLOW_UPS, b))
                .plus(moves.moveBackVersioned(LEADS, b))
                .plus(moves.moveBackPlain("pool_event", POOL_EVENT, POOL_EVENT.ID, POOL_EVENT.CUSTOMER_ID, b))
                .plus(moveTagsBack(DSL.using(b.configuration()), b));
        if (done.movedBack().containsKey("opportunity")) {
            CustomerFirstWonRepository.using(b.configuration()).recount(List.of(b.survivorId(), b.mergedId()));
        }
        return done;
    }

    /** The survivor gets the tags it lacks; the merged customer's tags go (they are the survivor's now). */
    private static int moveTags(DSLContext dsl, CustomerMove m) {
        List<String> tags = dsl.select(CUSTOMER_TAG.TAG).from(CUSTOMER_TAG).where(CUSTOMER_TAG.CUSTOMER_ID.eq(m.from()))
                .orderBy(CUSTOMER_TAG.TAG).fetch(CUSTOMER_TAG.TAG);
        List<String> added = dsl.select(CUSTOMER_TAG.TAG).from(CUSTOMER_TAG)
                .where(CUSTOMER_TAG.CUSTOMER_ID.eq(m.from()), CUSTOMER_TAG.TAG.notIn(
                        DSL.select(CUSTOMER_TAG.TAG).from(CUSTOMER_TAG).where(CUSTOMER_TAG.CUSTOMER_ID.eq(m.into()))))
                .orderBy(CUSTOMER_TAG.TAG).fetch(CUSTOMER_TAG.TAG);
        added.forEach(tag -> dsl.insertInto(CUSTOMER_TAG, CUSTOMER_TAG.CUSTOMER_ID, CUSTOMER_TAG.TAG)
                .values(m.into(), tag).execute());
        dsl.deleteFrom(CUSTOMER_TAG).where(CUSTOMER_TAG.CUSTOMER_ID.eq(m.from())).execute();
        List<CustomerMergeRepository.Move> journal = new ArrayList<>();
        tags.forEach(tag -> journal.add(new CustomerMergeRepository.Move(TAG, null, null, tag)));
        added.forEach(tag -> journal.add(new CustomerMergeRepository.Move(TAG_ADDED, null, null, tag)));
        m.record(journal);
        return added.size();
    }

    /** The merged customer gets its tags back; the survivor loses those it gained by the merge. */
    private static MovedBack moveTagsBack(DSLContext dsl, CustomerMoveBack b) {
        List<String> tags = b.of(TAG).stream().map(CustomerMergeRepository.Move::detail).toList();
        List<String> added = b.of(TAG_ADDED).stream().map(CustomerMergeRepository.Move::detail).toList();
        for (String tag : tags) {
            if (!dsl.fetchExists(CUSTOMER_TAG, CUSTOMER_TAG.CUSTOMER_ID.eq(b.mergedId()), CUSTOMER_TAG.TAG.eq(tag))) {
                dsl.insertInto(CUSTOMER_TAG, CUSTOMER_TAG.CUSTOMER_ID, CUSTOMER_TAG.TAG).values(b.mergedId(), tag)
                        .execute();
            }
        }
        if (!added.isEmpty()) {
            dsl.deleteFrom(CUSTOMER_TAG).where(CUSTOMER_TAG.CUSTOMER_ID.eq(b.survivorId()), CUSTOMER_TAG.TAG.in(added))
                    .execute();
        }
        return new MovedBack(tags.isEmpty() ? Map.of() : Map.of(TAG, tags.size()), List.<MovedBack.Left>of());
    }

    private static void put(Map<String, Integer> moved, String kind, int count) {
        if (count > 0) {
            moved.put(kind, count);
        }
    }
}
