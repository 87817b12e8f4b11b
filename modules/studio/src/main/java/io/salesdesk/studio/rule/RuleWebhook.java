package io.salesdesk.studio.rule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdesk.core.SalesDeskException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "call a webhook" action: posts the matched record as JSON to the rule's URL and reports the
 * answer's status for the run log. Called by the runner off the UI thread; a slow or absent server
 * costs at most the timeout.
 */
public final class RuleWebhook {

    /** How long a rule waits for a webhook to answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    public RuleWebhook() {
        this(HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build(),
                TIMEOUT);
    }

    public RuleWebhook(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** Whether a rule may post to this URL: http or https with a host. */
    static boolean acceptable(String url) {
        try {
            URI uri = URI.create(url.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Posts the record; returns the answer's HTTP status.
     *
     * @throws SalesDeskException {@code rule.run.webhookStatus} for an answer other than 2xx,
     *                            {@code rule.run.webhookFailed} when the server cannot be reached in time
     */
    int post(String url, AutomationRule rule, RuleEntity entity, RuleMatch match, OffsetDateTime now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rule", rule.name());
        body.put("ruleId", rule.id().toString());
        body.put("entity", entity.auditName());
        body.put("recordId", match.recordId().toString());
        body.put("name", match.label());
        body.put("ownerId", match.ownerId() == null ? null : match.ownerId().toString());
        body.put("about", match.anchor() == null ? null : match.anchor().toString());
        body.put("firedAt", now.toString());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url.strip())).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "SalesDesk automation rules")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SalesDeskException("rule.run.webhookFailed", url, String.valueOf(e.getMessage()));
        }
        try {
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 != 2) {
                throw new SalesDeskException("rule.run.webhookStatus", url, answer.statusCode());
            }
            return answer.statusCode();
        } catch (HttpTimeoutException e) {
            throw new SalesDeskException("rule.run.webhookTimeout", url, timeout.toSeconds());
        } catch (IOException e) {
            throw new SalesDeskException("rule.run.webhookFailed", url, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesDeskException("rule.run.webhookFailed", url, "interrupted");
        }
    }
}
