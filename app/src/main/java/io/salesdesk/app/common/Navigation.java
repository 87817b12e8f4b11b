package io.salesdesk.app.common;

import java.util.UUID;

/** Events that move the user between pages, published on the window's {@link EventBus}. */
public final class Navigation {

    private Navigation() {
    }

    /** Show a page. */
    public record ShowPage(Page page) {
    }

    /** Show the Customers page with this customer selected and its detail open. */
    public record OpenCustomer(UUID customerId, String customerName) {
    }

    /** Show the Tasks page with this task board open (after cards were added to it elsewhere). */
    public record OpenTaskBoard(UUID boardId) {
    }

    /** Show the Leads page's list with this lead selected and its detail open. */
    public record OpenLead(UUID leadId) {
    }

    /** Show the Commerce page's contracts with this contract selected and its detail open. */
    public record OpenContract(UUID contractId) {
    }

    /** Show the pipeline with this deal's form open (from a KPI drill-down, say). */
    public record OpenOpportunity(UUID opportunityId) {
    }

    /** Show the dashboard on one of its tabs, by the tab's id ({@code funnelTab}). */
    public record ShowDashboardTab(String tabId) {
    }

    /** The current user or the appearance changed: pages must be rebuilt. */
    public record Reload() {
    }
}
