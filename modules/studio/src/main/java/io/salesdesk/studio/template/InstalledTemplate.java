package io.salesdesk.studio.template;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A template installed in this workspace and what its install added.
 *
 * @param id          the install
 * @param templateId  the template's id
 * @param version     the template's version that was installed (the latest, after an upgrade)
 * @param name        its name when it was installed
 * @param installedAt when
 * @param items       what the install added or changed, in install order
 */
public record InstalledTemplate(UUID id, String templateId, int version, String name, OffsetDateTime installedAt,
                                List<InstalledItem> items) {

    /**
     * One item an install added or changed.
     *
     * @param installedState the item's state right after the install (a hash of the item, or a setting's value)
     * @param previousValue  a setting's value before the install, put back by uninstall; null for items
     * @param templateState  a hash of the item as the template file held it, which tells an upgrade whether
     *                       the newer version changed it; null for installs recorded before it was kept
     */
    public record InstalledItem(ItemKind kind, String key, UUID itemId, String installedState, String previousValue,
                                String templateState) {
    }
}
