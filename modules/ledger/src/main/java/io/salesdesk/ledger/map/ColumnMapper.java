package io.salesdesk.ledger.map;

import io.salesdesk.ledger.model.FieldType;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.LedgerField;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Maps a ledger's header texts to an entity's fields: first exact matches of the normalised header
 * against a field's labels and synonyms, then headers that contain a synonym ("签约金额合计"),
 * longest synonym first. Each field and each column is used at most once.
 */
public final class ColumnMapper {

    // One-character synonyms (省, 市, 区) only match exactly: as parts they are everywhere (市场部).
    private static final int MIN_CONTAINED_LENGTH = 2;

    private final LedgerEntity entity;

    /** A mapper for one entity's fields. */
    public ColumnMapper(LedgerEntity entity) {
        this.entity = entity;
    }

    /**
     * Maps headers to fields.
     *
     * @param headers the header texts by 0-based column; blank entries are skipped
     * @return the mapping, with unmapped non-blank columns listed
     */
    public ColumnMapping map(List<String> headers) {
        List<HeaderText> texts = headers.stream().map(HeaderText::of).toList();
        String[] fieldOfColumn = new String[headers.size()];
        Set<String> usedFields = new HashSet<>();
        for (int column = 0; column < texts.size(); column++) {
            for (LedgerField field : entity.fields()) {
                if (!usedFields.contains(field.key()) && !texts.get(column).isEmpty()
                        && matchLength(field, texts.get(column).normalised(), true) > 0) {
                    fieldOfColumn[column] = field.key();
                    usedFields.add(field.key());
                    break;
                }
            }
        }
        mapContained(texts, fieldOfColumn, usedFields);
        List<MappedColumn> mapped = new ArrayList<>();
        List<UnmappedColumn> unmapped = new ArrayList<>();
        for (int column = 0; column < headers.size(); column++) {
            String header = headers.get(column) == null ? "" : headers.get(column);
            if (fieldOfColumn[column] != null) {
                mapped.add(new MappedColumn(column, header, fieldOfColumn[column],
                        scaleFor(fieldOfColumn[column], texts.get(column).scale())));
            } else if (!texts.get(column).isEmpty()) {
                unmapped.add(new UnmappedColumn(column, header));
            }
        }
        return new ColumnMapping(entity.key(), headerSignature(headers), mapped, unmapped);
    }

    /**
     * Tells whether a header names one of the entity's fields, exactly or by containing a synonym;
     * used by the header detector to recognise header rows.
     */
    public boolean isKnownHeader(String header) {
        String normalised = HeaderText.of(header).normalised();
        return !normalised.isEmpty()
                && entity.fields().stream().anyMatch(f -> matchLength(f, normalised, false) > 0);
    }

    /**
     * A stable fingerprint of a header row, so a saved mapping can be offered again for a ledger
     * with the same columns. Spacing, brackets, case and full-width forms do not change it.
     *
     * @param headers header texts by column
     * @return 16 hex digits
     */
    public static String headerSignature(List<String> headers) {
        StringBuilder joined = new StringBuilder();
        for (String header : headers) {
            joined.append(HeaderText.of(header).normalised()).append('\u001F');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(joined.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void mapContained(List<HeaderText> texts, String[] fieldOfColumn, Set<String> usedFields) {
        record Candidate(int column, LedgerField field, int length) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int column = 0; column < texts.size(); column++) {
            if (fieldOfColumn[column] != null || texts.get(column).isEmpty()) {
                continue;
            }
            for (LedgerField field : entity.fields()) {
                int length = matchLength(field, texts.get(column).normalised(), false);
                if (length > 0 && !usedFields.contains(field.key())) {
                    candidates.add(new Candidate(column, field, length));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::length).reversed().thenComparingInt(Candidate::column));
        for (Candidate candidate : candidates) {
            if (fieldOfColumn[candidate.column()] == null && usedFields.add(candidate.field().key())) {
                fieldOfColumn[candidate.column()] = candidate.field().key();
            }
        }
    }

    /** Length of the longest name of the field the header equals (or, unless exact, contains); 0 if none. */
    private static int matchLength(LedgerField field, String header, boolean exactOnly) {
        int best = 0;
        for (String name : field.names()) {
            String synonym = HeaderText.of(name).normalised();
            if (synonym.isEmpty()) {
                continue;
            }
            if (header.equals(synonym)) {
                return Integer.MAX_VALUE;
            }
            if (!exactOnly && synonym.length() >= MIN_CONTAINED_LENGTH && header.contains(synonym)) {
                best = Math.max(best, synonym.length());
            }
        }
        return best;
    }

    private BigDecimal scaleFor(String fieldKey, BigDecimal headerScale) {
        FieldType type = entity.field(fieldKey).map(LedgerField::type).orElse(FieldType.TEXT);
        return type == FieldType.MONEY || type == FieldType.DECIMAL ? headerScale : BigDecimal.ONE;
    }
}
