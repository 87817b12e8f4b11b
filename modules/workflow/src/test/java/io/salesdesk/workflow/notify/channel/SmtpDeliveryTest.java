package io.salesdesk.workflow.notify.channel;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.notify.NotificationRepository;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** E-mail through an in-process SMTP server (GreenMail on a free port of 127.0.0.1). */
class SmtpDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path dataDir;

    final TestClock clock = new TestClock(Instant.parse("2026-11-26T02:00:00Z"));
    Database db;
    SalesOrgFixture f;
    OutboxDeliverer deliverer;
    ChannelService channels;
    Actor admin;

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dataDir);
        f = new SalesOrgFixture(db, clock);
        deliverer = new OutboxDeliverer(db, clock, Map.of(ChannelKind.EMAIL, new SmtpSender(clock, Duration.ofSeconds(5))));
        channels = new ChannelService(db, clock, deliverer);
        admin = f.admin.asActor();
        email(f.wang.id(), "wang.yi@example.com");
        email(f.zjManager.id(), "chen.dong@example.com");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void email(UUID user, String address) {
        db.transaction(cfg -> DSL.using(cfg).update(APP_USER).set(APP_USER.EMAIL, address).where(APP_USER.ID.eq(user))
                .execute());
    }

    private Channel mailChannel(String username, String password) {
        return channels.save(admin, null, 0, new ChannelDraft(ChannelKind.EMAIL, "公司邮箱", true,
                ChannelSettings.smtp("127.0.0.1", MAIL.getSmtp().getPort(), ChannelSettings.Security.NONE, username,
                        password, "SalesDesk <crm@example.com>"), List.of("sla.*")));
    }

    @Test
    void eachRecipientWithAnAddressGetsTheMessageInUtf8Chinese() throws Exception {
        mailChannel(null, null);
        db.transaction(cfg -> NotificationRepository.using(cfg, clock).send(List.of(f.wang.id(), f.zjManager.id(),
                f.li.id()), "sla.escalate", "升级：杭州西湖医院 3 天未跟进",
                "杭州西湖医院已 3 天未跟进，负责人王一。请主管跟进。", "customer", UUID.randomUUID()));

        OutboxDeliverer.Run run = deliverer.deliverDue();

        assertThat(run.sent()).as("李二 has no e-mail address").isEqualTo(2);
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage toWang = List.of(received).stream()
                .filter(m -> List.of(uncheckedTo(m)).contains("wang.yi@example.com")).findFirst().orElseThrow();
        assertThat(toWang.getSubject()).isEqualTo("升级：杭州西湖医院 3 天未跟进");
        assertThat(((InternetAddress) toWang.getFrom()[0]).getAddress()).isEqualTo("crm@example.com");
        assertThat(toWang.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(((String) toWang.getContent()).strip()).isEqualTo("杭州西湖医院已 3 天未跟进，负责人王一。请主管跟进。");
    }

    @Test
    void aMessageKindTheChannelDoesNotCarryIsNotMailed() {
        mailChannel(null, null);
        db.transaction(cfg -> NotificationRepository.using(cfg, clock).send(List.of(f.wang.id()), "pool.returned",
                "客户退回公海", "…", "customer", UUID.randomUUID()));

        assertThat(deliverer.deliverDue().sent()).isZero();
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void loginWithUserAndPasswordAndTheTestMailGoesToTheAdminsOwnAddress() throws Exception {
        MAIL.setUser("crm@example.com", "crm", "s3cret");
        email(f.admin.id(), "admin@example.com");
        Channel channel = mailChannel("crm", "s3cret");
        assertThat(channel.settings().password()).as("shown masked").isEqualTo(ChannelSettings.MASK);

        SendResult result = channels.sendTest(admin, channel.id(), new ChannelDraft(ChannelKind.EMAIL, "公司邮箱", true,
                ChannelSettings.smtp("127.0.0.1", MAIL.getSmtp().getPort(), ChannelSettings.Security.NONE, "crm",
                        ChannelSettings.MASK, "crm@example.com"), List.of("*")), "SalesDesk 测试邮件", "通知渠道可以使用。");

        assertThat(result.delivered()).as(String.valueOf(result.error())).isTrue();
        assertThat(MAIL.getReceivedMessages()).singleElement().satisfies(m -> {
            assertThat(uncheckedTo(m)).containsExactly("admin@example.com");
            assertThat(m.getSubject()).isEqualTo("SalesDesk 测试邮件");
        });
    }

    @Test
    void anUnreachableServerIsRetriedWithItsErrorInTheLog() {
        Channel channel = channels.save(admin, null, 0, new ChannelDraft(ChannelKind.EMAIL, "坏的邮箱", true,
                ChannelSettings.smtp("127.0.0.1", 1, ChannelSettings.Security.STARTTLS, null, null, "crm@example.com"),
                List.of("*")));
        db.transaction(cfg -> NotificationRepository.using(cfg, clock).send(List.of(f.wang.id()), "sla.remind", "提醒",
                "正文", "customer", UUID.randomUUID()));

        assertThat(deliverer.deliverDue().retrying()).isEqualTo(1);

        assertThat(channels.log(admin, channel.id())).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Delivery.Outcome.RETRY);
            assertThat(d.error()).startsWith("SMTP: ").containsIgnoringCase("connect");
        });
    }

    private static String[] uncheckedTo(MimeMessage m) {
        try {
            return java.util.Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .map(a -> ((InternetAddress) a).getAddress()).toArray(String[]::new);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
