package io.salesdesk.commerce.stock;

import io.salesdesk.commerce.CommerceException;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stock was checked again when the order was placed and is short now (someone else took it since
 * the opportunity's check): nothing was reserved. {@link #shortages()} lists what is short now.
 */
public class StockShortageException extends CommerceException {

    private final transient List<Shortage> shortages;

    public StockShortageException(List<Shortage> shortages) {
        super("stock.order.short", shortages.stream()
                .map(s -> s.sku() + " " + StockService.plain(s.wanted()) + " > " + StockService.plain(s.available()))
                .collect(Collectors.joining("; ")));
        this.shortages = List.copyOf(shortages);
    }

    public List<Shortage> shortages() {
        return shortages;
    }

    /**
     * One SKU that is short at commit.
     *
     * @param wanted    the order's quantity
     * @param available what the serving warehouses have now
     */
    public record Shortage(String sku, String name, BigDecimal wanted, BigDecimal available) {
    }
}
