package io.salesdesk.studio.field;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.Configuration;

/**
 * Custom fields (自定义字段): a manager or an administrator adds fields to an entity, orders, changes and
 * retires them; everyone who may edit a record sets its values, checked against the field's type,
 * choices and whether it is required.
 */
public final class CustomFieldService {

    static final int LABEL_MAX = 60;
    static final int HELP_MAX = 200;
    static final int CHOICE_MAX = 100;
    // Ids per query when reading the values of many records (an import's matches).
    private static final int ID_PAGE = 1000;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{1,63}");

    private final Database db;
    private final Clock clock;

    public CustomFieldService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether the actor may add, change, order and retire fields. */
    public static boolean mayConfigure(Actor actor) {
        return actor.role() == Role.MANAGER || actor.role().seesEverything();
    }

    /**
     * Whether fields are defined in this database: not on a branch replica, which receives the head
     * office's fields when it syncs (docs/decisions.md, decision 6).
     */
    public boolean definedHere() {
        return !db.transactionResult(cfg -> fields(cfg).onReplica());
    }

    /** The fields in use on an entity, in order. */
    public List<CustomField> fields(CustomEntity entity) {
        return db.transactionResult(cfg -> fields(cfg).fields(entity, false));
    }

    /** {@link #fields(CustomEntity)} in the caller's transaction. */
    public List<CustomField> fields(Configuration cfg, CustomEntity entity) {
        return fields(cfg).fields(entity, false);
    }

    /** All of an entity's fields, retired ones too (for Settings). */
    public List<CustomField> allFields(CustomEntity entity) {
        return db.transactionResult(cfg -> fields(cfg).fields(entity, true));
    }

    /**
     * Adds a field at the end of the entity's fields.
     *
     * @throws ValidationException naming each refused part of the draft
     */
    public CustomField define(Actor actor, CustomEntity entity, CustomFieldDraft draft) {
        requireConfigure(actor);
        return db.transactionResult(cfg -> {
            CustomFieldRepository fields = fields(cfg);
            List<FieldProblem> problems = check(draft);
            String key = Rows.blankToNull(draft.key());
            if (key == null) {
                key = freeKey(fields, entity, draft.type());
            } else if (!KEY.matcher(key).matches()) {
                problems.add(FieldProblem.of("key", "studio.field.key"));
            } else if (fields.keyTaken(entity, key)) {
                problems.add(FieldProblem.of("key", "studio.field.keyTaken", key));
            }
            refuseIfAny(problems);
            return fields.insert(actor, ChangeReason.user(), entity, key, stripped(draft), fields.nextOrder(entity));
        });
    }

    /** Changes a field read at {@code version}; its key and type stay what they were. */
    public CustomField update(Actor actor, UUID id, long version, CustomFieldDraft draft) {
        requireConfigure(actor);
        return db.transactionResult(cfg -> {
            CustomFieldRepository fields = fields(cfg);
            CustomField current = fields.find(id).orElseThrow(() -> new SalesDeskException("studio.field.notFound"));
            List<FieldProblem> problems = check(draft);
            if (draft.type() != current.type()) {
                problems.add(FieldProblem.of("type", "studio.field.typeFixed"));
            }
            refuseIfAny(problems);
            return fields.update(actor, ChangeReason.user(), id, version, stripped(draft));
        });
    }

    /** Hides a field everywhere; its values are kept and come back with {@link #restore}. */
    public CustomField retire(Actor actor, UUID id, long version) {
        requireConfigure(actor);
        return db.transactionResult(cfg -> fields(cfg).retire(actor, ChangeReason.user(), id, version, true));
    }

    public CustomField restore(Actor actor, UUID id, long version) {
        requireConfigure(actor);
        return db.transactionResult(cfg -> fields(cfg).retire(actor, ChangeReason.user(), id, version, false));
    }

    /** Puts an entity's fields in this order (fields left out keep their place after these). */
    public List<CustomField> reorder(Actor actor, CustomEntity entity, List<UUID> order) {
        requireConfigure(actor);
        return db.transactionResult(cfg -> {
            CustomFieldRepository fields = fields(cfg);
            List<CustomField> all = fields.fields(entity, true);
            List<CustomField> sorted = new ArrayList<>();
            for (UUID id : order) {
                all.stream().filter(f -> f.id().equals(id)).findFirst().ifPresent(sorted::add);
            }
            all.stream().filter(f -> !sorted.contains(f)).forEach(sorted::add);
            for (int i = 0; i < sorted.size(); i++) {
                CustomField f = sorted.get(i);
                if (f.order() != i + 1) {
                    fields.move(actor, ChangeReason.user(), f.id(), f.version(), i + 1);
                }
            }
            return fields.fields(entity, true);
        });
    }

