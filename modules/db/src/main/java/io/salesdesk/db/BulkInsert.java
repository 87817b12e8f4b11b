package io.salesdesk.db;

import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableRecord;

/**
 * Inserts many rows of one table as one JDBC batch of a single prepared INSERT. jOOQ's record
 * batch renders every record on its own, which made the demo workspace ten times slower.
 */
public final class BulkInsert {

    // Each batch prepares the statement again; large batches keep that cost out of a big import.
    private static final int BATCH_SIZE = 5000;

    private BulkInsert() {
    }

    /** Inserts the records, all of the same table, with every field of the table. */
    public static <R extends TableRecord<R>> void insert(DSLContext dsl, List<R> records) {
        if (records.isEmpty()) {
            return;
        }
        R first = records.get(0);
        Field<?>[] fields = first.getTable().fields();
        for (int from = 0; from < records.size(); from += BATCH_SIZE) {
            BatchBindStep batch = dsl.batch(dsl.insertInto(first.getTable()).columns(fields)
                    .values(new Object[fields.length]));
            for (R record : records.subList(from, Math.min(records.size(), from + BATCH_SIZE))) {
                Object[] values = new Object[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    values[i] = record.get(i); // a table record's fields are the table's, in order
                }
                batch.bind(values);
            }
            batch.execute();
        }
    }
}
