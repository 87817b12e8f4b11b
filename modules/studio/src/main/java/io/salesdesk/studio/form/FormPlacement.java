package io.salesdesk.studio.form;

import io.salesdesk.core.Role;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A field placed in a section of a form.
 *
 * @param field       the field's name: a built-in field's ({@code name}, {@code tier}) or {@code custom.KEY}
 * @param required    whether the form asks for a value; a field the record needs is always required
 * @param fullWidth   whether it spans both columns of a two-column section
 * @param visibleWhen when it shows; null for always
 * @param readOnlyFor the roles that see but may not change its value on an existing record
 */
public record FormPlacement(String field, boolean required, boolean fullWidth, VisibleWhen visibleWhen,
                            Set<Role> readOnlyFor) {

    public FormPlacement {
        Objects.requireNonNull(field, "field");
        readOnlyFor = readOnlyFor == null || readOnlyFor.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(readOnlyFor));
    }

    /** A field placed plainly: optional, one column, always shown, editable by everyone. */
    public static FormPlacement of(String field, boolean fullWidth) {
        return new FormPlacement(field, false, fullWidth, null, Set.of());
    }

    public FormPlacement withRequired(boolean now) {
        return new FormPlacement(field, now, fullWidth, visibleWhen, readOnlyFor);
    }

    public FormPlacement withVisibleWhen(VisibleWhen now) {
        return new FormPlacement(field, required, fullWidth, now, readOnlyFor);
    }

    public FormPlacement withFullWidth(boolean now) {
        return new FormPlacement(field, required, now, visibleWhen, readOnlyFor);
    }

    public FormPlacement withReadOnlyFor(Set<Role> now) {
        return new FormPlacement(field, required, fullWidth, visibleWhen, now);
    }

    /** Whether a user of this role may change the value of an existing record here. */
    public boolean readOnlyFor(Role role) {
        return readOnlyFor.contains(role);
    }
}
