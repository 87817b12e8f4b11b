package io.salesdesk.workflow.notify.channel;

/** Sends one message through one channel, synchronously; never throws for a delivery problem. */
public interface Sender {

    SendResult send(Channel channel, Outgoing message);
}
