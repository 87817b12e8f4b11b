package io.salesdesk.studio.template;

import java.util.UUID;

/**
 * One piece of the workspace's configuration as a template names it.
 *
 * @param kind    what it is
 * @param key     how a template finds it: {@code CUSTOMER/bed_count}, a rule's name, {@code contract/submit}…
 * @param label   what a person reads in the plan and the uninstall report
 * @param id      its id; null for a setting
 * @param item    the item as a template file holds it (a {@link Template} section's element)
 * @param dormant whether it exists but is switched off (a retired field, a disabled SLA rule)
 * @param version its row version, for the optimistic lock of a change; 0 for a setting
 */
public record ConfigItem(ItemKind kind, String key, String label, UUID id, Object item, boolean dormant,
                         long version) {
}
