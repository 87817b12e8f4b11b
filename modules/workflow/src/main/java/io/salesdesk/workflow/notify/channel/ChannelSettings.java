package io.salesdesk.workflow.notify.channel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * How to reach a channel, stored as JSON. Robots use {@code url} and {@code secret}; e-mail uses
 * the SMTP fields. {@link #toString()} never shows the secret or the password, so a settings
 * object that ends up in a log line gives nothing away.
 *
 * @param url      the robot's webhook address
 * @param secret   the robot's signing secret (DingTalk 加签, Feishu 签名校验), may be null
 * @param host     SMTP host
 * @param port     SMTP port, e.g. 587 for STARTTLS, 465 for SSL
 * @param security how the SMTP connection is protected
 * @param username SMTP user, may be null for a relay without login
 * @param password SMTP password, may be null
 * @param from     the sender address, e.g. {@code SalesDesk <crm@example.com>}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChannelSettings(String url, String secret, String host, Integer port, Security security, String username,
                              String password, String from) {

    /** What a saved secret looks like when it is shown again: never the secret itself. */
    public static final String MASK = "••••";

    private static final ObjectMapper JSON = new ObjectMapper();
    // A robot's address is itself a credential: whoever has it can post to the group. WeCom puts the
    // key in ?key=, DingTalk in ?access_token=, Feishu in the path after /hook/.
    private static final Pattern URL_QUERY_SECRET = Pattern.compile("(?i)([?&](?:key|access_token|token)=)[^&#]+");
    private static final Pattern URL_PATH_SECRET = Pattern.compile("(/hook/)[^/?#]+");

    /** SMTP connection security. */
    public enum Security {
        NONE, STARTTLS, SSL
    }

    public static ChannelSettings robot(String url, String secret) {
        return new ChannelSettings(url, secret, null, null, null, null, null, null);
    }

    public static ChannelSettings smtp(String host, int port, Security security, String username, String password,
                                       String from) {
        return new ChannelSettings(null, null, host, port, security, username, password, from);
    }

    /**
     * The same settings with the secret, the password and the key in the robot's address replaced
     * by {@link #MASK} where set.
     */
    public ChannelSettings masked() {
        return new ChannelSettings(maskUrl(url), mask(secret), host, port, security, username, mask(password), from);
    }

    /**
     * These settings as edited in a form that showed {@code saved} masked: a secret or password left
     * as {@link #MASK} keeps the saved one.
     */
    public ChannelSettings keepingSecretsOf(ChannelSettings saved) {
        String keptUrl = url != null && saved != null && saved.url != null && url.equals(maskUrl(saved.url))
                ? saved.url : url;
        return new ChannelSettings(keptUrl, MASK.equals(secret) && saved != null ? saved.secret : secret, host, port,
                security, username, MASK.equals(password) && saved != null ? saved.password : password, from);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChannelSettings fromJson(String json) {
        try {
            return JSON.readValue(json, ChannelSettings.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address with its key masked; an address without a recognisable key is shown as it is. */
    static String maskUrl(String url) {
        if (url == null || url.isEmpty()) {
            return url;
        }
        String masked = URL_QUERY_SECRET.matcher(url).replaceAll("$1" + MASK);
        return URL_PATH_SECRET.matcher(masked).replaceAll("$1" + MASK);
    }

    private static String mask(String s) {
        return s == null || s.isEmpty() ? s : MASK;
    }

    @Override
    public String toString() {
        return "ChannelSettings[url=" + maskUrl(url) + ", secret=" + mask(secret) + ", host=" + host + ", port=" + port
                + ", security=" + security + ", username=" + username + ", password=" + mask(password) + ", from="
                + from + "]";
    }
}
