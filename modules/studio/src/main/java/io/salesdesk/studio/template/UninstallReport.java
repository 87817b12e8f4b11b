package io.salesdesk.studio.template;

import java.util.List;

/**
 * What uninstalling a template did.
 *
 * @param removed items the template added and nobody changed since: removed (settings put back)
 * @param kept    items someone changed since the install: kept as they are
 * @param gone    items someone had already deleted
 */
public record UninstallReport(List<PlanLine> removed, List<PlanLine> kept, List<PlanLine> gone) {
}
