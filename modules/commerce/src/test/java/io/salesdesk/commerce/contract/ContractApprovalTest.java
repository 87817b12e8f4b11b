package io.salesdesk.commerce.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.commerce.FinanceFixture;
import io.salesdesk.commerce.demo.DemoApprovalFlows;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.escalation.EscalationStatus;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.ApprovalTimeouts;
import io.salesdesk.workflow.notify.NotificationService;
import io.salesdesk.workflow.notify.channel.Channel;
import io.salesdesk.workflow.notify.channel.ChannelDraft;
import io.salesdesk.workflow.notify.channel.ChannelKind;
import io.salesdesk.workflow.notify.channel.ChannelService;
import io.salesdesk.workflow.notify.channel.ChannelSettings;
import io.salesdesk.workflow.notify.channel.OutboxDeliverer;
import io.salesdesk.workflow.notify.channel.OutboxEntry;
import io.salesdesk.workflow.notify.channel.OutboxRepository;
import io.salesdesk.workflow.approval.ApprovalTask;
import io.salesdesk.workflow.approval.UserDirectory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed scenario end to end: a contract submitted under the demo's contract flow. */
class ContractApprovalTest {

    @TempDir
    Path dataDir;

    Database db;
    FinanceFixture f;
    ApprovalService approvals;
    ContractService contracts;
    Actor wang;
    UUID customer;
    User legal;
    User finance;
    User gm;
    final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir.resolve("db"));
        f = new FinanceFixture(db, clock);
        db.transaction(cfg -> {
            UserRepository users = UserRepository.using(cfg, clock);
            gm = user(users, "gm", "总经理郑", Role.GM, null);
            legal = user(users, "legal", "法务孙", Role.LEGAL, gm.id());
            finance = user(users, "finance", "财务吴", Role.FINANCE, gm.id());
        });
        approvals = new ApprovalService(db, clock, cfg -> UserDirectory.using(cfg, clock), Locale.SIMPLIFIED_CHINESE);
        contracts = new ContractService(db, clock, dataDir.resolve("attachments"), approvals);
        new DemoApprovalFlows(db, clock, approvals).create();
        wang = f.org.wang.asActor();
        customer = f.customer(f.org.wang, "杭州西湖医院");
    }

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private User user(UserRepository users, String login, String name, Role role, UUID manager) {
        User u = new User(Ids.newId(clock), login, name, role, f.org.admin.orgUnitId(), f.org.admin.orgUnitName(),
                f.org.admin.orgPath(), manager);
        users.insert(null, ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"), u, login + "@kangrui.example", null);
        return u;
    }

    private Contract submitted(String amount) {
        Contract draft = contracts.create(wang, new ContractDraft("监护仪采购合同", customer, null, null, null,
                new BigDecimal(amount), null, null));
        return contracts.submitForApproval(wang, draft.id(), draft.version());
    }

    private ApprovalTask taskOf(User user) {
        List<ApprovalTask> inbox = approvals.inbox(user.asActor());
        assertThat(inbox).as("%s's inbox", user.displayName()).hasSize(1);
        return inbox.get(0);
    }

    @Test
    void aContractOf600000IsSignedOnlyAfterLegalFinanceAndTheGmApprove() {
        Contract c = submitted("600000");
        Actor signer = f.org.zjManager.asActor();

        assertThat(c.status()).isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(taskOf(legal).requestTitle()).contains(c.contractNo()).contains("600000");
        assertThatThrownBy(() -> contracts.sign(signer, c.id(), c.version(), LocalDate.of(2026, 3, 2)))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("contract.sign.approvalPending");

        approvals.approve(legal.asActor(), taskOf(legal).id(), null);
        approvals.approve(finance.asActor(), taskOf(finance).id(), null);
        approvals.approve(gm.asActor(), taskOf(gm).id(), "同意签约");

        Contract approved = contracts.find(wang, c.id()).orElseThrow();
        assertThat(contracts.sign(signer, approved.id(), approved.version(), LocalDate.of(2026, 3, 2)).status())
                .isEqualTo(ContractStatus.SIGNED);
    }

    /**
     * The goal: legal sits on a 600,000 contract for 24 hours; the legal approver is
     * reminded on the WeCom group robot and by e-mail, the GM's escalation board shows the stuck
     * approval, and when legal signs the contract is ready to sign and the rep is told.
     */
    @Test
    void legalIdleFor24HoursIsRemindedOnTwoChannelsAndShownOnTheSupervisorsBoard() {
        ChannelService channels = new ChannelService(db, clock, new OutboxDeliverer(db, clock, Map.of()));
        Channel wecom = channels.save(f.org.admin.asActor(), null, 0, new ChannelDraft(ChannelKind.WECOM, "法务与商务群",
                true, ChannelSettings.robot("http://127.0.0.1:9/cgi-bin/webhook/send?key=k", null),
                List.of("approval.*")));
        Channel mail = channels.save(f.org.admin.asActor(), null, 0, new ChannelDraft(ChannelKind.EMAIL, "公司邮箱", true,
                ChannelSettings.smtp("127.0.0.1", 2525, ChannelSettings.Security.NONE, null, null, "crm@kangrui.example"),
                List.of("approval.*")));
        EscalationService escalations = new EscalationService(db, clock);
        ApprovalTimeouts timeouts = new ApprovalTimeouts(db, clock, approvals, escalations, Locale.SIMPLIFIED_CHINESE);
        Contract c = submitted("600000");

        approvals.approve(finance.asActor(), taskOf(finance).id(), null);
        approvals.approve(gm.asActor(), taskOf(gm).id(), null);
        clock.advance(Duration.ofHours(24));
        timeouts.runDue();

        assertThat(outbox(wecom)).filteredOn(e -> e.notificationKind().equals("approval.overdue")).singleElement()
                .satisfies(e -> assertThat(e.body()).contains("法务审核").contains("@法务孙"));
        assertThat(outbox(mail)).filteredOn(e -> e.notificationKind().equals("approval.overdue")).singleElement()
                .satisfies(e -> assertThat(e.address()).isEqualTo("legal@kangrui.example"));
        assertThat(escalations.column(gm.asActor(), EscalationStatus.OPEN, 50)).singleElement().satisfies(e -> {
            assertThat(e.subjectLabel()).contains(c.contractNo());
            assertThat(e.ownerId()).isEqualTo(legal.id());
        });

        approvals.approve(legal.asActor(), taskOf(legal).id(), "条款已审");
        Contract approved = contracts.find(wang, c.id()).orElseThrow();
        assertThat(contracts.sign(f.org.zjManager.asActor(), approved.id(), approved.version(),
                LocalDate.of(2026, 3, 3)).status()).isEqualTo(ContractStatus.SIGNED);
        assertThat(new NotificationService(db, clock).inbox(wang)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("approval.approved");
            assertThat(n.title()).contains(c.contractNo());
        });
    }

    private List<OutboxEntry> outbox(Channel channel) {
        return db.transactionResult(cfg -> OutboxRepository.using(cfg, clock).entries(channel.id(), 50));
    }

    @Test
    void aContractOf300000GoesToTheRegionalManagerAndARejectionReturnsItToDraft() {
        Contract c = submitted("300000");

        assertThat(approvals.inbox(gm.asActor())).isEmpty();
        approvals.reject(f.org.zjManager.asActor(), taskOf(f.org.zjManager).id(), "付款条件需改为 30/70", false);

        assertThat(contracts.find(wang, c.id()).orElseThrow().status()).isEqualTo(ContractStatus.DRAFT);
    }

    @Test
    void aRecalledRequestReturnsTheContractToDraft() {
        Contract c = submitted("300000");
        UUID request = approvals.pendingFor(ContractService.APPROVAL_ENTITY, c.id()).orElseThrow().id();

        approvals.recall(wang, request, "金额有误");

        assertThat(contracts.find(wang, c.id()).orElseThrow().status()).isEqualTo(ContractStatus.DRAFT);
    }
}
