package io.salesdesk.commerce.stock;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.Managers;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductRepository;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.RegionService;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Warehouses and stock: goods received, counted stock adjusted, quantities reserved for orders and
 * released, inbound quantities with their expected arrival. Stock never goes negative and never
 * promises more than is on hand: such a change is refused with what there is, in the user's words
 * ({@code stock.*} keys of {@link io.salesdesk.commerce.CommerceMessages}). Each call is one
 * transaction that locks the stock row, so two writers of one row go one after the other.
 */
public final class StockService {

    static final int CODE_MAX = 20;
    static final int NAME_MAX = 100;
    static final int ADDRESS_MAX = 300;

    private final Database db;
    private final Clock clock;
    private final RegionService regions;

    public StockService(Database db, Clock clock, RegionService regions) {
        this.db = db;
        this.clock = clock;
        this.regions = regions;
    }

    /**
     * Whether warehouses and stock levels are kept in this database: not on a branch replica, which
     * receives the head office's on every sync (docs/decisions.md, decision 6). Deals there still
     * reserve stock ({@link #reserve}); the head office's figure replaces it at the next sync.
     */
    public boolean keptHere() {
        return !db.transactionResult(cfg -> StockRepository.using(cfg, clock).onReplica());
    }

    /**
     * Refuses a warehouse or stock write on a branch replica: the next sync would overwrite it with
     * the head office's figure, so goods received there would silently vanish.
     *
     * @throws CommerceException {@code stock.atHeadOffice}
     */
    public static void requireHeadOffice(StockRepository stock) {
        if (stock.onReplica()) {
            throw new CommerceException("stock.atHeadOffice");
        }
    }

    // ------------------------------------------------------------------ warehouses

    /**
     * Creates a warehouse serving the given regions; managers and company-wide roles only.
     *
     * @throws ValidationException for a refused field or an unknown region code
     */
    public Warehouse createWarehouse(Actor actor, WarehouseDraft draft) {
        requireManager(actor);
        WarehouseDraft valid = validate(draft);
        return db.transactionResult(cfg -> {
            requireHeadOffice(StockRepository.using(cfg, clock));
            WarehouseRepository warehouses = WarehouseRepository.using(cfg, clock);
            if (warehouses.codeTaken(valid.code(), null)) {
                throw new CommerceException("warehouse.code.taken", valid.code());
            }
            UUID id = Ids.newId(clock);
            warehouses.insert(actor, ChangeReason.user(), id, valid);
            return warehouses.findAny(id).orElseThrow();
        });
    }

    /** Changes a warehouse, its regions and whether it ships. */
    public Warehouse updateWarehouse(Actor actor, UUID id, long expectedVersion, WarehouseDraft draft, boolean active) {
        requireManager(actor);
        WarehouseDraft valid = validate(draft);
        return db.transactionResult(cfg -> {
            requireHeadOffice(StockRepository.using(cfg, clock));
            WarehouseRepository warehouses = WarehouseRepository.using(cfg, clock);
            if (warehouses.codeTaken(valid.code(), id)) {
                throw new CommerceException("warehouse.code.taken", valid.code());
            }
            return warehouses.update(actor, ChangeReason.user(), id, expectedVersion, valid, active);
        });
    }

    public List<Warehouse> warehouses() {
        return db.transactionResult(cfg -> WarehouseRepository.using(cfg, clock).all());
    }

    public Optional<Warehouse> warehouse(UUID id) {
        return db.transactionResult(cfg -> WarehouseRepository.using(cfg, clock).findAny(id));
    }

    /** The active warehouses that ship to a customer in {@code regionCode} (covering it, its city or province). */
    public List<Warehouse> servingWarehouses(String regionCode) {
        return db.transactionResult(cfg -> WarehouseRepository.using(cfg, clock)
                .covering(ServingRegions.codesServing(regionCode)));
    }

    // ------------------------------------------------------------------ stock

    /** The product's stock in each warehouse holding a row of it. */
    public List<StockLevel> stockOf(UUID productId) {
        return db.transactionResult(cfg -> StockRepository.using(cfg, clock).forProduct(productId));
    }

    /** What a warehouse holds. */
    public List<StockLevel> stockIn(UUID warehouseId) {
        return db.transactionResult(cfg -> StockRepository.using(cfg, clock).forWarehouse(warehouseId));
    }

    public Optional<StockLevel> level(UUID productId, UUID warehouseId) {
        return db.transactionResult(cfg -> StockRepository.using(cfg, clock).level(productId, warehouseId, false));
    }

