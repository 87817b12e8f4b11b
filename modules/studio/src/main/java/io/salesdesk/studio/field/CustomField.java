package io.salesdesk.studio.field;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A field a business user added to an entity.
 *
 * @param key       the stable name rules, imports and templates use ("bed_count"); never changes
 * @param choices   the choices of a single or multiple choice field, in order; empty otherwise
 * @param retiredAt when it was retired (hidden everywhere, values kept); null while in use
 */
public record CustomField(UUID id, CustomEntity entity, String key, String label, FieldType type, List<String> choices,
                          boolean required, String defaultValue, String helpText, int order, OffsetDateTime retiredAt,
                          long version) {

    public CustomField {
        choices = List.copyOf(choices);
    }

    public boolean retired() {
        return retiredAt != null;
    }
}
