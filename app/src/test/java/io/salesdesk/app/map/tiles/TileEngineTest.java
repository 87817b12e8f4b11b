package io.salesdesk.app.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesdesk.app.map.tiles.TileEngine.Origin;
import io.salesdesk.app.map.tiles.TileStatus.Reason;
import io.salesdesk.app.map.tiles.TileStatus.State;

/**
 * Where the map's tiles come from, against a tile server on 127.0.0.1 (no outside network): the
 * server, the disk cache, or the self-drawn basemap, and how refusals and failures are handled.
 */
class TileEngineTest {

    @TempDir
    Path dataDir;

    HttpServer server;
    ExecutorService serverThreads;
    final AtomicInteger answer = new AtomicInteger(200);
    volatile String retryAfter;
    volatile long delayMillis;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> userAgents = new CopyOnWriteArrayList<>();
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T02:00:00Z"));
    final List<TileStatus> statuses = new CopyOnWriteArrayList<>();
    static final byte[] TILE = png(new Color(0x88, 0xAA, 0xCC));

    TileEngine engine;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/tiles/", this::serve);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestURI().getPath());
        userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int status = answer.get();
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        byte[] body = status == 200 ? TILE : "no".getBytes();
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "image/png" : "text/plain");
        try {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the client gave up (timeout test)
        }
    }

    private String template() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png";
    }

    private TileEngine engine(String template, long cacheLimitBytes) {
        // Generous timeouts: the first request of a cold JVM on a busy machine takes seconds.
        return engine(template, cacheLimitBytes, Duration.ofSeconds(10));
    }

    private TileEngine engine(String template, long cacheLimitBytes, Duration readTimeout) {
        TileConfig config = new TileConfig(dataDir.resolve("tiles"), template, TileConfig.userAgent("it@example.com"),
                cacheLimitBytes, Duration.ofSeconds(10), readTimeout, clock);
        // The same thread: tile(...) has finished when it returns, eviction included.
        TileEngine made = new TileEngine(config, Runnable::run);
        made.addStatusListener(statuses::add);
        return made;
    }

    private Origin origin(int zoom, long x, long y) {
        return engine.tile(zoom, x, y).join().origin();
    }

    private Path cached(int zoom, long x, long y) {
        return dataDir.resolve("tiles").resolve(zoom + "/" + x + "/" + y + ".png");
    }

    @Test
    void aViewedTileIsKeptOnDiskAndShownFromThereWhenTheServerIsGone() {
        engine = engine(template(), 200L << 20);
        assertThat(origin(7, 106, 52)).isEqualTo(Origin.NETWORK);
        assertThat(cached(7, 106, 52)).exists();
        assertThat(engine.status()).isEqualTo(TileStatus.ONLINE);

        server.stop(0);
        TileEngine.Tile again = engine.tile(7, 106, 52).join();
        assertThat(again.origin()).isEqualTo(Origin.DISK);
        assertThat(again.image().getRGB(10, 10) & 0xFFFFFF).isEqualTo(0x88AACC);
        assertThat(requests).containsExactly("/tiles/7/106/52.png");
    }

    @Test
    void everyRequestSaysWhoIsAskingAndOnlyTheTilesAskedForAreFetched() {
        engine = engine(template(), 200L << 20);
        origin(7, 106, 52);
        origin(8, 213, 105);
        assertThat(requests).containsExactly("/tiles/7/106/52.png", "/tiles/8/213/105.png");
        assertThat(userAgents).allSatisfy(ua -> assertThat(ua).startsWith("SalesDesk/").endsWith(" (+it@example.com)"));
    }

    @Test
    void aForbiddenAnswerShowsTheBasemapAndLeavesTheServerAloneForThirtySeconds() {
        engine = engine(template(), 200L << 20);
        answer.set(403);
        assertThat(origin(7, 106, 52)).isEqualTo(Origin.BASEMAP);
        assertThat(engine.status()).isEqualTo(TileStatus.backingOff(Reason.FORBIDDEN, 403,
                clock.instant().plusSeconds(30)));

        answer.set(200);
        clock.move(Duration.ofSeconds(29));
        assertThat(origin(7, 107, 52)).isEqualTo(Origin.BASEMAP);
        assertThat(requests).hasSize(1);

        clock.move(Duration.ofSeconds(2));
        assertThat(origin(7, 107, 52)).isEqualTo(Origin.NETWORK);
        assertThat(engine.status()).isEqualTo(TileStatus.ONLINE);
        assertThat(statuses).extracting(TileStatus::state)
                .containsExactly(State.BACKING_OFF, State.ONLINE);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsTheServerAsksAndLongerEachTime() {
        engine = engine(template(), 200L << 20);
        answer.set(429);
        retryAfter = "120";
        Instant first = clock.instant();
        assertThat(origin(7, 106, 52)).isEqualTo(Origin.BASEMAP);
        assertThat(engine.status().reason()).isEqualTo(Reason.TOO_MANY_REQUESTS);
        assertThat(engine.status().until()).isEqualTo(first.plusSeconds(120));

        retryAfter = null;
        clock.move(Duration.ofSeconds(121));
        assertThat(origin(7, 106, 52)).isEqualTo(Origin.BASEMAP);
        // The second failure in a row: 60 s, doubling from 30 s.
        assertThat(engine.status().until()).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(requests).hasSize(2);
    }

    @Test
    void aServerErrorOrASlowServerAlsoBacksOff() {
        engine = engine(template(), 200L << 20);
        answer.set(503);
        assertThat(origin(7, 106, 52)).isEqualTo(Origin.BASEMAP);
        assertThat(engine.status().reason()).isEqualTo(Reason.SERVER_ERROR);

        engine = engine(template(), 200L << 20, Duration.ofMillis(300));
        answer.set(200);
        delayMillis = 2000; // longer than the 300 ms read timeout
        assertThat(origin(7, 106, 52)).isEqualTo(Origin.BASEMAP);
        assertThat(engine.status().reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(cached(7, 106, 52)).doesNotExist();
    }

    @Test
    void aMissingTileIsDrawnWithoutBackingOff() {
        engine = engine(template(), 200L << 20);
        answer.set(404);
        assertThat(origin(7, 106, 52)).isEqualTo(Origin.BASEMAP);
        assertThat(engine.status()).isEqualTo(TileStatus.ONLINE);
        answer.set(200);
        assertThat(origin(7, 107, 52)).isEqualTo(Origin.NETWORK);
    }

    @Test
    void aCorruptCachedTileIsDiscardedAndFetchedAgain() throws IOException {
        engine = engine(template(), 200L << 20);
        Files.createDirectories(cached(7, 106, 52).getParent());
        Files.write(cached(7, 106, 52), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        assertThat(origin(7, 106, 52)).isEqualTo(Origin.NETWORK);
        assertThat(Files.readAllBytes(cached(7, 106, 52))).isEqualTo(TILE);

        server.stop(0);
        Files.write(cached(7, 106, 52), "<html>captive portal</html>".getBytes());
        assertThat(origin(7, 106, 52)).isEqualTo(Origin.BASEMAP);
        assertThat(cached(7, 106, 52)).doesNotExist();
    }

    @Test
    void overTheSizeLimitTheTilesViewedLongestAgoGo() {
        engine = engine(template(), TILE.length * 7L / 2); // room for three and a half tiles
        for (long x = 1; x <= 3; x++) {
            assertThat(origin(5, x, 10)).isEqualTo(Origin.NETWORK);
            clock.move(Duration.ofMinutes(1));
        }
        assertThat(origin(5, 1, 10)).isEqualTo(Origin.DISK); // looked at again: now the most recent
        clock.move(Duration.ofMinutes(1));
        assertThat(origin(5, 4, 10)).isEqualTo(Origin.NETWORK);

        assertThat(cached(5, 2, 10)).doesNotExist();
        assertThat(cached(5, 1, 10)).exists();
        assertThat(cached(5, 3, 10)).exists();
        assertThat(cached(5, 4, 10)).exists();
        assertThat(engine.cacheSize()).isEqualTo(3L * TILE.length);
    }

    @Test
    void withoutATileServerEveryTileIsDrawnAndNothingIsWritten() {
        engine = engine("", 200L << 20);
        assertThat(origin(7, 106, 52)).isEqualTo(Origin.BASEMAP);
        assertThat(engine.status()).isEqualTo(TileStatus.OFFLINE);
        assertThat(requests).isEmpty();
        assertThat(dataDir.resolve("tiles")).doesNotExist();
    }

    @Test
    void anotherTileServersTilesAreClearedNotShown() {
        engine = engine(template(), 200L << 20);
        origin(7, 106, 52);
        engine.configure(new TileConfig(dataDir.resolve("tiles"), template() + "?v=2",
                "SalesDesk/test", 200L << 20, Duration.ofSeconds(10), Duration.ofSeconds(10), clock));
        assertThat(cached(7, 106, 52)).doesNotExist();
    }

    @Test
    void clearingTheCacheEmptiesIt() {
        engine = engine(template(), 200L << 20);
        origin(7, 106, 52);
        engine.clearCache().join();
        assertThat(cached(7, 106, 52)).doesNotExist();
        assertThat(engine.cacheSize()).isZero();
    }

    private static byte[] png(Color color) {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
