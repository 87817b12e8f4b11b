package io.salesdesk.commerce.stock;

import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Runs a stock check in the caller's transaction, in a handful of queries whatever the number of
 * lines and warehouses: the serving warehouses, the planned products and their stock summed per
 * product over those warehouses; then, only if some line is short, that line's substitutes and
 * their stock. Substitutes of lines that are covered are never read: on a large catalogue reading
 * stock rows is most of the check's cost.
 */
final class StockChecker {

    private final Clock clock;

    StockChecker(Clock clock) {
        this.clock = clock;
    }

    /**
     * Checks the lines for a customer in {@code regionCode}.
     *
     * @param lines product and quantity; the same product twice counts as one SKU with both quantities
     */
    StockCheck check(Configuration cfg, UUID opportunityId, String regionCode, List<OpportunityLine.Draft> lines,
                     UUID by, OffsetDateTime at) {
        Map<UUID, BigDecimal> wanted = new LinkedHashMap<>();
        for (OpportunityLine.Draft line : lines) {
            wanted.merge(line.productId(), line.quantity(), BigDecimal::add);
        }
        ProductRepository productRows = ProductRepository.using(cfg, clock);
        StockRepository stockRows = StockRepository.using(cfg, clock);
        List<UUID> serving = stockRows.servingWarehouseIds(ServingRegions.codesServing(regionCode));
        Map<UUID, Product> products = new HashMap<>(productRows.byIds(wanted.keySet()));
        Map<UUID, Availability> stock = new HashMap<>(stockRows.availabilityIn(wanted.keySet(), serving));
        Set<UUID> shortLines = new HashSet<>();
        wanted.forEach((id, quantity) -> {
            if (quantity.compareTo(stock.getOrDefault(id, Availability.NONE).available()) > 0) {
                shortLines.add(id);
            }
        });
        Map<UUID, List<UUID>> substitutes = shortLines.isEmpty() ? Map.of() : productRows.substituteIds(shortLines);
        Set<UUID> others = new HashSet<>();
        substitutes.values().forEach(others::addAll);
        others.removeAll(products.keySet());
        if (!others.isEmpty()) {
            products.putAll(productRows.byIds(others));
            stock.putAll(stockRows.availabilityIn(others, serving));
        }
        List<LineCheck> checks = new ArrayList<>(wanted.size());
        for (Map.Entry<UUID, BigDecimal> line : wanted.entrySet()) {
            Product product = products.get(line.getKey());
            Availability a = stock.getOrDefault(line.getKey(), Availability.NONE);
            BigDecimal quantity = line.getValue();
            BigDecimal shortage = quantity.subtract(a.available()).max(BigDecimal.ZERO);
            List<SubstituteOption> options = new ArrayList<>();
            if (shortage.signum() > 0) {
                int rank = 0;
                for (UUID id : substitutes.getOrDefault(line.getKey(), List.of())) {
                    Product s = products.get(id);
                    if (s == null || !s.active()) {
                        continue;
                    }
                    Availability sa = stock.getOrDefault(id, Availability.NONE);
                    options.add(new SubstituteOption(++rank, id, s.sku(), s.name(), sa.available(),
                            sa.available().compareTo(quantity) >= 0, sa.inbound(), sa.earliestEta()));
                }
            }
            checks.add(new LineCheck(line.getKey(), product == null ? null : product.sku(),
                    product == null ? null : product.name(), product == null ? null : product.category(), quantity,
                    a.available(), shortage, a.inbound(), a.earliestEta(), options));
        }
        boolean shortage = checks.stream().anyMatch(LineCheck::isShort);
        return new StockCheck(opportunityId, regionCode, at, by, shortage, checks);
    }
}
