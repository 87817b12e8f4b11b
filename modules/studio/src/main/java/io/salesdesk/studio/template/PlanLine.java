package io.salesdesk.studio.template;

/**
 * One line of what an install will do.
 *
 * @param kind   what the item is
 * @param key    how the template names it
 * @param label  what a person reads
 * @param action what the install does with it
 * @param existingLabel for {@link Action#EXISTS}: what the workspace's own item is called, when that differs
 *                      from the template's label (a flow of the same action under another name); null otherwise
 */
public record PlanLine(ItemKind kind, String key, String label, Action action, String existingLabel) {

    public PlanLine(ItemKind kind, String key, String label, Action action) {
        this(kind, key, label, action, null);
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
        EXISTS
    }

    public boolean changes() {
        return action != Action.EXISTS;
    }
}
