package io.salesdesk.ledger.crm;

import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.ledger.imports.MatchKind;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What one ledger row will write: the values it gives, the customer to create from them and, when
 * it duplicates an existing customer, that customer with the row's values written over it.
 */
final class CustomerPlan {

    /** Only the values the row gives; other fields {@code null}. Tier defaults to B for creates. */
    CustomerDraft given;
    /** The row's id and version columns (an exported ledger), or {@code null}. */
    UUID exportedId;
    Long exportedVersion;
    /** Fields whose column is in the ledger but blank in this row: an exported ledger clears them. */
    java.util.Set<String> blankColumns = java.util.Set.of();
    /** The existing customer with the row's values over it, when the row matches one. */
    CustomerDraft updateDraft;
    UUID targetId;
    long expectedVersion;
    /** What will be written at commit: the create draft, the update draft, or either with later duplicates merged in. */
    CustomerDraft writeDraft;
    UUID newId;
    String contactName;
    String contactMobile;
    OffsetDateTime lastFollowUpAt;
    /** Explicit map position from 经度/纬度 columns, both or neither. */
    java.math.BigDecimal longitude;
    java.math.BigDecimal latitude;
    /** Tags from a 标签 column; null when the ledger has none for this row (existing tags stay). */
    java.util.Set<String> tags;

    /**
     * The values a duplicate writes over the record it matches: a name that only matched after
     * normalising ("苏州 康华医院") does not replace the name as it is already written.
     */
    static CustomerDraft givenFor(CustomerDraft given, MatchKind kind) {
        return kind != MatchKind.NAME ? given : new CustomerDraft(null, given.creditCode(), given.tier(),
                given.industry(), given.regionCode(), given.address(), given.phone(), given.ownerId());
    }

    /**
     * The draft with the fields cleared whose cells were emptied in an exported ledger; name and
     * tier are required and stay. The region clears only when all its columns are blank.
     */
    static CustomerDraft cleared(CustomerDraft d, java.util.Set<String> blank) {
        boolean regionBlank = blank.containsAll(java.util.List.of("province", "city", "district"));
        return new CustomerDraft(d.name(), blank.contains("creditCode") ? null : d.creditCode(), d.tier(),
                blank.contains("industry") ? null : d.industry(), regionBlank ? null : d.regionCode(),
                blank.contains("address") ? null : d.address(), blank.contains("phone") ? null : d.phone(),
                blank.contains("owner") ? null : d.ownerId());
    }

    /** The draft with every non-null value of {@code over} written over {@code base}. */
    static CustomerDraft overlay(CustomerDraft base, CustomerDraft over) {
        return new CustomerDraft(
                over.name() != null ? over.name() : base.name(),
                over.creditCode() != null ? over.creditCode() : base.creditCode(),
                over.tier() != null ? over.tier() : base.tier(),
                over.industry() != null ? over.industry() : base.industry(),
                over.regionCode() != null ? over.regionCode() : base.regionCode(),
                over.address() != null ? over.address() : base.address(),
                over.phone() != null ? over.phone() : base.phone(),
                over.ownerId() != null ? over.ownerId() : base.ownerId());
    }
}
