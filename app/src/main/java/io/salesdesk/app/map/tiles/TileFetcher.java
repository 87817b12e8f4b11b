package io.salesdesk.app.map.tiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** Asks the tile server for one tile, with short timeouts and the configured User-Agent. */
final class TileFetcher {

    /** What the server answered. */
    sealed interface Answer permits Fetched, Missing, Failed {
    }

    /** A tile's bytes (status 200). */
    record Fetched(byte[] bytes) implements Answer {
    }

    /** No such tile (404, 410, 204): nothing to back off from. */
    record Missing(int httpStatus) implements Answer {
    }

    /** The server refused, failed or did not answer in time. */
    record Failed(TileStatus.Reason reason, int httpStatus, Duration retryAfter) implements Answer {
    }

    private final TileConfig config;
    private final HttpClient client;

    TileFetcher(TileConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    Answer fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.readTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "image/png,image/jpeg,image/*;q=0.8").GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status == 200) {
                return new Fetched(response.body());
            }
            if (status == 404 || status == 410 || status == 204) {
                return new Missing(status);
            }
            Duration retryAfter = retryAfter(response).orElse(null);
            if (status == 403 || status == 401) {
                return new Failed(TileStatus.Reason.FORBIDDEN, status, retryAfter);
            }
            if (status == 429) {
                return new Failed(TileStatus.Reason.TOO_MANY_REQUESTS, status, retryAfter);
            }
            return new Failed(TileStatus.Reason.SERVER_ERROR, status, retryAfter);
        } catch (HttpConnectTimeoutException e) {
            return new Failed(TileStatus.Reason.UNREACHABLE, 0, null);
        } catch (HttpTimeoutException e) {
            return new Failed(TileStatus.Reason.TIMEOUT, 0, null);
        } catch (IOException e) {
            return new Failed(TileStatus.Reason.UNREACHABLE, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(TileStatus.Reason.UNREACHABLE, 0, null);
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the exponential pause is good enough
            }
        });
    }
}
