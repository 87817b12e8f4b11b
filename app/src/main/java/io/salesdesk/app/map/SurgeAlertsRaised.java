package io.salesdesk.app.map;

/**
 * Published on the window's event bus when a background surge scan raised an alert or a surge
 * alert arrived in the user's inbox: an open map refreshes its surge banner.
 */
public record SurgeAlertsRaised() {
}