    /** A record's values of the fields in use, as canonical text by key. */
    public Map<String, String> values(CustomEntity entity, UUID recordId) {
        return db.transactionResult(cfg -> values(cfg).values(recordId, fields(cfg).fields(entity, false)));
    }

    /**
     * Several records' values of the fields in use, by record and key: what a page of a list shows in
     * its custom-field columns. At most a page of ids (a few hundred) at a time.
     */
    public Map<UUID, Map<String, String>> values(CustomEntity entity, java.util.Collection<UUID> recordIds) {
        if (recordIds.isEmpty()) {
            return Map.of();
        }
        return db.transactionResult(cfg -> values(cfg).values(recordIds, fields(cfg).fields(entity, false)));
    }

    /** The values a new record starts with: each field's default. */
    public Map<String, String> defaults(CustomEntity entity) {
        Map<String, String> defaults = new LinkedHashMap<>();
        fields(entity).stream().filter(f -> f.defaultValue() != null).forEach(f -> defaults.put(f.key(), f.defaultValue()));
        return defaults;
    }

    /**
     * Sets values on a record (a blank or null text clears one) in one transaction, and records the
     * change on the record's history. Afterwards every required field in use must have a value.
     *
     * @throws ValidationException with a problem per refused value, on field {@code custom.KEY}; nothing
     *                             is written then
     */
    public void setValues(Actor actor, CustomEntity entity, UUID recordId, Map<String, String> values) {
        db.transaction(cfg -> setValues(cfg, actor, entity, recordId, values));
    }

    /** {@link #setValues(Actor, CustomEntity, UUID, Map)} in the caller's transaction (beside the record's own save). */
    public void setValues(Configuration cfg, Actor actor, CustomEntity entity, UUID recordId, Map<String, String> values) {
        setValues(cfg, actor, ChangeReason.user(), entity, recordId, values, true);
    }

    /**
     * Saves what the user changed in a form that showed {@code base}: only the fields whose value
     * differs from {@code base} are written, so a colleague's change to another field meanwhile is
     * kept; a field the colleague changed too, to something else, is refused instead of overwritten.
     * The required-field check is {@link #setValues}'s.
     *
     * @throws StaleRecordException (the record's values now as {@code current()}) if someone else
     *                              changed a field the user changed too; nothing is written then
     */
    public void setValuesSince(Actor actor, CustomEntity entity, UUID recordId, Map<String, String> base,
                               Map<String, String> values) {
        db.transaction(cfg -> {
            List<CustomField> live = fields(cfg).fields(entity, false);
            Map<String, String> now = values(cfg).values(recordId, live);
            Map<String, String> mine = changedSince(live, base, values);
            if (!conflicts(live, base, now, mine).isEmpty()) {
                throw new StaleRecordException(entity.auditName(), recordId, -1, now);
            }
            setValues(cfg, actor, ChangeReason.user(), entity, recordId, mine, true);
        });
    }

    /**
     * The fields a user changed from {@code base} that someone else has also changed since, to
     * something else: what saving {@code values} over {@code base} would overwrite.
     */
    public Set<String> conflicts(CustomEntity entity, UUID recordId, Map<String, String> base,
                                 Map<String, String> values) {
        return db.transactionResult(cfg -> {
            List<CustomField> live = fields(cfg).fields(entity, false);
            return conflicts(live, base, values(cfg).values(recordId, live), changedSince(live, base, values));
        });
    }

    private static Set<String> conflicts(List<CustomField> live, Map<String, String> base, Map<String, String> now,
                                         Map<String, String> mine) {
        Set<String> conflicts = new java.util.LinkedHashSet<>();
        mine.forEach((key, value) -> {
            String theirs = comparable(live, key, now.get(key));
            if (!java.util.Objects.equals(theirs, comparable(live, key, base.get(key)))
                    && !java.util.Objects.equals(theirs, comparable(live, key, value))) {
                conflicts.add(key);
            }
        });
        return conflicts;
    }

