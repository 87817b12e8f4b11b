package io.salesdesk.dispatch;

import io.salesdesk.crm.lead.Lead;

/** A lead as dispatch left it, with the facts behind the choice. */
public record DispatchResult(Lead lead, Assignment assignment) {
}
