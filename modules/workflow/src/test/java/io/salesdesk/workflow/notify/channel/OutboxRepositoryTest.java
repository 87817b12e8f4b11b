package io.salesdesk.workflow.notify.channel;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.NOTIFICATION;
import static io.salesdesk.db.jooq.Tables.NOTIFICATION_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel table, the outbox and the delivery log on a real database, without sending anything. */
class OutboxRepositoryTest {

    @TempDir
    Path dataDir;

    final TestClock clock = new TestClock(Instant.parse("2026-11-26T02:00:00Z"));
    Database db;
    SalesOrgFixture f;
    ChannelService channels;

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        // Nothing is sent here: every send "succeeds" without leaving the process.
        Sender silent = (channel, message) -> SendResult.ok(200);
        channels = new ChannelService(db, clock, new OutboxDeliverer(db, clock, Map.of(ChannelKind.EMAIL, silent,
                ChannelKind.WECOM, silent, ChannelKind.DINGTALK, silent, ChannelKind.FEISHU, silent)));
        db.transaction(cfg -> DSL.using(cfg).update(APP_USER).set(APP_USER.EMAIL, "wang.yi@example.com")
                .where(APP_USER.ID.eq(f.wang.id())).execute());
    }

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Channel channel(ChannelKind kind, String name, boolean enabled, List<String> kinds) {
        ChannelSettings settings = kind == ChannelKind.EMAIL
                ? ChannelSettings.smtp("smtp.example.com", 587, ChannelSettings.Security.STARTTLS, "crm", "pw",
                "crm@example.com")
                : ChannelSettings.robot("https://example.com/hook", "SECsecret");
        return channels.save(f.admin.asActor(), null, 0, new ChannelDraft(kind, name, enabled, settings, kinds));
    }

    private void send(List<UUID> to, String kind) {
        db.transaction(cfg -> NotificationRepository.using(cfg, clock).send(to, kind, "标题", "正文", null, null));
    }

    private List<OutboxEntry> due(OffsetDateTime now) {
        return db.transactionResult(cfg -> OutboxRepository.using(cfg, clock).due(now, 10));
    }

    private int count(org.jooq.Table<?> table) {
        return db.transactionResult(cfg -> DSL.using(cfg).fetchCount(table));
    }

    private List<OutboxEntry> entries(Channel c) {
        return db.transactionResult(cfg -> OutboxRepository.using(cfg, clock).entries(c.id(), 100));
    }

    @Test
    void eMailGetsOneEntryPerRecipientWithAnAddressAndARobotOneForTheGroup() {
        Channel mail = channel(ChannelKind.EMAIL, "邮件", true, List.of("*"));
        Channel group = channel(ChannelKind.WECOM, "浙江销售群", true, List.of("*"));

        send(List.of(f.wang.id(), f.li.id()), "sla.remind");

        assertThat(entries(mail)).singleElement().satisfies(e -> {
            assertThat(e.address()).isEqualTo("wang.yi@example.com");
            assertThat(e.recipientId()).isEqualTo(f.wang.id());
            assertThat(e.status()).isEqualTo(OutboxEntry.Status.PENDING);
            assertThat(e.attempts()).isZero();
        });
        assertThat(entries(group)).singleElement().satisfies(e -> {
            assertThat(e.address()).isNull();
            assertThat(e.body()).isEqualTo("正文\n@王一 @李二");
        });
    }

    @Test
    void onlyEnabledChannelsSubscribedToTheKindGetIt() {
        Channel sla = channel(ChannelKind.DINGTALK, "SLA", true, List.of("sla.*"));
        Channel pool = channel(ChannelKind.FEISHU, "公海", true, List.of("pool.returned"));
        Channel off = channel(ChannelKind.WECOM, "停用", false, List.of("*"));

        send(List.of(f.wang.id()), "sla.escalate");

        assertThat(entries(sla)).hasSize(1);
        assertThat(entries(pool)).isEmpty();
        assertThat(entries(off)).isEmpty();
    }

    @Test
    void theOutboxEntryIsWrittenInTheTransactionOfItsCauseAndRolledBackWithIt() {
        Channel group = channel(ChannelKind.WECOM, "群", true, List.of("*"));

        assertThatThrownBy(() -> db.transaction(cfg -> {
            NotificationRepository.using(cfg, clock).send(List.of(f.wang.id()), "sla.remind", "标题", "正文", null, null);
            throw new IllegalStateException("the cause failed after the message");
        })).hasMessageContaining("the cause failed");

        assertThat(entries(group)).isEmpty();
        assertThat(count(NOTIFICATION)).isZero();
    }

    @Test
    void anEntryIsClaimedByOneClientOnlyAndIsDueAgainWhenTheClaimLapses() {
        Channel group = channel(ChannelKind.WECOM, "群", true, List.of("*"));
        send(List.of(f.wang.id()), "sla.remind");
        OffsetDateTime now = OffsetDateTime.now(clock);

        List<OutboxEntry> due = due(now);
        assertThat(due).hasSize(1);
        UUID id = due.get(0).id();
        boolean first = db.transactionResult(cfg -> OutboxRepository.using(cfg, clock).claim(id, now, now.plusMinutes(5)));
        boolean second = db.transactionResult(cfg -> OutboxRepository.using(cfg, clock).claim(id, now, now.plusMinutes(5)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(due(now)).isEmpty();
        assertThat(due(now.plusMinutes(6)))
                .as("a client that died while sending does not keep it for ever").hasSize(1);
        assertThat(entries(group)).hasSize(1);
    }

    @Test
    void entriesOfAChannelSwitchedOffWaitAndGoWhenItIsOnAgain() {
        Channel group = channel(ChannelKind.WECOM, "群", true, List.of("*"));
        send(List.of(f.wang.id()), "sla.remind");
        Channel off = channels.save(f.admin.asActor(), group.id(), group.version(), new ChannelDraft(ChannelKind.WECOM,
                "群", false, group.settings(), List.of("*")));
        OffsetDateTime now = OffsetDateTime.now(clock);

        assertThat(due(now)).isEmpty();
        channels.save(f.admin.asActor(), off.id(), off.version(), new ChannelDraft(ChannelKind.WECOM, "群", true,
                off.settings(), List.of("*")));
        assertThat(due(now)).hasSize(1);
    }

    @Test
    void secretsLeaveTheServiceMaskedAndAMaskedSecretSavedBackKeepsTheStoredOne() {
        Channel saved = channel(ChannelKind.DINGTALK, "钉钉群", true, List.of("*"));
        assertThat(saved.settings().secret()).isEqualTo(ChannelSettings.MASK);
        assertThat(channels.list(f.admin.asActor())).singleElement()
                .satisfies(s -> assertThat(s.channel().settings().secret()).isEqualTo(ChannelSettings.MASK));
        assertThat(saved.settings().toString()).doesNotContain("SECsecret");

        channels.save(f.admin.asActor(), saved.id(), saved.version(), new ChannelDraft(ChannelKind.DINGTALK, "钉钉群 2",
                true, saved.settings(), List.of("*")));

        Channel stored = db.transactionResult(cfg -> ChannelRepository.using(cfg, clock).byId(saved.id())).orElseThrow();
        assertThat(stored.name()).isEqualTo("钉钉群 2");
        assertThat(stored.settings().secret()).isEqualTo("SECsecret");
        String json = db.transactionResult(cfg -> DSL.using(cfg).select(io.salesdesk.db.jooq.Tables.NOTIFICATION_CHANNEL
                .SETTINGS_JSON).from(io.salesdesk.db.jooq.Tables.NOTIFICATION_CHANNEL).fetchOne().value1());
        assertThat(json).contains("SECsecret").doesNotContain(ChannelSettings.MASK);
    }

    @Test
    void aRobotsAddressIsShownWithItsKeyMaskedAndSavingItBackKeepsTheKey() {
        String wecom = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
        Channel saved = channels.save(f.admin.asActor(), null, 0, new ChannelDraft(ChannelKind.WECOM, "销售群", true,
                ChannelSettings.robot(wecom, null), List.of("*")));
        assertThat(saved.settings().url())
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + ChannelSettings.MASK);

        channels.save(f.admin.asActor(), saved.id(), saved.version(), new ChannelDraft(ChannelKind.WECOM, "销售群 2",
                true, saved.settings(), List.of("*")));
        Channel stored = db.transactionResult(cfg -> ChannelRepository.using(cfg, clock).byId(saved.id())).orElseThrow();
        assertThat(stored.settings().url()).as("the masked address saved back keeps the key").isEqualTo(wecom);

        assertThat(ChannelSettings.maskUrl("https://oapi.dingtalk.com/robot/send?access_token=abc123&x=1"))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=" + ChannelSettings.MASK + "&x=1");
        assertThat(ChannelSettings.maskUrl("https://open.feishu.cn/open-apis/bot/v2/hook/5e1c-99"))
                .isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/" + ChannelSettings.MASK);
    }

    @Test
    void settledMessagesLeaveTheChannelLogAfterTheRetentionAndUnsentOnesStay() {
        Channel group = channel(ChannelKind.WECOM, "群", true, List.of("*"));
        OutboxDeliverer deliverer = new OutboxDeliverer(db, clock, Map.of(ChannelKind.WECOM,
                (channel, message) -> SendResult.ok(200)));
        send(List.of(f.wang.id()), "sla.remind");
        assertThat(deliverer.deliverDue().sent()).isEqualTo(1);

        clock.advance(OutboxDeliverer.RETENTION.plusDays(1));
        send(List.of(f.wang.id()), "sla.escalate");
        channels.save(f.admin.asActor(), group.id(), group.version(), new ChannelDraft(ChannelKind.WECOM, "群", false,
                group.settings(), List.of("*")));
        db.transaction(cfg -> DSL.using(cfg).update(io.salesdesk.db.jooq.Tables.NOTIFICATION_OUTBOX)
                .set(io.salesdesk.db.jooq.Tables.NOTIFICATION_OUTBOX.CREATED_AT,
                        java.time.OffsetDateTime.now(clock).minus(OutboxDeliverer.RETENTION).minusDays(5))
                .where(io.salesdesk.db.jooq.Tables.NOTIFICATION_OUTBOX.STATUS.eq("PENDING")).execute());
        assertThat(deliverer.deliverDue().sent()).as("the channel is off: the new one waits").isZero();

        assertThat(entries(group)).as("the sent one is gone with its attempt; the unsent one stays, however old")
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(OutboxEntry.Status.PENDING));
        assertThat(count(io.salesdesk.db.jooq.Tables.NOTIFICATION_DELIVERY)).isZero();
    }

    @Test
    void aStaleEditIsRefused() {
        Channel saved = channel(ChannelKind.WECOM, "群", true, List.of("*"));
        channels.save(f.admin.asActor(), saved.id(), saved.version(), new ChannelDraft(ChannelKind.WECOM, "群 A", true,
                saved.settings(), List.of("*")));

        assertThatThrownBy(() -> channels.save(f.admin.asActor(), saved.id(), saved.version(), new ChannelDraft(
                ChannelKind.WECOM, "群 B", true, saved.settings(), List.of("*")))).isInstanceOf(StaleRecordException.class);
    }

    @Test
    void onlyCompanyWideRolesMayManageChannels() {
        Channel saved = channel(ChannelKind.WECOM, "群", true, List.of("*"));

        assertThatThrownBy(() -> channels.list(f.zjManager.asActor())).isInstanceOf(SalesDeskException.class)
                .hasMessageContaining("channels.notAllowed");
        assertThatThrownBy(() -> channels.log(f.wang.asActor(), saved.id())).isInstanceOf(SalesDeskException.class);
        assertThatThrownBy(() -> channels.delete(f.wang.asActor(), saved.id(), saved.version()))
                .isInstanceOf(SalesDeskException.class);
    }

    @Test
    void aDraftWithoutNameUrlOrValidSmtpSettingsIsRefusedFieldByField() {
        assertThatThrownBy(() -> channels.save(f.admin.asActor(), null, 0, new ChannelDraft(ChannelKind.FEISHU, " ",
                true, ChannelSettings.robot("ftp://x", null), List.of("*"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field).containsExactly("name", "url"));
        assertThatThrownBy(() -> channels.save(f.admin.asActor(), null, 0, new ChannelDraft(ChannelKind.EMAIL, "邮件",
                true, ChannelSettings.smtp(" ", 70000, ChannelSettings.Security.SSL, null, null, "not an address"),
                List.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field)
                        .containsExactly("host", "port", "from", "kinds"));
    }

    @Test
    void aRemovedChannelGetsNoMoreMessagesAndItsWaitingOnesAreNotSent() {
        Channel group = channel(ChannelKind.WECOM, "群", true, List.of("*"));
        send(List.of(f.wang.id()), "sla.remind");

        channels.delete(f.admin.asActor(), group.id(), group.version());
        send(List.of(f.wang.id()), "sla.remind");

        assertThat(entries(group)).hasSize(1);
        assertThat(due(OffsetDateTime.now(clock)))
                .isEmpty();
        assertThat(channels.list(f.admin.asActor())).isEmpty();
        assertThat(count(NOTIFICATION_OUTBOX)).isEqualTo(1);
    }

    @Test
    void aChannelThatGivesNoAnswerIsTriedOncePerRunAndItsOtherEntriesWaitWithAttemptsUnspent() {
        Channel down = channel(ChannelKind.WECOM, "断网的群", true, List.of("*"));
        Channel up = channel(ChannelKind.FEISHU, "正常的群", true, List.of("*"));
        List<String> tried = new java.util.concurrent.CopyOnWriteArrayList<>();
        Sender sender = (channel, message) -> {
            tried.add(channel.name());
            return channel.id().equals(down.id()) ? SendResult.failed(null, "ConnectException: Connection refused")
                    : SendResult.ok(200);
        };
        OutboxDeliverer deliverer = new OutboxDeliverer(db, clock, Map.of(ChannelKind.WECOM, sender,
                ChannelKind.FEISHU, sender));
        send(List.of(f.wang.id()), "sla.remind");
        send(List.of(f.li.id()), "sla.remind");

        OutboxDeliverer.Run run = deliverer.deliverDue();

        assertThat(run).isEqualTo(new OutboxDeliverer.Run(2, 1, 0));
        assertThat(tried).containsExactlyInAnyOrder("断网的群", "正常的群", "正常的群");
        assertThat(entries(down)).extracting(OutboxEntry::attempts).containsExactlyInAnyOrder(1, 0);
        assertThat(entries(down)).allSatisfy(e -> assertThat(e.status()).isEqualTo(OutboxEntry.Status.PENDING));
        assertThat(entries(up)).allSatisfy(e -> assertThat(e.status()).isEqualTo(OutboxEntry.Status.SENT));
    }
}
