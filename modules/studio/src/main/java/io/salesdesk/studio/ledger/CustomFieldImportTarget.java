package io.salesdesk.studio.ledger;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.imports.DuplicateDecision;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.ImportTarget;
import io.salesdesk.ledger.imports.MatchKind;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Configuration;

/**
 * An entity's import with its custom fields: each field in use is a column the mapping offers (by its
 * label), each cell is checked as the record's form would check it, new records get the fields'
 * defaults and must fill the required ones, and the values are written in the import's transaction,
 * recorded under the batch so undo gives updated records their old values back. A re-imported export
 * whose only edits are in custom columns updates those values.
 */
final class CustomFieldImportTarget implements ImportTarget {

    private final ImportTarget base;
    private final CustomEntity entity;
    private final CustomFieldService customFields;
    private final UserService users;
    private final RegionService regions;
    private final Clock clock;

    CustomFieldImportTarget(ImportTarget base, CustomEntity entity, CustomFieldService customFields, UserService users,
            RegionService regions, Clock clock) {
        this.base = base;
        this.entity = entity;
        this.customFields = customFields;
        this.users = users;
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    public LedgerEntity entity() {
        return base.entity().withFields(customFields.fields(entity).stream().map(CustomLedgerFields::field).toList());
    }

    @Override
    public void checkAllowed(Actor actor) {
        base.checkAllowed(actor);
    }

    @Override
    public boolean writesInChunks() {
        return base.writesInChunks();
    }

    @Override
    public void prepare(Actor actor, ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor) {
        base.prepare(actor, mapping, rows, monitor);
        List<CustomField> fields = customFields.fields(entity);
        if (fields.isEmpty()) {
            return;
        }
        Columns columns = new Columns(mapping, fields, new CustomLedgerFields(regions, users.all()));
        Map<UUID, Map<String, String>> current = customFields.values(entity, rows.stream()
                .filter(r -> r.match() != null && r.match().existingId() != null)
                .map(r -> r.match().existingId()).distinct().toList());
        for (ImportRow row : rows) {
            RowAction action = row.action();
            if (action == RowAction.INVALID || action == RowAction.CONFLICT) {
                continue;
            }
            boolean creating = action == RowAction.CREATE;
            Map<String, String> values = columns.values(row, creating, true);
            if (creating) {
                fields.stream().filter(f -> f.required() && values.get(f.key()) == null)
                        .forEach(f -> columns.problem(row, f, "", "studio.value.required", f.label()));
            } else if (action == RowAction.SKIP && row.match().kind() == MatchKind.ID
                    && changes(values, current.getOrDefault(row.match().existingId(), Map.of()))) {
                // An exported ledger edited only in its custom columns: the row updates those.
                row.decide(DuplicateDecision.UPDATE);
            }
        }
    }

    @Override
    public List<WrittenRow> write(Configuration configuration, Actor actor, ChangeReason reason, ColumnMapping mapping,
            List<ImportRow> rows, ImportMonitor monitor) {
        List<WrittenRow> written = base.write(configuration, actor, reason, mapping, rows, monitor);
        List<CustomField> fields = customFields.fields(configuration, entity);
        if (fields.isEmpty()) {
            return written;
        }
        Columns columns = new Columns(mapping, fields, new CustomLedgerFields(regions, users.all()));
        Map<Integer, ImportRow> byNumber = rows.stream().collect(Collectors.toMap(ImportRow::rowNumber,
                Function.identity(), (a, b) -> a));
        for (WrittenRow done : written) {
            ImportRow row = byNumber.get(done.rowNumber());
            Map<String, String> values = columns.values(row, done.action() == RowAction.CREATE, false);
            if (!values.isEmpty()) {
                customFields.setImportedValues(configuration, actor, reason, entity, done.entityId(), values);
            }
        }
        return written;
    }

    /**
     * Takes the batch's custom values back on the records it updated (created records are removed by the
     * entity's own undo and keep theirs, as removed records keep all their data): each field the batch
     * set gets its old value, unless someone changed it since, which is then listed as a conflict.
     */
    @Override
    public UndoResult undo(Configuration configuration, Actor actor, ChangeReason reason, String batchId,
            List<WrittenRow> written) {
        List<WrittenRow> updated = written.stream().filter(w -> w.action() == RowAction.UPDATE).toList();
        List<UndoResult.Conflict> conflicts = new ArrayList<>();
        if (!updated.isEmpty()) {
            ChangeLog changeLog = ChangeLog.using(configuration, clock);
            Map<UUID, Map<String, String>> current = customFields.values(configuration, entity,
                    updated.stream().map(WrittenRow::entityId).toList());
            for (WrittenRow row : updated) {
                Map<String, String> now = current.getOrDefault(row.entityId(), Map.of());
                Map<String, String> restore = new LinkedHashMap<>();
                boolean changedSince = false;
                for (Map.Entry<String, FieldChange> change : batchChanges(changeLog, row.entityId(), batchId).entrySet()) {
                    String key = change.getKey().substring(CustomLedgerFields.PREFIX.length());
                    if (Objects.equals(now.get(key), change.getValue().newValue())) {
                        restore.put(key, change.getValue().oldValue());
                    } else {
                        changedSince = true;
                    }
                }
                if (!restore.isEmpty()) {
                    customFields.setImportedValues(configuration, actor, reason, entity, row.entityId(), restore);
                }
                if (changedSince) {
                    conflicts.add(new UndoResult.Conflict(row.entityId(), null, row.rowNumber()));
                }
            }
        }
        UndoResult result = base.undo(configuration, actor, reason, batchId, written);
        List<UndoResult.Conflict> all = new ArrayList<>(result.conflicts());
        conflicts.stream().filter(c -> all.stream().noneMatch(a -> a.entityId().equals(c.entityId())))
                .forEach(all::add);
        return new UndoResult(result.batchId(), result.removed(), result.restored(), all);
    }

    // The custom fields the batch changed on a record, each with its value before the batch's first
    // change and after its last.
    private static Map<String, FieldChange> batchChanges(ChangeLog changeLog, UUID recordId, String batchId) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        changeLog.forEntity(recordId).stream()
                .filter(e -> e.operation() == ChangeEntry.Operation.UPDATE
                        && ChangeReason.Kind.IMPORT.name().equals(e.reasonKind()) && batchId.equals(e.reasonDetail()))
                .forEach(e -> e.changes().forEach((field, change) -> {
                    if (field.startsWith(CustomLedgerFields.PREFIX)) {
                        changes.merge(field, change, (first, later) -> new FieldChange(first.oldValue(), later.newValue()));
                    }
                }));
        return changes;
    }

