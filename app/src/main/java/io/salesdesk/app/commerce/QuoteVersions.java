package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.MergeFields;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteDraft;
import io.salesdesk.commerce.quote.QuoteLineDraft;

/**
 * A version of a quote as field name → text for the field-by-field merge: the date it holds until,
 * the note, and its lines as one field (a change to any line is a change to the lines, as the change
 * log records them); and back. The lines read as the form shows them: product, quantity, unit price
 * in yuan and a discount if any, one line each.
 */
final class QuoteVersions {

    private static final Map<String, String> LABELS = Map.of("validUntil", "quotes.form.validUntil",
            "note", "quotes.form.note", "lines", "quotes.form.lines");
    /** Stands for a missing product, quantity or price in a line's text. */
    private static final String NONE = "-";

    private QuoteVersions() {
    }

    /** The quote as the form starts from it. */
    static QuoteDraft draftOf(Quote q) {
        return new QuoteDraft(q.customerId(), q.opportunityId(), q.validUntil(), q.note(), q.lines().stream()
                .map(l -> new QuoteLineDraft(l.productId(), l.quantity(), l.unitPrice(), l.discountPct())).toList());
    }

    static Map<String, String> fields(QuoteDraft d) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("validUntil", d.validUntil() == null ? null : d.validUntil().toString());
        fields.put("note", d.note());
        fields.put("lines", linesText(d.lines()));
        return fields;
    }

    /** The merged fields as a draft of the same quote as {@code about}. */
    static QuoteDraft draft(QuoteDraft about, Map<String, String> f) {
        return new QuoteDraft(about.customerId(), about.opportunityId(),
                f.get("validUntil") == null ? null : LocalDate.parse(f.get("validUntil")), f.get("note"),
                lines(f.get("lines")));
    }

    /**
     * One line a row, "product quantity price discount", numbers without trailing zeros, so that the
     * same lines typed in the form and read from the database compare equal; an empty discount is none.
     */
    static String linesText(List<QuoteLineDraft> lines) {
        List<String> rows = new ArrayList<>();
        for (QuoteLineDraft l : lines) {
            rows.add(String.join(" ", l.productId() == null ? NONE : l.productId().toString(), number(l.quantity()),
                    number(l.unitPrice()), number(l.discountPct() == null ? BigDecimal.ZERO : l.discountPct())));
        }
        return String.join("\n", rows);
    }

    static List<QuoteLineDraft> lines(String text) {
        List<QuoteLineDraft> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        for (String row : text.split("\n")) {
            String[] p = row.split(" ");
            lines.add(new QuoteLineDraft(p[0].equals(NONE) ? null : UUID.fromString(p[0]), decimal(p[1]),
                    decimal(p[2]), decimal(p[3])));
        }
        return lines;
    }

    /**
     * The quote's fields in words.
     *
     * @param productNames each product of the three versions' lines by name, by id
     */
    static MergeFields mergeFields(AppContext context, Map<UUID, String> productNames) {
        return new MergeFields(context, null, LABELS, (name, value) -> display(name, value, productNames));
    }

    private static String display(String name, String value, Map<UUID, String> productNames) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (name) {
            case "validUntil" -> Formats.date(LocalDate.parse(value));
            case "lines" -> String.join("\n", lines(value).stream().map(l -> lineInWords(l, productNames)).toList());
            default -> value;
        };
    }

    private static String lineInWords(QuoteLineDraft l, Map<UUID, String> productNames) {
        String product = l.productId() == null ? I18n.get("quotes.merge.noProduct")
                : productNames.getOrDefault(l.productId(), l.productId().toString());
        String quantity = l.quantity() == null ? NONE : Figures.quantity(l.quantity());
        String price = l.unitPrice() == null ? I18n.get("quotes.merge.listPrice") : Columns.yuan(l.unitPrice());
        return l.discountPct() == null || l.discountPct().signum() == 0
                ? I18n.get("quotes.merge.line", product, quantity, price)
                : I18n.get("quotes.merge.lineDiscount", product, quantity, price, number(l.discountPct()));
    }

    private static String number(BigDecimal n) {
        return n == null ? NONE : n.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal decimal(String text) {
        return text.equals(NONE) ? null : new BigDecimal(text);
    }
}
