package io.salesdesk.commerce.quote;

import io.salesdesk.commerce.CommerceSettings;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Configuration;

/**
 * A quote's lines as one text, as its audit entries record them ("SKU×qty@price-discount%, …"),
 * and back: lines travel between a branch replica and the head office as this one field
 * (docs/decisions.md, decision 6), and the receiving side prices them again from its catalogue.
 */
public final class QuoteLinesText {

    private QuoteLinesText() {
    }

    /** The lines as the audit trail records them. */
    public static String format(List<QuoteLine> lines) {
        return lines.stream().map(l -> l.sku() + "×" + l.quantity().stripTrailingZeros().toPlainString() + "@"
                + l.unitPrice().toPlainString() + "-" + l.discountPct().stripTrailingZeros().toPlainString() + "%")
                .collect(Collectors.joining(", "));
    }

    /**
     * The quote with the lines of {@code text} in place of its own, and its totals, largest discount
     * and approval need computed from them as {@link QuoteService} does, so they can never disagree
     * with the lines. A line's cost is its product's cost price here (the catalogue comes from the
     * head office, so both sides price alike).
     *
     * @throws IllegalArgumentException for a text that is not lines, or a SKU this side does not know
     */
    public static Quote withLines(Configuration cfg, Clock clock, Quote header, String text) {
        List<Line> parts = parse(text);
        Map<String, Product> products = ProductRepository.using(cfg, clock)
                .bySkus(parts.stream().map(Line::sku).toList());
        BigDecimal threshold = CommerceSettings.discountApprovalPct(cfg);
        List<QuoteLine> lines = new ArrayList<>();
        BigDecimal maxOff = BigDecimal.ZERO.setScale(2);
        for (Line p : parts) {
            Product product = products.get(p.sku());
            if (product == null) {
                throw new IllegalArgumentException("Quote " + header.quoteNo() + " names product " + p.sku()
                        + ", which this database's catalogue does not have");
            }
            BigDecimal qty = new BigDecimal(p.quantity());
            BigDecimal unitPrice = new BigDecimal(p.unitPrice()).setScale(2);
            BigDecimal discount = new BigDecimal(p.discountPct()).setScale(2);
            maxOff = maxOff.max(QuoteMath.discountOffList(unitPrice, discount, product.listPrice()));
            lines.add(QuoteRepository.line(lines.size() + 1, product.id(), product.sku(), product.name(),
                    product.category(), qty, unitPrice, discount, product.costPrice()));
        }
        BigDecimal totalList = QuoteMath.sum(lines.stream().map(QuoteLine::listAmount).toList());
        BigDecimal totalNet = QuoteMath.sum(lines.stream().map(QuoteLine::netAmount).toList());
        BigDecimal totalCost = QuoteMath.sum(lines.stream().map(QuoteLine::costAmount).toList());
        return new Quote(header.id(), header.quoteNo(), header.opportunityId(), header.customerId(), header.ownerId(),
                header.status(), header.validUntil(), totalList, totalNet, totalCost, maxOff,
                maxOff.compareTo(threshold) > 0, header.note(), header.sentAt(), lines, header.version());
    }

    /** One line of the text, as written there. */
    public record Line(String sku, String quantity, String unitPrice, String discountPct) {
    }

    /**
     * The lines of the text, in order (none for null or blank).
     *
     * @throws IllegalArgumentException for a part that is not a line
     */
    public static List<Line> parse(String text) {
        List<Line> parts = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return parts;
        }
        for (String line : text.split(", ")) {
            int times = line.lastIndexOf('×');
            int at = line.indexOf('@', times + 1);
            int minus = line.lastIndexOf('-');
            if (times <= 0 || at < 0 || minus < at || !line.endsWith("%")) {
                throw new IllegalArgumentException("Not a quote line: " + line);
            }
            parts.add(new Line(line.substring(0, times), line.substring(times + 1, at),
                    line.substring(at + 1, minus), line.substring(minus + 1, line.length() - 1)));
        }
        return parts;
    }
}
