package io.salesdesk.board;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.CONTACT;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;

import io.salesdesk.db.jooq.tables.Activity;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record5;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The facts a board's cards show about their customers, read for all the cards of a board at once:
 * each customer's contacts, and each customer's latest notes. A fixed number of queries per board,
 * whatever its size, so a board of a few hundred key accounts opens as fast as one of ten.
 */
public final class CardFactsRepository {

    /** Ids per IN list: well inside every database's limit on bind values. */
    private static final int CHUNK = 1000;

    private final DSLContext dsl;

    private CardFactsRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static CardFactsRepository using(Configuration configuration) {
        return new CardFactsRepository(configuration);
    }

    /** A contact as the key-contact choice needs it. */
    public record ContactRow(UUID id, UUID customerId, String name, String title, boolean primary) {
    }

    /** The live contacts of these customers, by customer, oldest first (so ties keep the first one entered). */
    public Map<UUID, List<ContactRow>> contacts(Collection<UUID> customerIds) {
        Map<UUID, List<ContactRow>> contacts = new HashMap<>();
        for (List<UUID> chunk : chunks(customerIds)) {
            dsl.select(CONTACT.ID, CONTACT.CUSTOMER_ID, CONTACT.NAME, CONTACT.TITLE, CONTACT.IS_PRIMARY)
                    .from(CONTACT)
                    .where(CONTACT.CUSTOMER_ID.in(chunk), CONTACT.DELETED_AT.isNull())
                    .orderBy(CONTACT.CREATED_AT, CONTACT.ID)
                    .forEach(r -> contacts.computeIfAbsent(r.value2(), id -> new ArrayList<>())
                            .add(new ContactRow(r.value1(), r.value2(), r.value3(), r.value4(),
                                    Boolean.TRUE.equals(r.value5()))));
        }
        return contacts;
    }

    /**
     * The latest {@code count} live notes of each of these customers, newest first, of the given
     * activity kinds (all kinds when empty). Each customer's notes come off the (customer, time)
     * index through a lateral sub-query, so customers with years of history cost no more.
     */
    public Map<UUID, List<CardNote>> latestNotes(Collection<UUID> customerIds, int count, Collection<String> kinds) {
        Map<UUID, List<CardNote>> notes = new HashMap<>();
        Activity a = ACTIVITY.as("a");
        for (List<UUID> chunk : chunks(customerIds)) {
            Condition ofKind = kinds.isEmpty() ? DSL.noCondition() : a.KIND.in(kinds);
            // The board's customers first, so the lateral sub-query runs once per card, not per customer.
            Table<Record1<UUID>> wanted = DSL.select(CUSTOMER.ID.as("wanted_id")).from(CUSTOMER)
                    .where(CUSTOMER.ID.in(chunk)).asTable("wanted");
            Field<UUID> wantedId = wanted.field("wanted_id", UUID.class);
            Table<Record5<UUID, OffsetDateTime, String, String, String>> latest = DSL.lateral(
                    DSL.select(a.ID, a.OCCURRED_AT, a.KIND, a.NOTE, a.OUTCOME).from(a)
                            .where(a.CUSTOMER_ID.eq(wantedId), a.DELETED_AT.isNull(), ofKind)
                            .orderBy(a.OCCURRED_AT.desc(), a.ID.desc())
                            .limit(count)).as("latest");
            Field<OffsetDateTime> at = latest.field(a.OCCURRED_AT);
            Field<String> kind = latest.field(a.KIND);
            Field<String> note = latest.field(a.NOTE);
            Field<String> outcome = latest.field(a.OUTCOME);
            dsl.select(wantedId, at, kind, note, outcome)
                    .from(wanted).crossJoin(latest)
                    .orderBy(wantedId, at.desc(), latest.field(a.ID).desc())
                    .forEach(r -> notes.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                            .add(new CardNote(r.value2(), r.value3(), text(r.value4(), r.value5()))));
        }
        return notes;
    }

    private static String text(String note, String outcome) {
        return note != null && !note.isBlank() ? note.strip() : outcome == null ? "" : outcome.strip();
    }

    private static List<List<UUID>> chunks(Collection<UUID> ids) {
        List<UUID> all = ids.stream().distinct().toList();
        List<List<UUID>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
