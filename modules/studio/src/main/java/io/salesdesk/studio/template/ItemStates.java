package io.salesdesk.studio.template;

/**
 * The fingerprints an install records of each item: its state in the workspace right after the install
 * (which tells uninstall and upgrade whether someone changed it since) and the item as the template file
 * held it (which tells an upgrade whether the newer version changed it).
 */
final class ItemStates {

    // A form's read-only roles are a set, written in no fixed order: sorted, or the same layout would differ.
    private static final String FORM_SET = "readOnlyFor";

    private ItemStates() {
    }

    /** An item's state as uninstall compares it: its content and whether it is switched off, hashed; a setting's value. */
    static String state(ConfigItem item) {
        if (item.kind().setting()) {
            return TemplateFile.json(item.item());
        }
        return TemplateFile.sha256((item.dormant() ? "off:" : "on:") + content(item));
    }

    /** The item of a template file, hashed. */
    static String templateState(ConfigItem wanted) {
        return TemplateFile.sha256(content(wanted));
    }

    /** Whether a workspace's item holds what the template's does (for installs recorded without a template state). */
    static boolean sameContent(ConfigItem wanted, ConfigItem existing) {
        return content(wanted).equals(content(existing));
    }

    private static String content(ConfigItem item) {
        return item.kind() == ItemKind.FORM ? TemplateFile.canonicalJson(item.item(), FORM_SET)
                : TemplateFile.json(item.item());
    }
}
