package io.salesdesk.ledger.map;

import io.salesdesk.ledger.read.CellKind;
import io.salesdesk.ledger.read.CellValue;
import io.salesdesk.ledger.read.LedgerRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the header row among the first rows of a sheet. Ledgers start with title rows
 * ("2021-2025年华东区客户台账", usually one merged cell), blank rows and notes; the header is the
 * first row of several short labels, most of them known field names, with data below it.
 */
public final class HeaderDetector {

    /** How many rows at the top of a sheet to look at. */
    public static final int ROWS_TO_EXAMINE = 30;

    private static final int MAX_LABEL_LENGTH = 30;
    private static final Pattern NUMBER_OR_DATE = Pattern.compile("[-+]?[\\d.,/:年月日\\s-]+");

    private final ColumnMapper mapper;

    /** A detector that recognises the labels and synonyms of a mapper's entity. */
    public HeaderDetector(ColumnMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Finds the header.
     *
     * @param rows the first rows of the sheet (more than {@link #ROWS_TO_EXAMINE} are ignored)
     * @return the header, or empty if no row looks like one
     */
    public Optional<HeaderRow> detect(List<LedgerRow> rows) {
        List<LedgerRow> top = rows.subList(0, Math.min(rows.size(), ROWS_TO_EXAMINE));
        int fallback = -1;
        for (int i = 0; i < top.size(); i++) {
            LedgerRow row = top.get(i);
            int labels = labelCount(row);
            int nonBlank = row.nonBlankCount();
            if (labels < 2 || labels * 10 < nonBlank * 8) {
                continue;
            }
            int known = knownCount(row);
            if (known >= 2 && known * 2 >= labels) {
                return Optional.of(withSecondRow(top, i));
            }
            if (fallback < 0 && i + 1 < top.size() && nonBlank * 2 >= top.get(i + 1).nonBlankCount()) {
                fallback = i;
            }
        }
        return fallback < 0 ? Optional.empty() : Optional.of(withSecondRow(top, fallback));
    }

    private HeaderRow withSecondRow(List<LedgerRow> rows, int index) {
        LedgerRow upper = rows.get(index);
        if (index + 1 < rows.size() && continuesHeader(upper, rows.get(index + 1))) {
            LedgerRow lower = rows.get(index + 1);
            int width = Math.max(upper.cells().size(), lower.cells().size());
            List<String> headers = new ArrayList<>(width);
            String spanning = "";
            for (int c = 0; c < width; c++) {
                String top = text(upper.cell(c));
                String bottom = text(lower.cell(c));
                if (!top.isEmpty()) {
                    spanning = top;
                }
                // Under a merged upper cell the lower labels complete it: 联系人 + 电话.
                headers.add(bottom.isEmpty() ? top : (top.isEmpty() ? spanning : top) + bottom);
            }
            return new HeaderRow(upper.rowNumber(), lower.rowNumber(), headers);
        }
        List<String> headers = upper.cells().stream().map(HeaderDetector::text).toList();
        return new HeaderRow(upper.rowNumber(), upper.rowNumber(), headers);
    }

    // The lower row continues the header if it holds only labels, at least one of them under a
    // blank upper cell that a merged label to its left spans, and none under single-width labels.
    private static boolean continuesHeader(LedgerRow upper, LedgerRow lower) {
        if (lower.rowNumber() != upper.rowNumber() + 1 || labelCount(lower) != lower.nonBlankCount()) {
            return false;
        }
        boolean spanned = false;
        boolean seenUpper = false;
        int width = Math.max(upper.cells().size(), lower.cells().size());
        for (int c = 0; c < width; c++) {
            boolean upperBlank = upper.cell(c).isBlank();
            boolean lowerBlank = lower.cell(c).isBlank();
            if (upperBlank && !lowerBlank && seenUpper) {
                spanned = true;
            }
            boolean singleWidth = !upperBlank && (c + 1 < upper.cells().size() && !upper.cell(c + 1).isBlank());
            if (singleWidth && !lowerBlank) {
                return false;
            }
            seenUpper |= !upperBlank;
        }
        return spanned;
    }

    private int knownCount(LedgerRow row) {
        return (int) row.cells().stream().filter(HeaderDetector::isLabel).map(HeaderDetector::text)
                .filter(mapper::isKnownHeader).count();
    }

    private static int labelCount(LedgerRow row) {
        return (int) row.cells().stream().filter(HeaderDetector::isLabel).count();
    }

    private static boolean isLabel(CellValue cell) {
        if (cell.kind() != CellKind.TEXT || cell.isBlank()) {
            return false;
        }
        String text = cell.text().strip();
        return text.length() <= MAX_LABEL_LENGTH && !NUMBER_OR_DATE.matcher(text).matches();
    }

    private static String text(CellValue cell) {
        return cell.isBlank() ? "" : cell.text().strip().replaceAll("\\s+", " ");
    }
}
