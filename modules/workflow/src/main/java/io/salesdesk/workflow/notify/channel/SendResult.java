package io.salesdesk.workflow.notify.channel;

/**
 * What one attempt to send got back.
 *
 * @param statusCode the HTTP status, or the SMTP reply code where the server gave one; null if the
 *                   attempt never got an answer (refused connection, time-out)
 * @param error      what went wrong, null when it was delivered
 */
public record SendResult(boolean delivered, Integer statusCode, String error) {

    public static SendResult ok(Integer statusCode) {
        return new SendResult(true, statusCode, null);
    }

    public static SendResult failed(Integer statusCode, String error) {
        return new SendResult(false, statusCode, error);
    }
}
