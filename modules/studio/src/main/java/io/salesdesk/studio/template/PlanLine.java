package io.salesdesk.studio.template;

import java.util.List;

/**
 * One line of what an install will do.
 *
 * @param kind   what the item is
 * @param key    how the template names it
 * @param label  what a person reads
 * @param action what the install does with it
 * @param existingLabel for {@link Action#EXISTS}: what the workspace's own item is called, when that differs
 *                      from the template's label (a flow of the same action under another name); null otherwise
 * @param note   why, for a conflict and for choices added to a field; null otherwise
 */
public record PlanLine(ItemKind kind, String key, String label, Action action, String existingLabel, Note note) {

    public PlanLine(ItemKind kind, String key, String label, Action action) {
        this(kind, key, label, action, null, null);
    }

    public PlanLine(ItemKind kind, String key, String label, Action action, String existingLabel) {
        this(kind, key, label, action, existingLabel, null);
    }

    /** What an install does with an item. */
    public enum Action {
        /** The workspace has no such item: it is added. */
        ADD,
        /** The workspace has it, retired or switched off: it is switched back on, as it is. */
        RESTORE,
        /** A setting the template changes (the bonus formula, dispatch weights); uninstall puts it back. */
        REPLACE,
        /** The workspace already has an item with this key: it is left as it is, not overwritten. */
        EXISTS,
        /** The workspace has this choice field already: it is kept, the template's missing choices are added. */
        MERGE,
        /** A newer version of an installed template changed the item, and nobody changed it here: it is updated. */
        UPDATE,
        /** A newer version changed the item, but someone changed it here since the install: it is kept as it is. */
        KEEP_CHANGED,
        /** The workspace's item cannot be the template's (another type, its label under another key): refused. */
        CONFLICT
    }

    /**
     * Why a line is what it is, in values the app words in the user's language.
     *
     * @param values {@link Reason#TYPE_DIFFERS}: the workspace's type and the template's;
     *               {@link Reason#LABEL_TAKEN}: the key the label is in use under;
     *               {@link Reason#CHOICES_ADDED}: the choices added
     */
    public record Note(Reason reason, List<String> values) {

        public Note {
            values = List.copyOf(values);
        }
    }

    /** The reasons a {@link Note} gives. */
    public enum Reason {
        TYPE_DIFFERS, LABEL_TAKEN, CHOICES_ADDED
    }

    public boolean changes() {
        return switch (action) {
            case ADD, RESTORE, REPLACE, MERGE, UPDATE -> true;
            case EXISTS, KEEP_CHANGED, CONFLICT -> false;
        };
    }
}
