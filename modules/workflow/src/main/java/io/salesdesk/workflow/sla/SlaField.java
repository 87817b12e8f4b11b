package io.salesdesk.workflow.sla;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.LEAD;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The fields an SLA rule may count from, per subject. A rule naming anything else (a field that
 * was removed) cannot run: the scheduler disables it with the reason rather than fail.
 */
final class SlaField {

    private static final Map<SlaRule.Subject, Map<String, Field<OffsetDateTime>>> FIELDS = Map.of(
            SlaRule.Subject.CUSTOMER, Map.of(
                    // A customer never followed up counts from its claim, else its creation.
                    "lastFollowUpAt", DSL.coalesce(CUSTOMER.LAST_FOLLOW_UP_AT, CUSTOMER.CLAIMED_AT, CUSTOMER.CREATED_AT),
                    "lastFollowUpAt.indexed", CUSTOMER.LAST_FOLLOW_UP_AT,
                    "claimedAt", DSL.coalesce(CUSTOMER.CLAIMED_AT, CUSTOMER.CREATED_AT),
                    "createdAt", CUSTOMER.CREATED_AT),
            SlaRule.Subject.LEAD, Map.of(
                    "assignedAt", LEAD.ASSIGNED_AT,
                    "createdAt", LEAD.CREATED_AT));

    private SlaField() {
    }

    static Optional<Field<OffsetDateTime>> of(SlaRule.Subject subject, String name) {
        return name.endsWith(INDEXED) ? Optional.empty() : Optional.ofNullable(FIELDS.get(subject).get(name));
    }

    /**
     * The plain column behind a field that falls back to others when null, so the lapse query can
     * read the column's index for the rows that have a value; empty when the field is a column.
     */
    static Optional<Field<OffsetDateTime>> indexed(SlaRule.Subject subject, String name) {
        return Optional.ofNullable(FIELDS.get(subject).get(name + INDEXED));
    }

    private static final String INDEXED = ".indexed";
}
