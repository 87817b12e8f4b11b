package io.salesdesk.commerce.product;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Configuration;

/**
 * The catalogue: products with SKU, category, unit, list and cost price, ranked substitutes, and
 * deactivation (a product no longer sold stays on old quotes). Each call is one transaction; every
 * change is audited; a stale version is refused, never overwritten.
 */
public final class ProductService {

    public static final int LIST_LIMIT = 5000;
    static final int SKU_MAX = 40;
    static final int NAME_MAX = 200;
    static final int CATEGORY_MAX = 60;
    static final int UNIT_MAX = 16;
    /** The unit of a product whose draft names none. */
    public static final String DEFAULT_UNIT = "台";

    private final Database db;
    private final Clock clock;

    public ProductService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Whether products are edited in this database: not on a branch replica, which receives the
     * head office's catalogue on every sync (docs/decisions.md, decision 6).
     */
    public boolean editedHere() {
        return !db.transactionResult(cfg -> ProductRepository.using(cfg, clock).onReplica());
    }

    /**
     * Refuses a change of the catalogue on a branch replica: the next sync would overwrite it, and a
     * product made there would be unknown at the head office, which quotes it.
     *
     * @throws CommerceException {@code product.atHeadOffice}
     */
    public static void requireHeadOffice(ProductRepository products) {
        if (products.onReplica()) {
            throw new CommerceException("product.atHeadOffice");
        }
    }

    /**
     * The draft trimmed and checked: SKU, name and category required and not too long, prices
     * given and not negative (rounded HALF_UP to fen, as the database keeps them), blank unit 台.
     * SKU uniqueness is checked when writing.
     *
     * @throws ValidationException listing each refused field
     */
    public ProductDraft validate(ProductDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        String sku = text(d.sku());
        String name = text(d.name());
        String category = text(d.category());
        String unit = text(d.unit());
        required(problems, "sku", sku, SKU_MAX);
        required(problems, "name", name, NAME_MAX);
        required(problems, "category", category, CATEGORY_MAX);
        if (unit != null && unit.length() > UNIT_MAX) {
            problems.add(FieldProblem.of("unit", "product.unit.tooLong", UNIT_MAX));
        }
        BigDecimal list = price(problems, "listPrice", d.listPrice());
        BigDecimal cost = price(problems, "costPrice", d.costPrice());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new ProductDraft(sku, name, category, unit == null ? DEFAULT_UNIT : unit, list, cost);
    }

    /**
     * Creates an active product.
     *
     * @throws ValidationException for a refused field, {@code product.sku.taken} when the SKU exists
     */
    public Product create(Actor actor, ProductDraft draft) {
        ProductDraft valid = validate(draft);
        return db.transactionResult(cfg -> {
            ProductRepository products = ProductRepository.using(cfg, clock);
            requireHeadOffice(products);
            requireFreeSku(products, valid.sku(), null);
            UUID id = products.insert(actor, ChangeReason.user(), Ids.newId(clock), valid);
            return products.findAny(id).orElseThrow();
        });
    }

    /**
     * Changes what the product says; its active flag stays.
     *
     * @throws StaleRecordException if it changed since {@code expectedVersion}
     */
    public Product update(Actor actor, UUID id, long expectedVersion, ProductDraft draft) {
        ProductDraft valid = validate(draft);
        return db.transactionResult(cfg -> {
            ProductRepository products = ProductRepository.using(cfg, clock);
            requireHeadOffice(products);
            Product current = current(products, id, expectedVersion);
            requireFreeSku(products, valid.sku(), id);
            return products.update(actor, ChangeReason.user(), id, expectedVersion, valid, current.active());
        });
    }

    /** Stops selling the product: it leaves the pickers, stays on quotes and in stock. */
    public Product deactivate(Actor actor, UUID id, long expectedVersion) {
        return setActive(actor, id, expectedVersion, false);
    }

    /** Sells the product again. */
    public Product activate(Actor actor, UUID id, long expectedVersion) {
        return setActive(actor, id, expectedVersion, true);
    }

    private Product setActive(Actor actor, UUID id, long expectedVersion, boolean active) {
        return db.transactionResult(cfg -> {
            ProductRepository products = ProductRepository.using(cfg, clock);
            requireHeadOffice(products);
            Product current = current(products, id, expectedVersion);
            return products.update(actor, ChangeReason.user(), id, expectedVersion, current.toDraft(), active);
        });
    }

    /**
     * The product's change log, oldest first: who changed what and when, for a save that met
     * someone else's. The catalogue is the whole company's, so anyone may read it.
     */
    public List<ChangeEntry> history(UUID id) {
        return db.transactionResult(cfg -> ProductRepository.using(cfg, clock).findAny(id).isEmpty()
                ? List.<ChangeEntry>of() : ChangeLog.using(cfg, clock).forEntity(id));
    }

