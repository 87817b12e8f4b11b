package io.salesdesk.ledger.commerce;

import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.product.ProductRepository;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.FieldChange;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.ImportTarget;
import io.salesdesk.ledger.imports.MatchKind;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.RowMatch;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.ProductLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Products (产品目录) as an import target: each row checked by {@link ProductService#validate} as the
 * product form is; a row whose SKU is on record (or on an earlier row) is a duplicate, updated when
 * the user says so. Undo soft-deletes created products and gives updated ones their values from
 * before the batch, leaving alone products changed since. Managers, ops and administrators only.
 */
public final class ProductImportTarget implements ImportTarget {

    private final Database db;
    private final Clock clock;
    private final ProductService products;

    public ProductImportTarget(Database db, Clock clock, ProductService products) {
        this.db = db;
        this.clock = clock;
        this.products = products;
    }

    /** What one row will write. */
    static final class Plan {
        ProductDraft draft;
        UUID targetId;
        long expectedVersion;
        boolean active;
    }

    @Override
    public LedgerEntity entity() {
        return ProductLedger.ENTITY;
    }

    @Override
    public void checkAllowed(Actor actor) {
        Cells.requireManager(actor, ProductLedger.ENTITY.labelZh());
        // Said before the user maps columns, not only when the rows are written.
        db.transaction(cfg -> ProductService.requireHeadOffice(ProductRepository.using(cfg, clock)));
    }

    @Override
    public void prepare(Actor actor, ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor) {
        checkAllowed(actor);
        Cells cells = new Cells(mapping);
        for (ImportRow row : rows) {
            Plan plan = new Plan();
            ProductDraft given = new ProductDraft(Cells.text(row, "sku"), Cells.text(row, "name"),
                    Cells.text(row, "category"), Cells.text(row, "unit"), Cells.decimal(row, "listPrice"),
                    Cells.decimal(row, "costPrice"));
            try {
                plan.draft = products.validate(given);
            } catch (ValidationException e) {
                for (FieldProblem p : e.problems()) {
                    // A blank required cell already carries the converter's own problem.
                    boolean blank = !row.values().containsKey(p.field());
                    if (!blank || !p.messageKey().endsWith(".required")) {
                        cells.problem(row, p.field(), row.values().get(p.field()), p.messageKey(),
                                p.arguments().toArray());
                    }
                }
            }
            row.plan(plan);
        }
        monitor.checkCancelled();
        db.transaction(cfg -> dedupe(ProductRepository.using(cfg, clock), rows));
        monitor.progress(ImportPhase.VALIDATE, rows.size(), rows.size());
    }

    private static void dedupe(ProductRepository repository, List<ImportRow> rows) {
        List<String> skus = rows.stream().filter(r -> r.problems().isEmpty())
                .map(r -> ((Plan) r.plan()).draft.sku()).toList();
        Map<String, Product> onRecord = repository.bySkus(skus);
        Map<String, Integer> seen = new HashMap<>();
        for (ImportRow row : rows) {
            if (!row.problems().isEmpty()) {
                continue;
            }
            Plan plan = (Plan) row.plan();
            String sku = plan.draft.sku();
            Integer earlier = seen.putIfAbsent(sku, row.rowNumber());
            Product existing = onRecord.get(sku);
            if (earlier != null) {
                row.matched(RowMatch.earlierRow(MatchKind.NAME, earlier));
            } else if (existing != null) {
                plan.targetId = existing.id();
                plan.expectedVersion = existing.version();
                plan.active = existing.active();
                row.matched(RowMatch.existing(MatchKind.NAME, existing.id(), existing.sku() + " " + existing.name(),
                        existing.version()));
            }
        }
    }

    @Override
    public List<WrittenRow> write(Configuration cfg, Actor actor, ChangeReason reason, ColumnMapping mapping,
            List<ImportRow> rows, ImportMonitor monitor) {
        ProductRepository repository = ProductRepository.using(cfg, clock);
        ProductService.requireHeadOffice(repository);
        // A later row with the same SKU set to "update" overwrites the earlier row's values.
        Map<Integer, Plan> byRow = new LinkedHashMap<>();
        Map<Integer, ImportRow> rowOf = new HashMap<>();
        for (ImportRow row : rows) {
            Plan plan = (Plan) row.plan();
            if (row.action() == RowAction.UPDATE && row.match().inFile()) {
                Plan first = byRow.get(row.match().fileRowNumber());
                if (first != null) {
                    first.draft = plan.draft;
                }
            } else if (row.action() == RowAction.CREATE || row.action() == RowAction.UPDATE) {
                byRow.put(row.rowNumber(), plan);
                rowOf.put(row.rowNumber(), row);
            }
        }
        List<WrittenRow> written = new ArrayList<>();
        int done = 0;
        for (Map.Entry<Integer, Plan> e : byRow.entrySet()) {
            Plan plan = e.getValue();
            ImportRow row = rowOf.get(e.getKey());
            if (row.action() == RowAction.CREATE) {
                if (repository.skuTaken(plan.draft.sku(), null)) {
                    row.markConflict(); // created by someone else since the preview
                    continue;
                }
                UUID id = repository.insert(actor, reason, Ids.newId(clock), plan.draft);
                written.add(new WrittenRow(id, RowAction.CREATE, e.getKey(), repository.findAny(id).orElseThrow()
                        .version()));
            } else {
                try {
                    Product p = repository.update(actor, reason, plan.targetId, plan.expectedVersion, plan.draft,
                            plan.active);
                    written.add(new WrittenRow(p.id(), RowAction.UPDATE, e.getKey(), p.version()));
                } catch (StaleRecordException stale) {
                    row.markConflict();
                }
            }
            if (++done % 500 == 0) {
                monitor.checkCancelled();
                monitor.progress(ImportPhase.COMMIT, done, byRow.size());
            }
        }
        monitor.progress(ImportPhase.COMMIT, byRow.size(), byRow.size());
        return written;
    }

    @Override
    public UndoResult undo(Configuration cfg, Actor actor, ChangeReason reason, String batchId,
            List<WrittenRow> written) {
        ProductRepository repository = ProductRepository.using(cfg, clock);
        ProductService.requireHeadOffice(repository);
        ChangeLog changeLog = ChangeLog.using(cfg, clock);
        int removed = 0;
        int restored = 0;
        List<UndoResult.Conflict> conflicts = new ArrayList<>();
        for (WrittenRow row : written) {
            Product p = repository.findAny(row.entityId()).orElse(null);
            if (p == null || p.version() != row.versionAfter()) {
                conflicts.add(new UndoResult.Conflict(row.entityId(), p == null ? null : p.sku(), row.rowNumber()));
            } else if (row.action() == RowAction.CREATE) {
                repository.delete(actor, reason, p.id(), p.version());
                removed++;
            } else {
                repository.update(actor, reason, p.id(), p.version(), before(changeLog, p, batchId), p.active());
                restored++;
            }
        }
        return new UndoResult(UUID.fromString(batchId), removed, restored, conflicts);
    }

    // The batch's updates applied backwards, newest first, end at the values from before the batch.
    private static ProductDraft before(ChangeLog changeLog, Product p, String batchId) {
        List<Map<String, FieldChange>> updates = new ArrayList<>(changeLog.forEntity(p.id()).stream()
                .filter(e -> e.operation() == ChangeEntry.Operation.UPDATE
                        && ChangeReason.Kind.IMPORT.name().equals(e.reasonKind()) && batchId.equals(e.reasonDetail()))
                .map(ChangeEntry::changes).toList());
        Collections.reverse(updates);
        ProductDraft d = p.toDraft();
        for (Map<String, FieldChange> c : updates) {
            d = new ProductDraft(old(c, "sku", d.sku()), old(c, "name", d.name()), old(c, "category", d.category()),
                    old(c, "unit", d.unit()), new BigDecimal(old(c, "listPrice", d.listPrice().toPlainString())),
                    new BigDecimal(old(c, "costPrice", d.costPrice().toPlainString())));
        }
        return d;
    }

    private static String old(Map<String, FieldChange> changes, String field, String current) {
        return changes.containsKey(field) ? changes.get(field).oldValue() : current;
    }
}
