package io.salesdesk.workflow.notify.channel;

/**
 * One message on its way out.
 *
 * @param address the e-mail address for an e-mail channel, null for a robot
 */
public record Outgoing(String title, String body, String address) {
}
