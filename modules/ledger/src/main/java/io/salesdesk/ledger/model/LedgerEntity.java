package io.salesdesk.ledger.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of record a ledger can be imported into (customers, contacts, orders…), with the fields
 * its columns can map to. Each module registers its own.
 *
 * @param key        the entity's key, e.g. {@code customers}
 * @param labelZh    Chinese label
 * @param labelEn    English label
 * @param fields     the fields, in the order the mapping dialog shows them
 * @param dedupeKeys keys of the fields that identify a record when checking for duplicates, in
 *                   order of preference (e.g. credit code, then name)
 */
public record LedgerEntity(String key, String labelZh, String labelEn, List<LedgerField> fields,
        List<String> dedupeKeys) {

    public LedgerEntity {
        Objects.requireNonNull(key, "key");
        fields = List.copyOf(fields);
        dedupeKeys = List.copyOf(dedupeKeys);
        for (String dedupeKey : dedupeKeys) {
            if (fields.stream().noneMatch(f -> f.key().equals(dedupeKey))) {
                throw new IllegalArgumentException("去重字段 " + dedupeKey + " 不在实体 " + key + " 的字段中");
            }
        }
    }

    /** The field with a key. */
    public Optional<LedgerField> field(String fieldKey) {
        return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }

    /** This entity with more fields after its own (the Studio's custom fields); itself if there are none. */
    public LedgerEntity withFields(List<LedgerField> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<LedgerField> all = new java.util.ArrayList<>(fields);
        all.addAll(more);
        return new LedgerEntity(key, labelZh, labelEn, all, dedupeKeys);
    }
}
