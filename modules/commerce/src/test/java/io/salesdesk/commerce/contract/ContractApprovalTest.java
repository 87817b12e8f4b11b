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
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.ApprovalTask;
import io.salesdesk.workflow.approval.UserDirectory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
            legal = user(users, "legal", "法务孙", Role.LEGAL);
            finance = user(users, "finance", "财务吴", Role.FINANCE);
            gm = user(users, "gm", "总经理郑", Role.GM);
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

    private User user(UserRepository users, String login, String name, Role role) {
        User u = new User(Ids.newId(clock), login, name, role, f.org.admin.orgUnitId(), f.org.admin.orgUnitName(),
                f.org.admin.orgPath(), null);
        users.insert(null, ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"), u, null, null);
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
