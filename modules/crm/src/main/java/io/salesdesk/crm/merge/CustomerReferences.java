package io.salesdesk.crm.merge;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * How one module moves its rows that point to a customer when that customer is merged into another.
 * Each module that owns customer references registers one in
 * {@code META-INF/services/io.salesdesk.crm.merge.CustomerReferences}, so that crm merges customers
 * without knowing the tables of the modules built on it.
 */
public interface CustomerReferences {

    /**
     * Moves every row that points to {@code from} to {@code into}, in the caller's transaction,
     * recording each moved business row in the audit trail with {@code reason}.
     *
     * @return how many rows moved, by kind (the table name), kinds with none left out
     */
    Map<String, Integer> move(Configuration configuration, Clock clock, Actor actor, ChangeReason reason, UUID from,
                              UUID into);
}
