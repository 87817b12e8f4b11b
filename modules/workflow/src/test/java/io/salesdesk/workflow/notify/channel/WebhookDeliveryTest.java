package io.salesdesk.workflow.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group robots against a stand-in robot on 127.0.0.1: what each kind receives, signatures with
 * a fixed clock, and retries with back-off by moving the test clock (the time-out alone waits, for
 * {@link #TIMEOUT}).
 */
class WebhookDeliveryTest {

    static final Duration TIMEOUT = Duration.ofMillis(400);
    // 2026-11-26 10:00 in China: 1795658400 s since the epoch.
    static final Instant START = Instant.parse("2026-11-26T02:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    final TestClock clock = new TestClock(START);
    Database db;
    SalesOrgFixture f;
    RobotServer robot;
    OutboxDeliverer deliverer;
    ChannelService channels;
    Actor admin;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.hsqldb(dataDir);
        f = new SalesOrgFixture(db, clock);
        robot = new RobotServer();
        WebhookSender sender = new WebhookSender(clock, TIMEOUT);
        deliverer = new OutboxDeliverer(db, clock, Map.of(ChannelKind.WECOM, sender, ChannelKind.DINGTALK, sender,
                ChannelKind.FEISHU, sender));
        channels = new ChannelService(db, clock, deliverer);
        admin = f.admin.asActor();
    }

    @AfterEach
    void tearDown() {
        robot.close();
        db.close();
    }

    private Channel robotChannel(ChannelKind kind, String path, String secret) {
        return channels.save(admin, null, 0, new ChannelDraft(kind, kind + " 销售群", true,
                ChannelSettings.robot(robot.url(path), secret), List.of("*")));
    }

    /** What an SLA reminder does: the inbox message, and with it the outbox, in one transaction. */
    private void remindWang() {
        db.transaction(cfg -> NotificationRepository.using(cfg, clock).send(List.of(f.wang.id()), "sla.remind",
                "跟进提醒：杭州西湖医院", "杭州西湖医院已 2 天未跟进（规则：A 类客户跟进）", "customer", UUID.randomUUID()));
    }

    private JsonNode onlyPayload() throws Exception {
        assertThat(robot.requests()).hasSize(1);
        return JSON.readTree(robot.requests().get(0).body());
    }

    @Test
    void weComGetsMarkdownWithTitleBodyAndWhomItConcerns() throws Exception {
        Channel channel = robotChannel(ChannelKind.WECOM, "/cgi-bin/webhook/send", null);
        remindWang();

        OutboxDeliverer.Run run = deliverer.deliverDue();

        assertThat(run.sent()).isEqualTo(1);
        JsonNode payload = onlyPayload();
        assertThat(payload.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(payload.at("/markdown/content").asText())
                .isEqualTo("**跟进提醒：杭州西湖医院**\n杭州西湖医院已 2 天未跟进（规则：A 类客户跟进）\n@王一");
        assertThat(robot.requests().get(0).contentType()).startsWith("application/json");
        assertThat(channels.log(admin, channel.id())).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
            assertThat(d.statusCode()).isEqualTo(200);
            assertThat(d.title()).isEqualTo("跟进提醒：杭州西湖医院");
        });
        assertThat(deliverer.deliverDue().sent()).as("sent once").isZero();
    }

    @Test
    void dingTalkGetsMarkdownAndTheTimestampAndSignatureInTheQuery() throws Exception {
        robotChannel(ChannelKind.DINGTALK, "/robot/send", "SEC0123456789abcdef");
        remindWang();

        deliverer.deliverDue();

        JsonNode payload = onlyPayload();
        assertThat(payload.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(payload.at("/markdown/title").asText()).isEqualTo("跟进提醒：杭州西湖医院");
        assertThat(payload.at("/markdown/text").asText()).startsWith("#### 跟进提醒：杭州西湖医院\n\n杭州西湖医院已 2 天未跟进");
        // Base64(HMAC-SHA256(key = secret, data = "1795658400000\nSEC0123456789abcdef")), URL-encoded;
        // worked out apart from this code (Python's hmac).
        assertThat(robot.requests().get(0).query())
                .isEqualTo("timestamp=1795658400000&sign=zdYrIUenSGUwpNSb80L0dlQnPMZI2S2YeQ6FqC2kR3k%3D");
    }

    @Test
    void dingTalkWithoutSecretIsPostedUnsigned() throws Exception {
        robotChannel(ChannelKind.DINGTALK, "/robot/send", null);
        remindWang();

        deliverer.deliverDue();

        assertThat(robot.requests()).singleElement().satisfies(r -> assertThat(r.query()).isNull());
    }

    @Test
    void feishuGetsTextWithTheTimestampAndSignatureInTheBody() throws Exception {
        robot.answers(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}");
        Channel channel = robotChannel(ChannelKind.FEISHU, "/open-apis/bot/v2/hook/abc", "feishu-secret-42");
        remindWang();

        deliverer.deliverDue();

        JsonNode payload = onlyPayload();
        assertThat(payload.get("msg_type").asText()).isEqualTo("text");
        assertThat(payload.at("/content/text").asText())
                .isEqualTo("跟进提醒：杭州西湖医院\n杭州西湖医院已 2 天未跟进（规则：A 类客户跟进）\n@王一");
        assertThat(payload.get("timestamp").asText()).isEqualTo("1795658400");
        // Base64(HMAC-SHA256(key = "1795658400\nfeishu-secret-42", data = empty)), worked out with Python.
        assertThat(payload.get("sign").asText()).isEqualTo("W82fdxdvop1rRG/fh0O+B574mRRYlVG3awU20U8lkgg=");
        assertThat(channels.log(admin, channel.id())).extracting(Delivery::outcome)
                .containsExactly(Delivery.Outcome.SENT);
    }

    @Test
    void feishuAnsweringANonZeroCodeIsAFailure() {
        robot.answers(200, "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour\"}");
        Channel channel = robotChannel(ChannelKind.FEISHU, "/hook", "wrong");
        remindWang();

        assertThat(deliverer.deliverDue().retrying()).isEqualTo(1);

        assertThat(channels.log(admin, channel.id())).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Delivery.Outcome.RETRY);
            assertThat(d.error()).isEqualTo("code 19021: sign match fail or timestamp is not within one hour");
        });
    }

    @Test
    void http500ThenATimeOutThenAnErrcodeAreRetriedWithBackOffUntilTheLastAttemptFails() {
        robot.answers(500, "Internal Server Error").hangs()
                .answers(200, "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}")
                .answers(502, "Bad Gateway").answers(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
        Channel channel = robotChannel(ChannelKind.DINGTALK, "/robot/send", null);
        remindWang();

        OutboxDeliverer.Run first = deliverer.deliverDue();
        assertThat(first.retrying()).isEqualTo(1);
        assertThat(deliverer.deliverDue().retrying()).as("not again before its time").isZero();
        clock.advance(Duration.ofSeconds(59));
        assertThat(deliverer.deliverDue().retrying()).as("still not due").isZero();

        clock.advance(Duration.ofSeconds(1)); // 1 min after the first attempt
        assertThat(deliverer.deliverDue().retrying()).isEqualTo(1); // times out
        clock.advance(Duration.ofMinutes(5));
        assertThat(deliverer.deliverDue().retrying()).isEqualTo(1); // errcode 310000
        clock.advance(Duration.ofMinutes(30));
        assertThat(deliverer.deliverDue().retrying()).isEqualTo(1); // 502
        clock.advance(Duration.ofHours(2));
        OutboxDeliverer.Run last = deliverer.deliverDue(); // errcode 45009, the fifth attempt

        assertThat(last.failed()).isEqualTo(1);
        assertThat(robot.requests()).hasSize(5);
        OffsetDateTime t0 = START.atOffset(ZoneOffset.UTC);
        List<Delivery> log = channels.log(admin, channel.id());
        assertThat(log).extracting(Delivery::attemptNo).containsExactly(5, 4, 3, 2, 1);
        assertThat(log).extracting(Delivery::outcome).containsExactly(Delivery.Outcome.FAILED,
                Delivery.Outcome.RETRY, Delivery.Outcome.RETRY, Delivery.Outcome.RETRY, Delivery.Outcome.RETRY);
        assertThat(log).extracting(Delivery::error).containsExactly(
                "errcode 45009: api freq out of limit",
                "HTTP 502: Bad Gateway",
                "errcode 310000: keywords not in content",
                "no answer within 400 ms",
                "HTTP 500: Internal Server Error");
        assertThat(log).extracting(Delivery::statusCode).containsExactly(200, 502, 200, null, 500);
        assertThat(log).extracting(d -> d.nextAttemptAt() == null ? null : d.nextAttemptAt().toInstant())
                .containsExactly(null,
                        t0.plusMinutes(36).plusHours(2).toInstant(),
                        t0.plusMinutes(36).toInstant(),
                        t0.plusMinutes(6).toInstant(),
                        t0.plusMinutes(1).toInstant());
        OutboxEntry entry = db.transactionResult(cfg -> OutboxRepository.using(cfg, clock).entries(channel.id(), 10))
                .get(0);
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.FAILED);
        assertThat(entry.attempts()).isEqualTo(5);
        assertThat(entry.lastError()).isEqualTo("errcode 45009: api freq out of limit");
        assertThat(channels.list(admin)).singleElement()
                .satisfies(s -> assertThat(s.lastDelivery().outcome()).isEqualTo(Delivery.Outcome.FAILED));

        clock.advance(Duration.ofDays(1));
        assertThat(deliverer.deliverDue()).as("a failed entry is not tried again").isEqualTo(new OutboxDeliverer.Run(0, 0, 0));
    }

    @Test
    void aMessageGoesThroughOnTheRetryAfterAFailure() {
        robot.answers(503, "busy");
        Channel channel = robotChannel(ChannelKind.WECOM, "/send", null);
        remindWang();

        assertThat(deliverer.deliverDue().retrying()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(deliverer.deliverDue().sent()).isEqualTo(1);

        assertThat(channels.log(admin, channel.id())).extracting(Delivery::outcome)
                .containsExactly(Delivery.Outcome.SENT, Delivery.Outcome.RETRY);
        OutboxEntry entry = db.transactionResult(cfg -> OutboxRepository.using(cfg, clock).entries(channel.id(), 10))
                .get(0);
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.sentAt().toInstant()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(robot.requests()).extracting(RobotServer.Request::body).hasSize(2).allSatisfy(
                b -> assertThat(b).contains("跟进提醒：杭州西湖医院"));
    }

    @Test
    void sendTestAnswersAtOnceAndIsLogged() {
        Channel channel = robotChannel(ChannelKind.WECOM, "/send", null);
        robot.answers(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");

        SendResult refused = channels.sendTest(admin, channel.id(), new ChannelDraft(ChannelKind.WECOM, "销售群", true,
                ChannelSettings.robot(robot.url("/send"), null), List.of("*")), "测试消息", "来自 SalesDesk 的测试");
        clock.advance(Duration.ofSeconds(30));
        SendResult ok = channels.sendTest(admin, channel.id(), new ChannelDraft(ChannelKind.WECOM, "销售群", true,
                ChannelSettings.robot(robot.url("/send"), null), List.of("*")), "测试消息", "来自 SalesDesk 的测试");

        assertThat(refused.delivered()).isFalse();
        assertThat(refused.error()).isEqualTo("errcode 93000: invalid webhook url");
        assertThat(ok.delivered()).isTrue();
        assertThat(channels.log(admin, channel.id())).extracting(Delivery::outcome, Delivery::outboxId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Delivery.Outcome.SENT, null),
                        org.assertj.core.groups.Tuple.tuple(Delivery.Outcome.FAILED, null));
    }

    @Test
    void aLongMessageIsCutToWhatWeComAcceptsInUtf8Bytes() throws Exception {
        robotChannel(ChannelKind.WECOM, "/send", null);
        String longBody = "跟进".repeat(1500); // 9,000 bytes in UTF-8
        db.transaction(cfg -> NotificationRepository.using(cfg, clock).send(List.of(f.wang.id()), "sla.remind",
                "长消息", longBody, null, null));

        deliverer.deliverDue();

        String content = onlyPayload().at("/markdown/content").asText();
        assertThat(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(4096);
        assertThat(content).startsWith("**长消息**\n跟进跟进").endsWith("…");
    }
}
