package io.salesdesk.ledger.read;

/**
 * How much of a ledger the reader accepts before it gives up, so that a huge or hostile file
 * fails quickly with a message instead of filling the memory.
 *
 * @param maxRows    most non-blank rows read from one sheet
 * @param maxColumns most columns per row; blank cells beyond it are ignored, values beyond it fail
 */
public record ReadLimits(int maxRows, int maxColumns) {

    /** Generous limits for an interactive import: a ledger larger than this belongs in several files. */
    public static final ReadLimits DEFAULT = new ReadLimits(200_000, 1_000);

    public ReadLimits {
        if (maxRows < 1 || maxColumns < 1) {
            throw new IllegalArgumentException("行数和列数上限必须为正数：" + maxRows + ", " + maxColumns);
        }
    }
}
