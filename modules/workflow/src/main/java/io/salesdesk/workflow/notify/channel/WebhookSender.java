package io.salesdesk.workflow.notify.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts messages to the WeCom, DingTalk and Feishu group robots. These services answer HTTP 200
 * also when they refuse a message and put the reason in the body ({@code errcode} for WeCom and
 * DingTalk, {@code code} for Feishu), so the body is read and a non-zero code is a failure too.
 */
public final class WebhookSender implements Sender {

    /** How long a robot may take to answer before the attempt counts as failed. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int REPLY_SHOWN = 300;
    /** WeCom refuses markdown content over 4,096 bytes (UTF-8): a Chinese character takes three. */
    static final int WECOM_MAX_BYTES = 4096;
    /** DingTalk and Feishu accept about 20 KB a message; the rest of the JSON needs some room. */
    static final int OTHER_MAX_BYTES = 18_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;

    public WebhookSender(Clock clock) {
        this(clock, DEFAULT_TIMEOUT);
    }

    public WebhookSender(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public SendResult send(Channel channel, Outgoing message) {
        ChannelSettings s = channel.settings();
        if (s.url() == null || s.url().isBlank()) {
            return SendResult.failed(null, "no webhook URL");
        }
        URI uri;
        String payload;
        try {
            uri = URI.create(address(channel.kind(), s));
            payload = JSON.writeValueAsString(payload(channel.kind(), s, message));
        } catch (IllegalArgumentException | JsonProcessingException | GeneralSecurityException e) {
            return SendResult.failed(null, "invalid settings: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return SendResult.failed(null, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return SendResult.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.failed(null, "interrupted");
        }
        return reply(channel.kind(), response.statusCode(), response.body());
    }

    /** The URL to post to: DingTalk's signature travels in the query string. */
    String address(ChannelKind kind, ChannelSettings s) throws GeneralSecurityException {
        if (kind == ChannelKind.DINGTALK && hasSecret(s)) {
            long timestamp = clock.millis();
            String sign = URLEncoder.encode(dingTalkSign(timestamp, s.secret()), StandardCharsets.UTF_8);
            return s.url() + (s.url().contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + sign;
        }
        return s.url();
    }

    /** The JSON each robot expects. */
    ObjectNode payload(ChannelKind kind, ChannelSettings s, Outgoing m) throws GeneralSecurityException {
        ObjectNode root = JSON.createObjectNode();
        switch (kind) {
            case WECOM -> {
                root.put("msgtype", "markdown");
                root.putObject("markdown").put("content", fit("**" + m.title() + "**\n" + m.body(), WECOM_MAX_BYTES));
            }
            case DINGTALK -> {
                root.put("msgtype", "markdown");
                root.putObject("markdown").put("title", m.title())
                        .put("text", fit("#### " + m.title() + "\n\n" + m.body(), OTHER_MAX_BYTES));
            }
            case FEISHU -> {
                if (hasSecret(s)) {
                    long timestamp = clock.instant().getEpochSecond();
                    root.put("timestamp", Long.toString(timestamp));
                    root.put("sign", feishuSign(timestamp, s.secret()));
                }
                root.put("msg_type", "text");
                root.putObject("content").put("text", fit(m.title() + "\n" + m.body(), OTHER_MAX_BYTES));
            }
            default -> throw new IllegalArgumentException(kind + " is not a robot");
        }
        return root;
    }

    /**
     * DingTalk 加签: Base64 of HMAC-SHA256 over {@code timestamp + "\n" + secret}, keyed with the
     * secret; the timestamp is in milliseconds. The caller URL-encodes it.
     */
    static String dingTalkSign(long timestampMillis, String secret) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] sign = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(sign);
    }

    /**
     * Feishu 签名校验: Base64 of HMAC-SHA256 keyed with {@code timestamp + "\n" + secret} over empty
     * data; the timestamp is in seconds.
     */
    static String feishuSign(long timestampSeconds, String secret) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
    }

    /** The text cut to at most {@code maxBytes} in UTF-8, ending in "…" when cut. */
    static String fit(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - "…".getBytes(StandardCharsets.UTF_8).length;
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            cut.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return cut.append('…').toString();
    }

    private static SendResult reply(ChannelKind kind, int status, String body) {
        if (status / 100 != 2) {
            return SendResult.failed(status, "HTTP " + status + (body == null || body.isBlank() ? ""
                    : ": " + OutboxRepository.shorten(body.strip(), REPLY_SHOWN)));
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return SendResult.failed(status, "unreadable reply: " + OutboxRepository.shorten(body, REPLY_SHOWN));
        }
        if (reply == null || reply.isMissingNode() || !reply.isObject()) {
            return SendResult.failed(status, "unreadable reply: " + OutboxRepository.shorten(body, REPLY_SHOWN));
        }
        // Feishu answers {"code":0,"msg":"success"}; older Feishu hooks {"StatusCode":0,"StatusMessage":..}.
        String codeField = kind == ChannelKind.FEISHU ? (reply.has("code") ? "code" : "StatusCode") : "errcode";
        String messageField = kind == ChannelKind.FEISHU ? (reply.has("code") ? "msg" : "StatusMessage") : "errmsg";
        JsonNode code = reply.get(codeField);
        if (code == null) {
            return SendResult.failed(status, "reply without " + codeField + ": "
                    + OutboxRepository.shorten(body, REPLY_SHOWN));
        }
        if (code.asLong(-1) != 0) {
            return SendResult.failed(status, codeField + " " + code.asText() + ": " + reply.path(messageField).asText(""));
        }
        return SendResult.ok(status);
    }

    private static boolean hasSecret(ChannelSettings s) {
        return s.secret() != null && !s.secret().isBlank();
    }
}
