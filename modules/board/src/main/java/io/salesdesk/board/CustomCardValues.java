package io.salesdesk.board;

import io.salesdesk.core.Actor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The custom fields boards show, group by and set, as the studio module keeps them. Boards sit below
 * studio (studio's rules act on boards), so they see custom fields through this port, which the
 * composition root fills with studio's implementation.
 */
public interface CustomCardValues {

    /** The fields in use on an entity ({@code CUSTOMER}, {@code CONTACT}, {@code OPPORTUNITY}, {@code TASK}), in order. */
    List<CustomCardField> fields(String entity);

    /**
     * Several records' values as canonical text, by record id and field key, in one query. Records
     * without a value are absent.
     */
    Map<UUID, Map<String, String>> values(String entity, Collection<UUID> recordIds);

    /**
     * Sets one value (null or blank clears it) with the field's own checks and audit record.
     *
     * @throws io.salesdesk.core.ValidationException when the field refuses the value, saying why
     */
    void set(Actor actor, String entity, UUID recordId, String key, String value);
}
