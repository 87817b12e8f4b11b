package io.salesdesk.ledger.convert;

/**
 * What the converter needs to know about the file being imported.
 *
 * @param date1904  whether the workbook counts date serials from 1904 ({@code LedgerFile.date1904()})
 * @param dateOrder how to read year-last date texts
 */
public record ConversionContext(boolean date1904, DateOrder dateOrder) {

    /** A 1900-based workbook with year-first dates only. */
    public static final ConversionContext DEFAULT = new ConversionContext(false, DateOrder.YEAR_FIRST);
}
