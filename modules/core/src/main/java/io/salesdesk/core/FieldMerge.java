package io.salesdesk.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A three-way merge of one record's fields, for a save that found the record changed by someone
 * else: what the user started from (base), what the user has now (mine) and what is saved now
 * (theirs), each as field name → value as text. A field only one side changed takes that side; a
 * field both sides changed to different values is a conflict the user must choose. Nothing is
 * taken silently from a conflict.
 */
public final class FieldMerge {

    /** Whose value a field takes. */
    public enum Side {
        MINE, THEIRS
    }

    /** How a field differs between the three versions. */
    public enum Kind {
        /** Nobody changed it. */
        UNCHANGED,
        /** Only the user changed it. */
        MINE_ONLY,
        /** Only the other person changed it. */
        THEIRS_ONLY,
        /** Both changed it to the same value. */
        BOTH_SAME,
        /** Both changed it, to different values: the user must choose. */
        CONFLICT
    }

    /**
     * One field in the three versions; an empty text counts as no value.
     *
     * @param name   the field's name (as the change log names it, e.g. {@code phone}, {@code custom.KEY})
     * @param base   the value the user started from
     * @param mine   the user's value
     * @param theirs the value saved now
     */
    public record Field(String name, String base, String mine, String theirs) {

        public Field {
            Objects.requireNonNull(name, "name");
            base = blankToNull(base);
            mine = blankToNull(mine);
            theirs = blankToNull(theirs);
        }

        /** How the field differs. */
        public Kind kind() {
            boolean mineChanged = !Objects.equals(base, mine);
            boolean theirsChanged = !Objects.equals(base, theirs);
            if (mineChanged && theirsChanged) {
                return Objects.equals(mine, theirs) ? Kind.BOTH_SAME : Kind.CONFLICT;
            }
            return mineChanged ? Kind.MINE_ONLY : theirsChanged ? Kind.THEIRS_ONLY : Kind.UNCHANGED;
        }

        /** The side taken unless the user says otherwise; empty for a conflict. */
        public Optional<Side> proposed() {
            return switch (kind()) {
                case MINE_ONLY -> Optional.of(Side.MINE);
                case CONFLICT -> Optional.empty();
                default -> Optional.of(Side.THEIRS);
            };
        }

        /** Whether the two versions differ here, so the user has something to look at. */
        public boolean differs() {
            return !Objects.equals(mine, theirs);
        }

        /** The value on one side. */
        public String value(Side side) {
            return side == Side.MINE ? mine : theirs;
        }
    }

    private final List<Field> fields;
    private final Map<String, Side> chosen = new LinkedHashMap<>();

    private FieldMerge(List<Field> fields) {
        this.fields = List.copyOf(fields);
        for (Field f : this.fields) {
            f.proposed().ifPresent(side -> chosen.put(f.name(), side));
        }
    }

    /**
     * The merge of three versions of a record; a field missing from a version has no value there.
     * Fields are in the order of {@code mine}, then any only the others have.
     */
    public static FieldMerge of(Map<String, String> base, Map<String, String> mine, Map<String, String> theirs) {
        Set<String> names = new LinkedHashSet<>(mine.keySet());
        names.addAll(theirs.keySet());
        names.addAll(base.keySet());
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(new Field(name, base.get(name), mine.get(name), theirs.get(name)));
        }
        return new FieldMerge(fields);
    }

    /** Every field, in order. */
    public List<Field> fields() {
        return fields;
    }

    /** The field of that name. */
    public Field field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + name));
    }

    /** Takes one side's value for a field. */
    public void choose(String name, Side side) {
        chosen.put(field(name).name(), Objects.requireNonNull(side, "side"));
    }

    /** The side a field takes now; empty for a conflict not yet chosen. */
    public Optional<Side> choice(String name) {
        return Optional.ofNullable(chosen.get(name));
    }

    /** The conflicting fields not chosen yet, in order; the merge can be saved when this is empty. */
    public List<String> unresolved() {
        return fields.stream().filter(f -> !chosen.containsKey(f.name())).map(Field::name).toList();
    }

    /** How many fields there are of each kind, e.g. for a heading. */
    public Map<Kind, Integer> counts() {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        fields.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    /**
     * The merged record: each field's chosen value (null for none).
     *
     * @throws IllegalStateException if a conflicting field has not been chosen
     */
    public Map<String, String> result() {
        List<String> open = unresolved();
        if (!open.isEmpty()) {
            throw new IllegalStateException("choose a value for " + open);
        }
        Map<String, String> merged = new LinkedHashMap<>();
        fields.forEach(f -> merged.put(f.name(), f.value(chosen.get(f.name()))));
        return merged;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
