package io.salesdesk.ledger.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts an import's rows into chunks that can each be written in a transaction of their own. A row
 * that the file repeats (a later row set to update the earlier one) is merged into that earlier
 * row by the writer, so it always goes into the earlier row's chunk; otherwise the rows keep their
 * order and each chunk holds about the given number of rows to write.
 */
final class ImportChunks {

    private ImportChunks() {
    }

    /**
     * The rows in chunks.
     *
     * @param rows     all rows, top to bottom
     * @param maxRows  rows to write per chunk (later duplicates of its rows come on top)
     * @return the chunks in order, each top to bottom; empty for no rows
     */
    static List<List<ImportRow>> split(List<ImportRow> rows, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows " + maxRows);
        }
        List<List<ImportRow>> chunks = new ArrayList<>();
        Map<Integer, Integer> chunkOfRow = new HashMap<>();
        int writtenInLast = 0;
        for (ImportRow row : rows) {
            RowMatch match = row.match();
            Integer earlier = match != null && match.inFile() ? chunkOfRow.get(match.fileRowNumber()) : null;
            int chunk;
            if (earlier != null) {
                chunk = earlier;
            } else {
                if (chunks.isEmpty() || writtenInLast >= maxRows) {
                    chunks.add(new ArrayList<>());
                    writtenInLast = 0;
                }
                chunk = chunks.size() - 1;
                if (row.action() == RowAction.CREATE || row.action() == RowAction.UPDATE) {
                    writtenInLast++;
                }
            }
            chunks.get(chunk).add(row);
            chunkOfRow.put(row.rowNumber(), chunk);
        }
        return chunks;
    }

    /**
     * Written rows in chunks of at most {@code maxRows}, for taking a batch back chunk by chunk;
     * one empty chunk when there are none, so the work that ends with the last chunk still runs.
     */
    static List<List<WrittenRow>> of(List<WrittenRow> written, int maxRows) {
        if (written.isEmpty()) {
            return List.of(List.of());
        }
        List<List<WrittenRow>> chunks = new ArrayList<>();
        for (int from = 0; from < written.size(); from += maxRows) {
            chunks.add(written.subList(from, Math.min(written.size(), from + maxRows)));
        }
        return chunks;
    }
}
