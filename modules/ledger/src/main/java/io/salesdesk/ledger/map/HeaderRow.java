package io.salesdesk.ledger.map;

import java.util.List;

/**
 * The header found in a sheet.
 *
 * @param firstRowNumber 1-based row number of the (upper) header row
 * @param lastRowNumber  1-based row number of the last header row; data starts below it. Equal to
 *                       {@code firstRowNumber} unless the header spans two rows
 * @param headers        header texts by 0-based column; for a two-row header the upper and lower
 *                       texts joined ("联系人" over "电话" gives "联系人电话"); blank columns are ""
 */
public record HeaderRow(int firstRowNumber, int lastRowNumber, List<String> headers) {

    public HeaderRow {
        headers = List.copyOf(headers);
    }
}
