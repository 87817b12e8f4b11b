package io.salesdesk.commerce.stock;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.CommerceMessages;
import io.salesdesk.commerce.freeze.OrderFreeze;
import io.salesdesk.commerce.freeze.OrderFreezeService;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductRepository;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Configuration;

/**
 * The products an opportunity plans to sell and their stock check. Saving the lines checks stock
 * in the warehouses serving the customer's region in the same transaction, keeps the result on the
 * opportunity and, when something is short, freezes the customer's orders in the short categories.
 * {@link #reserveForOrder} checks again at commit, because stock may have changed since.
 */
public final class OpportunityLines {

    /** Most lines one opportunity may have. */
    public static final int MAX_LINES = 200;

    private final Database db;
    private final Clock clock;
    private final OrderFreezeService freezes;
    private final StockService stock;
    private final StockChecker checker;

    public OpportunityLines(Database db, Clock clock, OrderFreezeService freezes, StockService stock) {
        this.db = db;
        this.clock = clock;
        this.freezes = freezes;
        this.stock = stock;
        this.checker = new StockChecker(clock);
    }

    /** The result of saving or checking: the check, and the freezes it started (empty when none). */
    public record Checked(StockCheck check, List<OrderFreeze> freezes) {
    }

    /** The opportunity's lines in order, if the viewer may see it. */
    public List<OpportunityLine> lines(Actor viewer, UUID opportunityId) {
        return db.transactionResult(cfg -> {
            visible(cfg, viewer, opportunityId);
            return OpportunityLineRepository.using(cfg, clock).forOpportunity(opportunityId);
        });
    }

    /** The opportunity's last kept check. */
    public Optional<StockCheck> lastCheck(Actor viewer, UUID opportunityId) {
        return db.transactionResult(cfg -> {
            visible(cfg, viewer, opportunityId);
            return StockCheckRepository.using(cfg).find(opportunityId);
        });
    }

    /**
     * Checks lines not saved yet for a customer in {@code regionCode} (the form while it is being
     * filled in); keeps nothing and freezes nothing.
     */
    public StockCheck preview(String regionCode, List<OpportunityLine.Draft> lines) {
        List<OpportunityLine.Draft> valid = validate(lines);
        return db.transactionResult(cfg -> {
            requireProducts(cfg, valid);
            return checker.check(cfg, null, regionCode, valid, null, Rows.now(clock));
        });
    }

    /**
     * Replaces the opportunity's lines and checks their stock in one transaction; keeps the check
     * and, on a shortage, freezes the customer's orders in each short category.
     *
     * @throws ValidationException for a line without product or with a quantity not above zero
     * @throws CommerceException   {@code opportunity.notFound} if the actor cannot see it
     */
    public Checked save(Actor actor, UUID opportunityId, List<OpportunityLine.Draft> lines) {
        List<OpportunityLine.Draft> valid = validate(lines);
        return db.transactionResult(cfg -> {
            Opportunity deal = visible(cfg, actor, opportunityId);
            Map<UUID, Product> products = requireProducts(cfg, valid);
            Map<UUID, String> skus = new LinkedHashMap<>();
            products.values().forEach(p -> skus.put(p.id(), p.sku()));
            OpportunityLineRepository.using(cfg, clock).replace(actor, ChangeReason.user(), opportunityId, valid, skus);
            if (valid.isEmpty()) {
                StockCheckRepository.using(cfg).delete(opportunityId);
                return new Checked(new StockCheck(opportunityId, deal.regionCode(), Rows.now(clock),
                        actor.userId(), false, List.of()), List.of());
            }
            return checkAndKeep(cfg, actor, deal, valid);
        });
    }

    /** Runs the check again on the saved lines (stock moved), keeps it and freezes as {@link #save} does. */
    public Checked check(Actor actor, UUID opportunityId) {
        return db.transactionResult(cfg -> {
            Opportunity deal = visible(cfg, actor, opportunityId);
            List<OpportunityLine.Draft> lines = drafts(cfg, opportunityId);
            if (lines.isEmpty()) {
                throw new CommerceException("opportunity.noLines");
            }
            return checkAndKeep(cfg, actor, deal, lines);
        });
    }

