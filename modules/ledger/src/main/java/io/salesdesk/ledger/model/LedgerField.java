package io.salesdesk.ledger.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One field a ledger column can be mapped to.
 *
 * @param key        the field's key in the domain (e.g. {@code creditCode})
 * @param labelZh    the Chinese label shown in the mapping dialog
 * @param labelEn    the English label
 * @param type       how cells are converted
 * @param required   whether a row without it is refused
 * @param synonyms   header texts that mean this field, in any language (the labels count too)
 * @param enumValues for {@link FieldType#ENUM}: the allowed values, each optionally written
 *                   {@code value=label} (e.g. {@code A=重点客户}); empty otherwise
 */
public record LedgerField(String key, String labelZh, String labelEn, FieldType type, boolean required,
        List<String> synonyms, List<String> enumValues) {

    public LedgerField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        synonyms = List.copyOf(synonyms);
        enumValues = List.copyOf(enumValues);
    }

    /** A field without enum values. */
    public static LedgerField of(String key, String labelZh, String labelEn, FieldType type, boolean required,
            String... synonyms) {
        return new LedgerField(key, labelZh, labelEn, type, required, List.of(synonyms), List.of());
    }

    /** The same field with a list of allowed values. */
    public LedgerField withEnumValues(String... values) {
        return new LedgerField(key, labelZh, labelEn, type, required, synonyms, List.of(values));
    }

    /** The labels and synonyms together: every header text that names this field. */
    public List<String> names() {
        return Stream.concat(Stream.of(labelZh, labelEn), synonyms.stream())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
