package io.salesdesk.studio.form;

import io.salesdesk.studio.field.CustomEntity;
import java.util.List;
import java.util.Optional;

/**
 * How an entity's form is laid out: its sections in order, each with its placed fields. Every field in
 * use appears exactly once.
 *
 * @param leftOff the fields the designer left off the form on purpose (its palette); a field added since is
 *                not among them and shows in a trailing section
 * @param version the saved layout's version, to save a change on; 0 when none was ever saved
 * @param saved   whether a business user's layout is in use (false: the default one)
 */
public record FormLayout(CustomEntity entity, List<FormSection> sections, List<String> leftOff, long version,
                         boolean saved) {

    public FormLayout {
        sections = List.copyOf(sections);
        leftOff = List.copyOf(leftOff);
    }

    /** The placement of a field, if it is on the form. */
    public Optional<FormPlacement> placement(String field) {
        return sections.stream().flatMap(s -> s.fields().stream()).filter(p -> p.field().equals(field)).findFirst();
    }

    /** Every placement in form order. */
    public List<FormPlacement> placements() {
        return sections.stream().flatMap(s -> s.fields().stream()).toList();
    }
}
