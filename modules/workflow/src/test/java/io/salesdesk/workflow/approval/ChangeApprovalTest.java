package io.salesdesk.workflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.approval.ChangeApproval;
import io.salesdesk.crm.approval.SubmittedForApproval;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.Expression;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.SignMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Customer transfers and lead reassignments that wait for approval before they take effect. */
class ChangeApprovalTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    ApprovalService approvals;
    CustomerService customers;
    LeadService leads;
    User gm;
    Actor chen;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dataDir);
        f = new SalesOrgFixture(db, clock);
        db.transaction(cfg -> {
            gm = new User(Ids.newId(clock), "gm", "总经理郑", Role.GM, f.admin.orgUnitId(), f.admin.orgUnitName(),
                    f.admin.orgPath(), null);
            UserRepository.using(cfg, clock).insert(null, ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"), gm,
                    null, null);
        });
        approvals = new ApprovalService(db, clock, cfg -> UserDirectory.using(cfg, clock), Locale.SIMPLIFIED_CHINESE);
        ChangeApproval changes = new WorkflowChangeApproval(approvals, clock);
        customers = new CustomerService(db, clock, f.regions, changes);
        leads = new LeadService(db, clock, f.regions, customers, changes);
        chen = f.zjManager.asActor();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Tier A customers (and every lead from a trade fair) need the GM's approval to change hands. */
    private void useFlows() {
        approvals.saveFlow(f.admin.asActor(), ChangeApproval.CUSTOMER, ChangeApproval.TRANSFER, "客户转移",
                gmWhen("tier == \"A\""));
        approvals.saveFlow(f.admin.asActor(), ChangeApproval.LEAD, ChangeApproval.REASSIGN, "线索改派",
                gmWhen("source == \"展会\""));
    }

    private static FlowDefinition gmWhen(String expression) {
        return new FlowDefinition(List.of(new Branches("which", true, List.of(new Branch("重要", new Expression(expression),
                List.of(new ApprovalStep("gm", "总经理审批", Approvers.role("GM"), SignMode.ANY, null)))))),
                true, false, true);
    }

    private Customer customer(Tier tier) {
        UUID id = f.customer(f.wang, "杭州西湖医院", tier, SalesOrgFixture.XIHU, null);
        customers.reloadList();
        return customers.open(chen, id).orElseThrow().customer();
    }

    private CustomerDraft toLi(Customer c, String phone) {
        CustomerDraft d = c.toDraft();
        return new CustomerDraft(d.name(), d.creditCode(), d.tier(), d.industry(), d.regionCode(), d.address(), phone,
                f.li.id());
    }

    private Customer reload(Customer c) {
        return customers.open(chen, c.id()).orElseThrow().customer();
    }

    private ApprovalTask gmTask() {
        List<ApprovalTask> inbox = approvals.inbox(gm.asActor());
        assertThat(inbox).hasSize(1);
        return inbox.get(0);
    }

    private int listedFor(User owner) {
        return customers.count(chen, new CustomerQuery(null, null, null, owner.id(), CustomerQuery.Sort.NAME, true));
    }

    @Test
    void aTransferUnderAFlowKeepsTheOwnerUntilApprovedThenAppliesWithTheReasonInTheChangeLog() {
        useFlows();
        Customer c = customer(Tier.A);
        assertThat(listedFor(f.wang)).isEqualTo(1);

        assertThatThrownBy(() -> customers.transfer(chen, c.id(), c.version(), f.li.id(), "王一调岗"))
                .isInstanceOfSatisfying(SubmittedForApproval.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("approval.change.submitted");
                    assertThat(((Customer) e.record()).ownerId()).isEqualTo(f.wang.id());
                });
        assertThat(reload(c).ownerId()).isEqualTo(f.wang.id());
        assertThat(gmTask().requestTitle()).contains("杭州西湖医院").contains("王一 → 李二");

        approvals.approve(gm.asActor(), gmTask().id(), "同意");

        assertThat(reload(c).ownerId()).isEqualTo(f.li.id());
        ChangeEntry last = lastChange(c.id());
        assertThat(last.reasonKind()).isEqualTo(ChangeReason.Kind.APPROVAL.name());
        assertThat(last.reasonDetail()).contains("王一调岗");
        assertThat(last.changes()).containsKey("ownerId");
        assertThat(listedFor(f.li)).as("the in-memory list follows the approval").isEqualTo(1);
        assertThat(listedFor(f.wang)).isZero();
    }

    @Test
    void aTransferWaitingForApprovalOfACustomerMergedMeanwhileActsOnTheSurvivor() {
        useFlows();
        Customer merged = customer(Tier.A);
        UUID survivorId = f.customer(f.wang, "杭州西湖医院集团", Tier.A, SalesOrgFixture.XIHU, null);
        customers.reloadList();
        Customer survivor = customers.open(chen, survivorId).orElseThrow().customer();
        assertThatThrownBy(() -> customers.transfer(chen, merged.id(), merged.version(), f.li.id(), "王一调岗"))
                .isInstanceOf(SubmittedForApproval.class);
        io.salesdesk.crm.merge.CustomerMergeService merges = new io.salesdesk.crm.merge.CustomerMergeService(db,
                clock, f.regions, customers, io.salesdesk.crm.merge.CustomerMergeService.registered());

        var result = merges.merge(chen, survivor.id(), survivor.version(), merged.id(), reload(merged).version(),
                java.util.Set.of());
        assertThat(result.moved()).containsEntry("approval_request", 1);
        approvals.approve(gm.asActor(), gmTask().id(), "同意");

        assertThat(reload(survivor).ownerId()).as("the company changes hands, as asked").isEqualTo(f.li.id());
    }

    @Test
    void anEditThatAlsoChangesTheOwnerSavesTheRestAndLeavesTheOwnerToTheApproval() {
        useFlows();
        Customer c = customer(Tier.A);

        assertThatThrownBy(() -> customers.update(chen, c.id(), c.version(), toLi(c, "0571-88886666")))
                .isInstanceOf(SubmittedForApproval.class);

        Customer now = reload(c);
        assertThat(now.phone()).contains("88886666");
        assertThat(now.ownerId()).isEqualTo(f.wang.id());
    }

    @Test
    void aRejectedTransferLeavesTheCustomerWithItsOwner() {
        useFlows();
        Customer c = customer(Tier.A);
        assertThatThrownBy(() -> customers.transfer(chen, c.id(), c.version(), f.li.id(), null))
                .isInstanceOf(SubmittedForApproval.class);

        approvals.reject(gm.asActor(), gmTask().id(), "大客户不换人", false);

        assertThat(reload(c).ownerId()).isEqualTo(f.wang.id());
        assertThat(reload(c).version()).isEqualTo(c.version());
    }

    @Test
    void aTransferNoBranchAppliesToHappensAtOnce() {
        useFlows();
        Customer c = customer(Tier.B);

        assertThat(customers.transfer(chen, c.id(), c.version(), f.li.id(), "就近").ownerId()).isEqualTo(f.li.id());
        assertThat(approvals.inbox(gm.asActor())).isEmpty();
    }

    @Test
    void withoutAFlowATransferHappensAtOnceAsBefore() {
        Customer c = customer(Tier.A);

        assertThat(customers.update(chen, c.id(), c.version(), toLi(c, null)).ownerId()).isEqualTo(f.li.id());
    }

    @Test
    void aLeadReassignmentUnderAFlowWaitsForApprovalThenTakesTheManagersReason() {
        useFlows();
        Lead lead = lead("展会");

        assertThatThrownBy(() -> leads.reassign(chen, lead.id(), lead.version(), f.li.id(), "李二熟悉该院"))
                .isInstanceOf(SubmittedForApproval.class);
        assertThat(leads.find(chen, lead.id()).orElseThrow().ownerId()).isEqualTo(f.wang.id());

        approvals.approve(gm.asActor(), gmTask().id(), null);

        Lead moved = leads.find(chen, lead.id()).orElseThrow();
        assertThat(moved.ownerId()).isEqualTo(f.li.id());
        assertThat(moved.assignmentReason()).isEqualTo("李二熟悉该院");
        assertThat(moved.assignmentFlag()).isEqualTo(Lead.AssignmentFlag.OVERRIDE);
        assertThat(lastChange(lead.id()).reasonKind()).isEqualTo(ChangeReason.Kind.APPROVAL.name());
    }

    @Test
    void aLeadFromAnotherSourceIsReassignedAtOnce() {
        useFlows();
        Lead lead = lead("官网");

        assertThat(leads.reassign(chen, lead.id(), lead.version(), f.li.id(), "就近").ownerId()).isEqualTo(f.li.id());
    }

    private Lead lead(String source) {
        UUID id = Ids.newId(clock);
        db.transaction(cfg -> LeadRepository.using(cfg, clock).insertAll(f.admin.asActor(), ChangeReason.user(),
                List.of(new LeadRepository.NewLead(id, new LeadDraft("西湖区人民医院", "周医生", null, null,
                        SalesOrgFixture.XIHU, null, Tier.B, source, null), LeadStatus.ASSIGNED, f.wang.id(),
                        clock.instant().atOffset(java.time.ZoneOffset.UTC), "区域匹配", null, "m",
                        clock.instant().atOffset(java.time.ZoneOffset.UTC)))));
        return leads.find(chen, id).orElseThrow();
    }

    private ChangeEntry lastChange(UUID id) {
        List<ChangeEntry> all = db.transactionResult(cfg -> io.salesdesk.db.ChangeLog.using(cfg, clock).forEntity(id));
        return all.get(all.size() - 1);
    }
}