    public Optional<Product> find(UUID id) {
        return db.transactionResult(cfg -> ProductRepository.using(cfg, clock).findAny(id));
    }

    public Optional<Product> bySku(String sku) {
        return db.transactionResult(cfg -> ProductRepository.using(cfg, clock).bySku(sku.strip()));
    }

    /** Products by category and SKU; {@code text} (SKU or name) and {@code category} may be null for all. */
    public List<Product> list(String text, String category, boolean activeOnly) {
        return db.transactionResult(cfg -> ProductRepository.using(cfg, clock)
                .list(Rows.blankToNull(text), Rows.blankToNull(category), activeOnly, LIST_LIMIT));
    }

    public List<String> categories() {
        return db.transactionResult(cfg -> ProductRepository.using(cfg, clock).categories());
    }

    /** The product's substitutes, best first. */
    public List<Product> substitutes(UUID productId) {
        return db.transactionResult(cfg -> {
            ProductRepository products = ProductRepository.using(cfg, clock);
            List<UUID> ids = products.substituteIds(productId);
            Map<UUID, Product> byId = products.byIds(ids);
            return ids.stream().map(byId::get).filter(p -> p != null).toList();
        });
    }

    /**
     * Replaces the product's substitutes with {@code ranked}, best first (rank 1 is offered first
     * when the product is short).
     *
     * @throws ValidationException for the product itself, a repeated or an unknown product
     * @throws StaleRecordException if the product changed since {@code expectedVersion}
     */
    public Product setSubstitutes(Actor actor, UUID productId, long expectedVersion, List<UUID> ranked) {
        Set<UUID> seen = new HashSet<>();
        for (UUID id : ranked) {
            if (id.equals(productId)) {
                throw new ValidationException(List.of(FieldProblem.of("substitutes", "product.substitute.self")));
            }
            if (!seen.add(id)) {
                throw new ValidationException(List.of(FieldProblem.of("substitutes", "product.substitute.repeated")));
            }
        }
        return db.transactionResult(cfg -> {
            ProductRepository products = ProductRepository.using(cfg, clock);
            requireHeadOffice(products);
            current(products, productId, expectedVersion);
            Map<UUID, Product> found = products.byIds(ranked);
            if (found.size() != ranked.size()) {
                throw new ValidationException(List.of(FieldProblem.of("substitutes", "product.substitute.unknown")));
            }
            List<UUID> before = products.substituteIds(productId);
            Map<UUID, Product> old = products.byIds(before);
            products.replaceSubstitutes(actor, ChangeReason.user(), productId, expectedVersion, List.copyOf(ranked),
                    skus(before, old), skus(ranked, found));
            return products.findAny(productId).orElseThrow();
        });
    }

    /** Whether a live product other than {@code exceptId} has the SKU, in the caller's transaction. */
    public static void requireFreeSku(ProductRepository products, String sku, UUID exceptId) {
        if (products.skuTaken(sku, exceptId)) {
            throw new CommerceException("product.sku.taken", sku);
        }
    }

    /** Reads the product within {@code cfg} (for other services of the module). */
    public Optional<Product> find(Configuration cfg, UUID id) {
        return ProductRepository.using(cfg, clock).findAny(id);
    }

    private static Product current(ProductRepository products, UUID id, long expectedVersion) {
        Product current = products.findAny(id).orElse(null);
        if (current == null || current.version() != expectedVersion) {
            throw new StaleRecordException(ProductRepository.ENTITY, id, expectedVersion, current);
        }
        return current;
    }

    private static String skus(List<UUID> ids, Map<UUID, Product> products) {
        return ids.isEmpty() ? null : ids.stream().map(id -> products.containsKey(id) ? products.get(id).sku()
                : id.toString()).collect(Collectors.joining(","));
    }

    private static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null) {
            problems.add(FieldProblem.of(field, "product." + field + ".required"));
        } else if (value.length() > max) {
            problems.add(FieldProblem.of(field, "product." + field + ".tooLong", max));
        }
    }

    private static BigDecimal price(List<FieldProblem> problems, String field, BigDecimal value) {
        if (value == null) {
            problems.add(FieldProblem.of(field, "product." + field + ".required"));
            return null;
        }
        if (value.signum() < 0) {
            problems.add(FieldProblem.of(field, "product.price.negative", value.toPlainString()));
            return null;
        }
        if (value.compareTo(new BigDecimal("9999999999999999.99")) > 0) {
            problems.add(FieldProblem.of(field, "product.price.tooLarge", value.toPlainString()));
            return null;
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String text(String s) {
        String t = Rows.blankToNull(s);
        return t == null ? null : t.strip();
    }
}