    /** Each product's stock over the warehouses serving {@code regionCode}; products with none are absent. */
    public Map<UUID, Availability> availability(String regionCode, Collection<UUID> productIds) {
        return db.transactionResult(cfg -> StockRepository.using(cfg, clock)
                .availability(productIds, ServingRegions.codesServing(regionCode)));
    }

    /**
     * Goods arrived: on hand grows by {@code quantity}; the expected inbound shrinks by as much (not
     * below zero) and its date is cleared once nothing more is expected.
     */
    public StockLevel receive(Actor actor, UUID productId, UUID warehouseId, BigDecimal quantity) {
        requireManager(actor);
        requirePositive(quantity);
        return keptChange(actor, "receive", productId, warehouseId, (names, s) -> {
            BigDecimal inbound = s.inbound().subtract(quantity).max(BigDecimal.ZERO);
            return new Quantities(s.onHand().add(quantity), s.reserved(), inbound,
                    inbound.signum() == 0 ? null : s.inboundEta());
        });
    }

    /**
     * Corrects on hand by {@code delta} (a count, breakage); refused when stock would fall below
     * what is reserved (or below zero).
     *
     * @throws CommerceException {@code stock.adjust.negative}
     */
    public StockLevel adjust(Actor actor, UUID productId, UUID warehouseId, BigDecimal delta, String reason) {
        requireManager(actor);
        if (delta == null || delta.signum() == 0) {
            throw new ValidationException(List.of(FieldProblem.of("quantity", "stock.quantity.zero")));
        }
        return keptChange(actor, Rows.blankToNull(reason) == null ? "adjust" : "adjust: " + reason.strip(), productId,
                warehouseId, (names, s) -> {
                    BigDecimal onHand = s.onHand().add(delta);
                    if (onHand.compareTo(s.reserved()) < 0) {
                        throw new CommerceException("stock.adjust.negative", names.sku, names.warehouse,
                                plain(s.onHand()), plain(s.reserved()), plain(delta));
                    }
                    return new Quantities(onHand, s.reserved(), s.inbound(), s.inboundEta());
                });
    }

    /**
     * Promises {@code quantity} of the warehouse's stock to an order.
     *
     * @throws CommerceException {@code stock.reserve.short} when less is available
     */
    public StockLevel reserve(Actor actor, UUID productId, UUID warehouseId, BigDecimal quantity) {
        requirePositive(quantity);
        return db.transactionResult(cfg -> reserve(cfg, actor, productId, warehouseId, quantity));
    }

    /** {@link #reserve} in the caller's transaction (an order reserving all its lines at once). */
    StockLevel reserve(Configuration cfg, Actor actor, UUID productId, UUID warehouseId, BigDecimal quantity) {
        return change(cfg, actor, "reserve", productId, warehouseId, (names, s) -> {
            if (s.onHand().subtract(s.reserved()).compareTo(quantity) < 0) {
                throw new CommerceException("stock.reserve.short", names.sku, names.warehouse,
                        plain(s.onHand().subtract(s.reserved())), plain(s.onHand()), plain(s.reserved()),
                        plain(quantity));
            }
            return new Quantities(s.onHand(), s.reserved().add(quantity), s.inbound(), s.inboundEta());
        });
    }

    /**
     * Gives back {@code quantity} of a reservation.
     *
     * @throws CommerceException {@code stock.release.tooMuch} for more than is reserved
     */
    public StockLevel release(Actor actor, UUID productId, UUID warehouseId, BigDecimal quantity) {
        requirePositive(quantity);
        return change(actor, "release", productId, warehouseId, (names, s) -> {
            if (s.reserved().compareTo(quantity) < 0) {
                throw new CommerceException("stock.release.tooMuch", names.sku, names.warehouse, plain(quantity),
                        plain(s.reserved()));
            }
            return new Quantities(s.onHand(), s.reserved().subtract(quantity), s.inbound(), s.inboundEta());
        });
    }

    /**
     * Sets what is expected to arrive and when (a purchase order placed); zero clears it.
     *
     * @throws ValidationException for a negative quantity or a quantity without a date
     */
    public StockLevel setInbound(Actor actor, UUID productId, UUID warehouseId, BigDecimal quantity, LocalDate eta) {
        requireManager(actor);
        List<FieldProblem> problems = inboundProblems(quantity, eta);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return keptChange(actor, "inbound", productId, warehouseId, (names, s) -> new Quantities(s.onHand(), s.reserved(),
                quantity, quantity.signum() == 0 ? null : eta));
    }

