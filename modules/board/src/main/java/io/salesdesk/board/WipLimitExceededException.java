package io.salesdesk.board;

import io.salesdesk.core.SalesDeskException;

/**
 * A move would take a column past its WIP limit. The user is asked to confirm; the move is then
 * made again with the confirmation.
 */
public class WipLimitExceededException extends SalesDeskException {

    private final String column;
    private final int limit;

    public WipLimitExceededException(ColumnValue column, int limit, int count) {
        super("board.wipExceeded", column.nameZh(), column.nameEn(), limit, count);
        this.column = column.key();
        this.limit = limit;
    }

    public String column() {
        return column;
    }

    public int limit() {
        return limit;
    }
}
