package io.salesdesk.core;

import java.util.UUID;

/**
 * An update was based on a version of a row that someone else has changed since.
 *
 * <p>Optimistic locking never overwrites silently: the caller gets this exception and shows the
 * user both versions. {@link #current()} carries the row as it is now (or {@code null} if it was
 * deleted meanwhile).
 */
public class StaleRecordException extends SalesDeskException {

    private final String entity;
    private final UUID id;
    private final long expectedVersion;
    private final transient Object current;

    public StaleRecordException(String entity, UUID id, long expectedVersion, Object current) {
        super("error.stale", entity, id, expectedVersion);
        this.entity = entity;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.current = current;
    }

    public String entity() {
        return entity;
    }

    public UUID id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    /** The row as it is in the database now, {@code null} if it has been deleted. */
    public Object current() {
        return current;
    }
}