    /** The problems of an inbound quantity and date (shared with the stock ledger import). */
    public static List<FieldProblem> inboundProblems(BigDecimal quantity, LocalDate eta) {
        List<FieldProblem> problems = new ArrayList<>();
        if (quantity == null || quantity.signum() < 0) {
            problems.add(FieldProblem.of("inbound", "stock.inbound.negative", quantity == null ? "" : plain(quantity)));
        } else if (quantity.signum() > 0 && eta == null) {
            problems.add(FieldProblem.of("inboundEta", "stock.inbound.etaRequired"));
        }
        return problems;
    }

    // ------------------------------------------------------------------ internals

    /** The new quantities of a row, from its current ones. */
    private interface Change {
        Quantities apply(Names names, StockLevel current);
    }

    private record Quantities(BigDecimal onHand, BigDecimal reserved, BigDecimal inbound, LocalDate eta) {
    }

    private record Names(String sku, String warehouse) {
    }

    /** A change of what the head office keeps (goods in, counts, inbound): refused on a replica. */
    private StockLevel keptChange(Actor actor, String what, UUID productId, UUID warehouseId, Change change) {
        return db.transactionResult(cfg -> {
            requireHeadOffice(StockRepository.using(cfg, clock));
            return change(cfg, actor, what, productId, warehouseId, change);
        });
    }

    private StockLevel change(Actor actor, String what, UUID productId, UUID warehouseId, Change change) {
        return db.transactionResult(cfg -> change(cfg, actor, what, productId, warehouseId, change));
    }

    private StockLevel change(Configuration cfg, Actor actor, String what, UUID productId, UUID warehouseId,
                              Change change) {
        Product product = ProductRepository.using(cfg, clock).findAny(productId)
                .orElseThrow(() -> new CommerceException("stock.product.unknown", productId));
        Warehouse warehouse = WarehouseRepository.using(cfg, clock).findAny(warehouseId)
                .orElseThrow(() -> new CommerceException("stock.warehouse.unknown", warehouseId));
        StockRepository stock = StockRepository.using(cfg, clock);
        StockLevel current = stock.level(productId, warehouseId, true).orElse(null);
        StockLevel base = current != null ? current : new StockLevel(productId, product.sku(), warehouseId,
                warehouse.code(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, 0);
        Quantities q = change.apply(new Names(product.sku(), warehouse.code() + " " + warehouse.name()), base);
        try {
            return stock.write(actor, ChangeReason.of(ChangeReason.Kind.USER, what), current, productId, warehouseId,
                    q.onHand(), q.reserved(), q.inbound(), q.eta());
        } catch (StaleRecordException e) {
            // Only a writer that did not lock the row (a direct SQL fix) gets here: say it plainly.
            throw new CommerceException("stock.changed", product.sku(), warehouse.code());
        }
    }

    private WarehouseDraft validate(WarehouseDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = Rows.blankToNull(d.code());
        String name = Rows.blankToNull(d.name());
        String address = Rows.blankToNull(d.address());
        if (code == null) {
            problems.add(FieldProblem.of("code", "warehouse.code.required"));
        } else if (code.length() > CODE_MAX) {
            problems.add(FieldProblem.of("code", "warehouse.code.tooLong", CODE_MAX));
        }
        if (name == null) {
            problems.add(FieldProblem.of("name", "warehouse.name.required"));
        } else if (name.length() > NAME_MAX) {
            problems.add(FieldProblem.of("name", "warehouse.name.tooLong", NAME_MAX));
        }
        if (address != null && address.length() > ADDRESS_MAX) {
            problems.add(FieldProblem.of("address", "warehouse.address.tooLong", ADDRESS_MAX));
        }
        TreeSet<String> codes = new TreeSet<>();
        for (String region : d.regionCodes()) {
            String r = Rows.blankToNull(region);
            if (r == null || regions.byCode(r).isEmpty()) {
                problems.add(FieldProblem.of("regionCodes", "warehouse.region.unknown", region == null ? "" : region));
            } else {
                codes.add(r);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new WarehouseDraft(code, name, address, List.copyOf(codes));
    }

    private static void requirePositive(BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new ValidationException(List.of(FieldProblem.of("quantity", "stock.quantity.notPositive",
                    quantity == null ? "" : plain(quantity))));
        }
    }

    private static void requireManager(Actor actor) {
        if (!Managers.isManager(actor)) {
            throw new CommerceException("stock.notAllowed");
        }
    }

    /** A quantity as people write it: 5, 2.5, never 5.000 or 5E+1. */
    public static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }
}
