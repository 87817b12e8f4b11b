package io.salesdesk.insight.report;

import java.util.UUID;

/**
 * Whom a report covers: an org unit (a team or a region) with everyone below it, or the whole
 * company when {@code unitId} is null.
 *
 * @param path the org unit's materialised path; null for the company
 */
public record ReportScope(UUID unitId, String name, String path) {

    public static ReportScope company(String name) {
        return new ReportScope(null, name, null);
    }

    public boolean isCompany() {
        return unitId == null;
    }

    /** A short key for file names and the run log. */
    public String key() {
        return unitId == null ? "company" : unitId.toString();
    }
}