    private static boolean changes(Map<String, String> imported, Map<String, String> current) {
        return imported.entrySet().stream().anyMatch(e -> !Objects.equals(e.getValue(), current.get(e.getKey())));
    }

    /** The custom columns of one mapping, and reading a row's values from them. */
    private static final class Columns {

        private final Map<CustomField, MappedColumn> mapped = new LinkedHashMap<>();
        private final List<CustomField> fields;
        private final CustomLedgerFields ledgerFields;

        Columns(ColumnMapping mapping, List<CustomField> fields, CustomLedgerFields ledgerFields) {
            this.fields = fields;
            this.ledgerFields = ledgerFields;
            for (CustomField field : fields) {
                mapping.columnFor(CustomLedgerFields.PREFIX + field.key()).ifPresent(c -> mapped.put(field, c));
            }
        }

        /**
         * The row's custom values by field key, canonical: its cells, and for a new record the defaults of
         * fields it leaves blank. A blank cell of a row matched by id (an exported ledger) clears the
         * value, as blank built-in cells do; other updates leave blanks alone.
         */
        Map<String, String> values(ImportRow row, boolean creating, boolean reportProblems) {
            Map<String, String> values = new HashMap<>();
            boolean clearsBlanks = !creating && row.match() != null && row.match().kind() == MatchKind.ID;
            mapped.forEach((field, column) -> {
                Object cell = row.values().get(column.fieldKey());
                if (cell == null || cell.toString().isBlank()) {
                    if (clearsBlanks) {
                        values.put(field.key(), null);
                    }
                    return;
                }
                String input = ledgerFields.input(field, cell);
                List<FieldProblem> problems = new ArrayList<>();
                String canonical = input == null ? null : CustomFieldService.canonical(field, input, problems).orElse(null);
                if (canonical != null) {
                    values.put(field.key(), canonical);
                } else if (reportProblems) {
                    if (input == null) {
                        problem(row, field, cell.toString(), field.type() == io.salesdesk.studio.field.FieldType.USER
                                ? "studio.value.user" : "studio.value.region", cell.toString());
                    } else {
                        problems.forEach(p -> problem(row, field, cell.toString(), p.messageKey(), p.arguments().toArray()));
                    }
                }
            });
            if (creating) {
                fields.stream().filter(f -> f.defaultValue() != null && values.get(f.key()) == null)
                        .forEach(f -> values.put(f.key(), f.defaultValue()));
            }
            return values;
        }

        void problem(ImportRow row, CustomField field, String value, String key, Object... args) {
            MappedColumn column = mapped.get(field);
            row.addProblem(new CellProblem(row.rowNumber(), column == null ? -1 : column.column(),
                    column == null ? field.label() : column.header(), value, key, List.of(args)));
        }
    }
}
