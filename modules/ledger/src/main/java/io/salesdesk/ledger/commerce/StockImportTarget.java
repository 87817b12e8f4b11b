package io.salesdesk.ledger.commerce;

import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductRepository;
import io.salesdesk.commerce.stock.StockLevel;
import io.salesdesk.commerce.stock.StockRepository;
import io.salesdesk.commerce.stock.StockService;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.commerce.stock.WarehouseRepository;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
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
import io.salesdesk.ledger.model.StockLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Configuration;

/**
 * Stock (库存) as an import target: each row is a count of one SKU in one warehouse (by code), with
 * what is inbound and when. A row sets on hand (and inbound, when the ledger has the column); what
 * is reserved stays. Refused: an unknown SKU or warehouse, a negative quantity, inbound without a
 * date, on hand below what is reserved. A row for a SKU and warehouse already stocked is a
 * duplicate, written when the user chooses to update. Undo removes rows the batch created and gives
 * updated rows their quantities from before the batch, unless stock moved since.
 */
public final class StockImportTarget implements ImportTarget {

    static final String UNKNOWN_SKU = "ledger.import.unknownSku";
    static final String UNKNOWN_WAREHOUSE = "ledger.import.unknownWarehouse";
    static final String NEGATIVE = "ledger.import.negativeStock";
    static final String NO_ETA = "ledger.import.inboundWithoutEta";
    static final String BELOW_RESERVED = "ledger.import.belowReserved";

    private final Database db;
    private final Clock clock;