    private static Map<String, String> changedSince(List<CustomField> live, Map<String, String> base,
                                                    Map<String, String> values) {
        Map<String, String> changed = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!java.util.Objects.equals(comparable(live, key, value), comparable(live, key, base.get(key)))) {
                changed.put(key, value);
            }
        });
        return changed;
    }

    /** A value as the field stores it, so "1000" and "1000.00" compare equal; as typed if refused. */
    private static String comparable(List<CustomField> live, String key, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        CustomField field = live.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
        if (field == null) {
            return text;
        }
        return canonical(field, text, new ArrayList<>()).orElse(text);
    }

    /**
     * Sets values a ledger import or its undo brings, in the caller's transaction, recorded on the
     * record's history with that reason (the import batch). Each value is checked as {@link #setValues}
     * does; whether required fields are filled is the import's own check, since a ledger need not
     * have a column for every field.
     *
     * @throws ValidationException with a problem per refused value; nothing is written then
     */
    public void setImportedValues(Configuration cfg, Actor actor, ChangeReason reason, CustomEntity entity,
            UUID recordId, Map<String, String> values) {
        setValues(cfg, actor, reason, entity, recordId, values, false);
    }

    private void setValues(Configuration cfg, Actor actor, ChangeReason reason, CustomEntity entity, UUID recordId,
            Map<String, String> values, boolean requireAll) {
        List<CustomField> live = fields(cfg).fields(entity, false);
        CustomValueRepository repository = values(cfg);
        Map<String, String> before = repository.values(recordId, live);
        Checked checked = checked(live, before, values, requireAll);
        refuseIfAny(checked.problems());
        if (!checked.changed().isEmpty()) {
            repository.write(actor, reason, entity, recordId, checked.changed(), before);
        }
    }

    /**
     * How the records the viewer sees spread over a field's values, for a dashboard chart; empty when
     * the field was retired or never existed (a layout may outlive its field).
     */
    public java.util.Optional<FieldBreakdown> breakdown(Actor viewer, CustomEntity entity, String key) {
        return db.transactionResult(cfg -> fields(cfg).fields(entity, false).stream()
                .filter(f -> f.key().equals(key)).findFirst()
                .map(f -> FieldBreakdownRepository.using(cfg).breakdown(f, viewer)));
    }

    /** {@link #values(CustomEntity, java.util.Collection)} in the caller's transaction, any number of ids. */
    public Map<UUID, Map<String, String>> values(Configuration cfg, CustomEntity entity,
            java.util.Collection<UUID> recordIds) {
        List<CustomField> live = fields(cfg).fields(entity, false);
        Map<UUID, Map<String, String>> values = new java.util.HashMap<>();
        List<UUID> ids = List.copyOf(recordIds);
        for (int from = 0; from < ids.size(); from += ID_PAGE) {
            values.putAll(values(cfg).values(ids.subList(from, Math.min(ids.size(), from + ID_PAGE)), live));
        }
        return values;
    }

    /**
     * The canonical text a typed-in value becomes in a field, as the record would store it; empty,
     * with the reason added to {@code problems} (on field {@code custom.KEY}), if the field refuses it.
     */
    public static java.util.Optional<String> canonical(CustomField field, String text, List<FieldProblem> problems) {
        try {
            return java.util.Optional.ofNullable(field.type().text(field.type().store(text.strip(), field.choices())));
        } catch (FieldType.Refused refused) {
            problems.add(FieldProblem.of("custom." + field.key(), refused.messageKey, refused.arguments));
            return java.util.Optional.empty();
        }
    }

    /**
     * Checks values as {@link #setValues} would, without writing: a form calls it before saving its
     * record, so a refused value saves nothing at all.
     *
     * @param recordId the record the values are for; null for one not yet created
     * @throws ValidationException as {@link #setValues} would
     */
    public void check(CustomEntity entity, UUID recordId, Map<String, String> values) {
        db.transaction(cfg -> {
            List<CustomField> live = fields(cfg).fields(entity, false);
            Map<String, String> before = recordId == null ? Map.of() : values(cfg).values(recordId, live);
            refuseIfAny(checked(live, before, values, true).problems());
        });
    }

    private record Checked(Map<CustomField, FieldType.Stored> changed, List<FieldProblem> problems) {
    }

    private static Checked checked(List<CustomField> live, Map<String, String> before, Map<String, String> values,
            boolean requireAll) {
        Map<CustomField, FieldType.Stored> changed = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>(before);
        List<FieldProblem> problems = new ArrayList<>();
        values.forEach((key, text) -> {
            CustomField field = live.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
            if (field == null) {
                problems.add(FieldProblem.of("custom." + key, "studio.value.unknownField", key));
                return;
            }
            if (text == null || text.isBlank()) {
                if (before.containsKey(key)) {
                    changed.put(field, null);
                }
                after.remove(key);
                return;
            }
            try {
                FieldType.Stored stored = field.type().store(text, field.choices());
                String canonical = field.type().text(stored);
                if (!canonical.equals(before.get(key))) {
                    changed.put(field, stored);
                }
                after.put(key, canonical);
            } catch (FieldType.Refused refused) {
                problems.add(FieldProblem.of("custom." + key, refused.messageKey, refused.arguments));
            }
        });
        for (CustomField field : live) {
            if (requireAll && field.required() && !after.containsKey(field.key())
                    && problems.stream().noneMatch(p -> p.field().equals("custom." + field.key()))) {
                problems.add(FieldProblem.of("custom." + field.key(), "studio.value.required", field.label()));
            }
        }
        return new Checked(changed, problems);
    }

    private static List<FieldProblem> check(CustomFieldDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        String label = Rows.blankToNull(draft.label());
        if (label == null) {
            problems.add(FieldProblem.of("label", "studio.field.label.required"));
        } else if (label.length() > LABEL_MAX) {
            problems.add(FieldProblem.of("label", "studio.field.label.tooLong", LABEL_MAX));
        }
        if (draft.type() == null) {
            problems.add(FieldProblem.of("type", "studio.field.type.required"));
            return problems;
        }
        List<String> choices = draft.choices().stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        if (draft.type().hasChoices()) {
            Set<String> seen = new HashSet<>();
            if (choices.isEmpty()) {
                problems.add(FieldProblem.of("choices", "studio.field.choices.required"));
            } else if (choices.stream().anyMatch(c -> c.length() > CHOICE_MAX || !seen.add(c))) {
                problems.add(FieldProblem.of("choices", "studio.field.choices.invalid", CHOICE_MAX));
            }
        }
        String help = Rows.blankToNull(draft.helpText());
        if (help != null && help.length() > HELP_MAX) {
            problems.add(FieldProblem.of("helpText", "studio.field.help.tooLong", HELP_MAX));
        }
        String defaultValue = Rows.blankToNull(draft.defaultValue());
        if (defaultValue != null) {
            try {
                draft.type().store(defaultValue, choices);
            } catch (FieldType.Refused refused) {
                problems.add(FieldProblem.of("defaultValue", refused.messageKey, refused.arguments));
            }
        }
        return problems;
    }

    private static CustomFieldDraft stripped(CustomFieldDraft d) {
        return new CustomFieldDraft(d.label().strip(), d.key(), d.type(),
                d.choices().stream().map(String::strip).filter(c -> !c.isEmpty()).toList(), d.required(),
                Rows.blankToNull(d.defaultValue()), Rows.blankToNull(d.helpText()));
    }

    /** "number_1", "number_2", … : the first free key for the type. */
    private static String freeKey(CustomFieldRepository fields, CustomEntity entity, FieldType type) {
        String stem = type.name().toLowerCase(Locale.ROOT);
        for (int n = 1; ; n++) {
            if (!fields.keyTaken(entity, stem + "_" + n)) {
                return stem + "_" + n;
            }
        }
    }

    private static void refuseIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private void requireConfigure(Actor actor) {
        if (!mayConfigure(actor)) {
            throw new SalesDeskException("studio.notAllowed");
        }
        // A branch replica receives the head office's fields on every sync; one defined here would
        // have values the head office does not know.
        if (db.transactionResult(cfg -> fields(cfg).onReplica())) {
            throw new SalesDeskException("studio.field.atHeadOffice");
        }
    }

    private CustomFieldRepository fields(Configuration cfg) {
        return CustomFieldRepository.using(cfg, clock);
    }

    private CustomValueRepository values(Configuration cfg) {
        return CustomValueRepository.using(cfg, clock);
    }
}
