package io.salesdesk.ledger.imports;

import io.salesdesk.ledger.convert.DateOrder;
import io.salesdesk.ledger.read.ReadLimits;
import java.util.Map;
import java.util.Objects;

/**
 * What the user asked for: which entity, which sheet, how to map and what to do with duplicates.
 *
 * @param entityKey       the entity to import into, e.g. {@code customers}
 * @param sheetName       the sheet, or {@code null} for the first visible one
 * @param mappingOverride header text → field key chosen by the user ({@code --mapping FILE.json});
 *                        an empty field key leaves the column out; {@code null} for none
 * @param onDuplicate     the default decision for duplicates
 * @param skipInvalid     commit the valid rows when some are invalid, instead of nothing
 * @param dateOrder       how to read year-last dates such as 11/3/2025
 * @param limits          row and column limits of the reader
 */
public record ImportRequest(String entityKey, String sheetName, Map<String, String> mappingOverride,
        DuplicateDecision onDuplicate, boolean skipInvalid, DateOrder dateOrder, ReadLimits limits) {

    public ImportRequest {
        Objects.requireNonNull(entityKey, "entityKey");
        Objects.requireNonNull(onDuplicate, "onDuplicate");
        Objects.requireNonNull(dateOrder, "dateOrder");
        Objects.requireNonNull(limits, "limits");
        mappingOverride = mappingOverride == null ? null : Map.copyOf(mappingOverride);
    }

    /** The usual request: first visible sheet, automatic mapping, skip duplicates, all or nothing. */
    public static ImportRequest of(String entityKey) {
        return new ImportRequest(entityKey, null, null, DuplicateDecision.SKIP, false, DateOrder.YEAR_FIRST,
                ReadLimits.DEFAULT);
    }

    public ImportRequest withSheet(String newSheet) {
        return new ImportRequest(entityKey, newSheet, mappingOverride, onDuplicate, skipInvalid, dateOrder, limits);
    }

    public ImportRequest withMapping(Map<String, String> newMapping) {
        return new ImportRequest(entityKey, sheetName, newMapping, onDuplicate, skipInvalid, dateOrder, limits);
    }

    public ImportRequest withOnDuplicate(DuplicateDecision newDecision) {
        return new ImportRequest(entityKey, sheetName, mappingOverride, newDecision, skipInvalid, dateOrder, limits);
    }

    public ImportRequest withSkipInvalid(boolean newSkipInvalid) {
        return new ImportRequest(entityKey, sheetName, mappingOverride, onDuplicate, newSkipInvalid, dateOrder, limits);
    }

    public ImportRequest withDateOrder(DateOrder newDateOrder) {
        return new ImportRequest(entityKey, sheetName, mappingOverride, onDuplicate, skipInvalid, newDateOrder, limits);
    }

    public ImportRequest withLimits(ReadLimits newLimits) {
        return new ImportRequest(entityKey, sheetName, mappingOverride, onDuplicate, skipInvalid, dateOrder, newLimits);
    }
}
