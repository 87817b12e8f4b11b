package io.salesdesk.commerce.demo;

import io.salesdesk.commerce.contract.ContractService;
import io.salesdesk.commerce.quote.QuoteService;
import io.salesdesk.core.Role;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.Expression;
import io.salesdesk.workflow.approval.flow.FieldTest;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.Operator;
import io.salesdesk.workflow.approval.flow.SignMode;
import io.salesdesk.workflow.approval.flow.StepTimeout;
import io.salesdesk.workflow.approval.flow.TimeoutAction;
import java.time.Clock;
import java.util.List;

/**
 * The demo workspace's contract flow, the seed scenario: a contract over 500,000 yuan goes at the
 * same moment to legal review, finance risk and the general manager, and all three must approve
 * (each step 24 hours); any other contract goes to the submitter's regional manager. And the quote
 * discount flow: over 30 % off list the submitter's manager and then the general manager, over 15 %
 * the manager alone, anything less needs no approval.
 */
public final class DemoApprovalFlows {

    public static final String CONTRACT_FLOW_NAME = "合同审批：50 万以上法务、财务、总经理会签";
    public static final String QUOTE_FLOW_NAME = "报价折扣审批：15% 以上经理，30% 以上经理后总经理";

    private final Database db;
    private final ApprovalService approvals;
    private final Clock clock;

    public DemoApprovalFlows(Database db, Clock clock, ApprovalService approvals) {
        this.db = db;
        this.clock = clock;
        this.approvals = approvals;
    }

    /** Installs the contract flow and the quote discount flow, each unless the workspace already has one. */
    public void create() {
        boolean contract = approvals.flow(ContractService.APPROVAL_ENTITY, ContractService.APPROVAL_ACTION)
                .isEmpty();
        boolean quote = approvals.flow(QuoteService.APPROVAL_ENTITY, QuoteService.APPROVAL_ACTION).isEmpty();
        if (!contract && !quote) {
            return;
        }
        var admin = new UserService(db, clock).all().stream().filter(u -> u.role() == Role.ADMIN).findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo workspace has no administrator"));
        if (contract) {
            approvals.saveFlow(admin.asActor(), ContractService.APPROVAL_ENTITY, ContractService.APPROVAL_ACTION,
                    CONTRACT_FLOW_NAME, contractFlow());
        }
        if (quote) {
            approvals.saveFlow(admin.asActor(), QuoteService.APPROVAL_ENTITY, QuoteService.APPROVAL_ACTION,
                    QUOTE_FLOW_NAME, quoteFlow());
        }
    }

    /**
     * Over 30 % off list: the submitter's manager, then the general manager; over 15 %: the manager;
     * otherwise no branch applies and the quote needs no approval.
     */
    public static FlowDefinition quoteFlow() {
        // Step ids are unique within a flow, so each branch has its own manager step.
        return new FlowDefinition(List.of(new Branches("byDiscount", true, List.of(
                new Branch("折扣超过 30%", new Expression("discountPct > 30.0"), List.of(
                        step("bigDiscountManager", "销售经理审批", Approvers.manager(1)),
                        step("bigDiscountGm", "总经理审批", Approvers.role(Role.GM.name())))),
                new Branch("折扣超过 15%", new Expression("discountPct > 15.0"), List.of(
                        step("discountManager", "销售经理审批", Approvers.manager(1))))))),
                true, false, true);
    }

    /** Over 500,000: legal, finance and the GM in parallel, all to approve; otherwise the regional manager. */
    public static FlowDefinition contractFlow() {
        Branches bigDeal = new Branches("bigDeal", false, List.of(
                new Branch("法务审核", null, List.of(step("legal", "法务审核", Approvers.role(Role.LEGAL.name())))),
                new Branch("财务风控", null, List.of(step("finance", "财务风控", Approvers.role(Role.FINANCE.name())))),
                new Branch("总经理审批", null, List.of(step("gm", "总经理审批", Approvers.role(Role.GM.name()))))));
        return new FlowDefinition(List.of(new Branches("byAmount", true, List.of(
                new Branch("金额超过 50 万", new FieldTest("amount", Operator.GT, "500000"), List.of(bigDeal)),
                new Branch("其他合同", null, List.of(step("manager", "区域经理审批", Approvers.manager(1))))))),
                true, false, true);
    }

    private static ApprovalStep step(String id, String name, Approvers who) {
        // First-wins within a step: any one lawyer (or finance officer) decides for their department.
        return new ApprovalStep(id, name, who, SignMode.ANY, new StepTimeout(24, false, 8, true, TimeoutAction.NONE, null));
    }
}