    public StockImportTarget(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What one row will write. */
    static final class Plan {
        UUID productId;
        UUID warehouseId;
        BigDecimal onHand;
        /** Null when the ledger has no inbound column: the row's inbound stays as it is. */
        BigDecimal inbound;
        LocalDate eta;
        StockLevel existing;
    }

    @Override
    public LedgerEntity entity() {
        return StockLedger.ENTITY;
    }

    @Override
    public void checkAllowed(Actor actor) {
        Cells.requireManager(actor, StockLedger.ENTITY.labelZh());
        // Said before the user maps columns, not only when the rows are written.
        db.transaction(cfg -> StockService.requireHeadOffice(StockRepository.using(cfg, clock)));
    }

    @Override
    public void prepare(Actor actor, ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor) {
        checkAllowed(actor);
        Cells cells = new Cells(mapping);
        boolean hasInbound = cells.mapped("inbound") || cells.mapped("eta");
        db.transaction(cfg -> {
            Map<String, Product> products = ProductRepository.using(cfg, clock).bySkus(rows.stream()
                    .map(r -> Cells.text(r, "sku")).filter(s -> s != null).distinct().toList());
            Map<String, Warehouse> warehouses = WarehouseRepository.using(cfg, clock).all().stream()
                    .collect(Collectors.toMap(Warehouse::code, Function.identity()));
            StockRepository stock = StockRepository.using(cfg, clock);
            Map<String, Integer> seen = new HashMap<>();
            for (ImportRow row : rows) {
                Plan plan = new Plan();
                row.plan(plan);
                String sku = Cells.text(row, "sku");
                String code = Cells.text(row, "warehouse");
                Product product = sku == null ? null : products.get(sku);
                Warehouse warehouse = code == null ? null : warehouses.get(code);
                if (sku != null && product == null) {
                    cells.problem(row, "sku", sku, UNKNOWN_SKU, sku);
                }
                if (code != null && warehouse == null) {
                    cells.problem(row, "warehouse", code, UNKNOWN_WAREHOUSE, code);
                }
                plan.onHand = Cells.decimal(row, "onHand");
                if (plan.onHand != null && plan.onHand.signum() < 0) {
                    cells.problem(row, "onHand", plan.onHand.toPlainString(), NEGATIVE, plan.onHand.toPlainString());
                }
                if (hasInbound) {
                    BigDecimal inbound = Cells.decimal(row, "inbound");
                    plan.inbound = inbound == null ? BigDecimal.ZERO : inbound;
                    plan.eta = row.values().get("eta") instanceof LocalDate d ? d : null;
                    if (plan.inbound.signum() < 0) {
                        cells.problem(row, "inbound", inbound.toPlainString(), NEGATIVE, inbound.toPlainString());
                    } else if (plan.inbound.signum() > 0 && plan.eta == null) {
                        cells.problem(row, "eta", "", NO_ETA);
                    }
                    if (plan.inbound.signum() == 0) {
                        plan.eta = null;
                    }
                }
                if (product == null || warehouse == null || !row.problems().isEmpty()) {
                    continue;
                }
                plan.productId = product.id();
                plan.warehouseId = warehouse.id();
                plan.existing = stock.level(product.id(), warehouse.id(), false).orElse(null);
                if (plan.existing != null && plan.onHand.compareTo(plan.existing.reserved()) < 0) {
                    cells.problem(row, "onHand", plan.onHand.toPlainString(), BELOW_RESERVED,
                            plan.onHand.toPlainString(), plan.existing.reserved().stripTrailingZeros().toPlainString());
                    continue;
                }
                Integer earlier = seen.putIfAbsent(sku + "\u0000" + code, row.rowNumber());
                if (earlier != null) {
                    row.matched(RowMatch.earlierRow(MatchKind.NAME, earlier));
                } else if (plan.existing != null) {
                    row.matched(RowMatch.existing(MatchKind.NAME, StockRepository.rowId(product.id(), warehouse.id()),
                            sku + " @ " + code, plan.existing.version()));
                }
            }
        });
        monitor.progress(ImportPhase.VALIDATE, rows.size(), rows.size());
    }

    @Override
    public List<WrittenRow> write(Configuration cfg, Actor actor, ChangeReason reason, ColumnMapping mapping,
            List<ImportRow> rows, ImportMonitor monitor) {
        StockRepository stock = StockRepository.using(cfg, clock);
        StockService.requireHeadOffice(stock);
        Map<Integer, Plan> byRow = new LinkedHashMap<>();
        Map<Integer, ImportRow> rowOf = new HashMap<>();
        for (ImportRow row : rows) {
            Plan plan = (Plan) row.plan();
            if (row.action() == RowAction.UPDATE && row.match().inFile()) {
                Plan first = byRow.get(row.match().fileRowNumber());
                if (first != null) {
                    first.onHand = plan.onHand;
                    first.inbound = plan.inbound;
                    first.eta = plan.eta;
                }
            } else if (row.action() == RowAction.CREATE || row.action() == RowAction.UPDATE) {
                byRow.put(row.rowNumber(), plan);
                rowOf.put(row.rowNumber(), row);
            }
        }
        List<WrittenRow> written = new ArrayList<>();
        int done = 0;
        for (Map.Entry<Integer, Plan> e : byRow.entrySet()) {
            Plan p = e.getValue();
            StockLevel now = stock.level(p.productId, p.warehouseId, true).orElse(null);
            boolean unchanged = p.existing == null ? now == null
                    : now != null && now.version() == p.existing.version();
            if (!unchanged || now != null && p.onHand.compareTo(now.reserved()) < 0) {
                rowOf.get(e.getKey()).markConflict(); // stock moved since the preview: not overwritten
                continue;
            }
            StockLevel after = stock.write(actor, reason, now, p.productId, p.warehouseId, p.onHand,
                    now == null ? BigDecimal.ZERO : now.reserved(),
                    p.inbound != null ? p.inbound : now == null ? BigDecimal.ZERO : now.inbound(),
                    p.inbound != null ? p.eta : now == null ? null : now.inboundEta());
            written.add(new WrittenRow(StockRepository.rowId(p.productId, p.warehouseId),
                    now == null ? RowAction.CREATE : RowAction.UPDATE, e.getKey(), after.version()));
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
        StockRepository stock = StockRepository.using(cfg, clock);
        StockService.requireHeadOffice(stock);
        ChangeLog changeLog = ChangeLog.using(cfg, clock);
        int removed = 0;
        int restored = 0;
        List<UndoResult.Conflict> conflicts = new ArrayList<>();
        for (WrittenRow row : written) {
            List<ChangeEntry> trail = changeLog.forEntity(row.entityId());
            Map<String, FieldChange> first = trail.isEmpty() ? Map.of() : trail.get(trail.size() - 1).changes();
            StockLevel now = first.containsKey("productId") ? stock.level(
                    UUID.fromString(first.get("productId").newValue()),
                    UUID.fromString(first.get("warehouseId").newValue()), true).orElse(null) : null;
            if (now == null || now.version() != row.versionAfter()) {
                conflicts.add(new UndoResult.Conflict(row.entityId(), now == null ? null
                        : now.sku() + " @ " + now.warehouseCode(), row.rowNumber()));
                continue;
            }
            if (row.action() == RowAction.CREATE) {
                stock.delete(actor, reason, now);
                removed++;
                continue;
            }
            List<Map<String, FieldChange>> updates = new ArrayList<>(trail.stream()
                    .filter(e -> e.operation() == ChangeEntry.Operation.UPDATE
                            && ChangeReason.Kind.IMPORT.name().equals(e.reasonKind())
                            && batchId.equals(e.reasonDetail()))
                    .map(ChangeEntry::changes).toList());
            Collections.reverse(updates);
            String onHand = now.onHand().toPlainString();
            String inbound = now.inbound().toPlainString();
            String eta = now.inboundEta() == null ? null : now.inboundEta().toString();
            for (Map<String, FieldChange> c : updates) {
                onHand = c.containsKey("onHand") ? c.get("onHand").oldValue() : onHand;
                inbound = c.containsKey("inbound") ? c.get("inbound").oldValue() : inbound;
                eta = c.containsKey("inboundEta") ? c.get("inboundEta").oldValue() : eta;
            }
            BigDecimal oldOnHand = new BigDecimal(onHand);
            if (oldOnHand.compareTo(now.reserved()) < 0) {
                conflicts.add(new UndoResult.Conflict(row.entityId(), now.sku() + " @ " + now.warehouseCode(),
                        row.rowNumber()));
                continue;
            }
            try {
                stock.write(actor, reason, now, now.productId(), now.warehouseId(), oldOnHand, now.reserved(),
                        new BigDecimal(inbound), eta == null ? null : LocalDate.parse(eta));
                restored++;
            } catch (StaleRecordException e) {
                conflicts.add(new UndoResult.Conflict(row.entityId(), now.sku() + " @ " + now.warehouseCode(),
                        row.rowNumber()));
            }
        }
        return new UndoResult(UUID.fromString(batchId), removed, restored, conflicts);
    }
}