    /**
     * Reserves the stock of the opportunity's lines for its order, checking availability again inside
     * the transaction with the stock rows locked: what the earlier check saw may have been taken
     * since. Each SKU is taken from the serving warehouses with the most available first. All or
     * nothing: if any SKU is short now, nothing is reserved.
     *
     * @throws StockShortageException listing each SKU that is short now, with what is available
     */
    public List<Reservation> reserveForOrder(Actor actor, UUID opportunityId) {
        return db.transactionResult(cfg -> {
            Opportunity deal = visible(cfg, actor, opportunityId);
            List<OpportunityLine> lines = OpportunityLineRepository.using(cfg, clock).forOpportunity(opportunityId);
            if (lines.isEmpty()) {
                throw new CommerceException("opportunity.noLines");
            }
            Map<UUID, BigDecimal> wanted = new LinkedHashMap<>();
            Map<UUID, OpportunityLine> first = new LinkedHashMap<>();
            for (OpportunityLine l : lines) {
                wanted.merge(l.productId(), l.quantity(), BigDecimal::add);
                first.putIfAbsent(l.productId(), l);
            }
            List<UUID> serving = WarehouseRepository.using(cfg, clock)
                    .covering(ServingRegions.codesServing(deal.regionCode())).stream().map(Warehouse::id).toList();
            List<StockLevel> levels = StockRepository.using(cfg, clock).levels(wanted.keySet(), serving, true);
            Map<UUID, List<StockLevel>> byProduct = levels.stream()
                    .collect(Collectors.groupingBy(StockLevel::productId));
            List<StockShortageException.Shortage> shortages = new ArrayList<>();
            for (Map.Entry<UUID, BigDecimal> w : wanted.entrySet()) {
                BigDecimal available = byProduct.getOrDefault(w.getKey(), List.of()).stream()
                        .map(StockLevel::available).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (available.compareTo(w.getValue()) < 0) {
                    OpportunityLine l = first.get(w.getKey());
                    shortages.add(new StockShortageException.Shortage(l.sku(), l.productName(), w.getValue(),
                            available));
                }
            }
            if (!shortages.isEmpty()) {
                throw new StockShortageException(shortages);
            }
            List<Reservation> reserved = new ArrayList<>();
            for (Map.Entry<UUID, BigDecimal> w : wanted.entrySet()) {
                BigDecimal left = w.getValue();
                List<StockLevel> from = new ArrayList<>(byProduct.get(w.getKey()));
                from.sort(Comparator.comparing(StockLevel::available).reversed()
                        .thenComparing(StockLevel::warehouseCode));
                for (StockLevel level : from) {
                    if (left.signum() == 0) {
                        break;
                    }
                    BigDecimal take = left.min(level.available());
                    if (take.signum() > 0) {
                        stock.reserve(cfg, actor, w.getKey(), level.warehouseId(), take);
                        reserved.add(new Reservation(w.getKey(), level.sku(), level.warehouseId(),
                                level.warehouseCode(), take));
                        left = left.subtract(take);
                    }
                }
            }
            List<OpportunityLine.Draft> drafts = lines.stream()
                    .map(l -> new OpportunityLine.Draft(l.productId(), l.quantity())).toList();
            StockCheckRepository.using(cfg).save(checker.check(cfg, opportunityId, deal.regionCode(), drafts,
                    actor.userId(), Rows.now(clock)));
            return reserved;
        });
    }

    private Checked checkAndKeep(Configuration cfg, Actor actor, Opportunity deal, List<OpportunityLine.Draft> lines) {
        StockCheck check = checker.check(cfg, deal.id(), deal.regionCode(), lines, actor.userId(), Rows.now(clock));
        StockCheckRepository.using(cfg).save(check);
        List<OrderFreeze> frozen = List.of();
        if (check.hasShortage()) {
            List<String> shortTexts = new ArrayList<>();
            for (LineCheck line : check.shortLines()) {
                shortTexts.add(line.sku() + " " + StockService.plain(line.shortage()));
            }
            // Kept in Chinese, the language of the sales organisation: the reason is data, not UI.
            String reason = CommerceMessages.text(Locale.SIMPLIFIED_CHINESE, "freeze.reason.shortage",
                    String.join("，", shortTexts));
            frozen = freezes.hold(cfg, actor, deal.customerId(), deal.id(),
                    check.shortLines().stream().map(LineCheck::category).toList(), reason);
        }
        return new Checked(check, frozen);
    }

    private List<OpportunityLine.Draft> drafts(Configuration cfg, UUID opportunityId) {
        return OpportunityLineRepository.using(cfg, clock).forOpportunity(opportunityId).stream()
                .map(l -> new OpportunityLine.Draft(l.productId(), l.quantity())).toList();
    }

    private Opportunity visible(Configuration cfg, Actor viewer, UUID opportunityId) {
        return OpportunityRepository.using(cfg, clock).find(viewer, opportunityId)
                .orElseThrow(() -> new CommerceException("opportunity.notFound"));
    }

    private Map<UUID, Product> requireProducts(Configuration cfg, List<OpportunityLine.Draft> lines) {
        Map<UUID, Product> products = ProductRepository.using(cfg, clock)
                .byIds(lines.stream().map(OpportunityLine.Draft::productId).toList());
        for (int i = 0; i < lines.size(); i++) {
            if (!products.containsKey(lines.get(i).productId())) {
                throw new ValidationException(List.of(FieldProblem.of("lines", "opportunityLine.product.unknown",
                        i + 1)));
            }
        }
        return products;
    }

    private static List<OpportunityLine.Draft> validate(List<OpportunityLine.Draft> lines) {
        List<FieldProblem> problems = new ArrayList<>();
        if (lines.size() > MAX_LINES) {
            problems.add(FieldProblem.of("lines", "opportunityLine.tooMany", MAX_LINES));
        }
        for (int i = 0; i < lines.size(); i++) {
            OpportunityLine.Draft l = lines.get(i);
            if (l.productId() == null) {
                problems.add(FieldProblem.of("lines", "opportunityLine.product.required", i + 1));
            }
            if (l.quantity() == null || l.quantity().signum() <= 0) {
                problems.add(FieldProblem.of("lines", "opportunityLine.quantity.notPositive", i + 1));
            } else if (l.quantity().stripTrailingZeros().scale() > 3) {
                problems.add(FieldProblem.of("lines", "opportunityLine.quantity.tooPrecise", i + 1));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return List.copyOf(lines);
    }
}
