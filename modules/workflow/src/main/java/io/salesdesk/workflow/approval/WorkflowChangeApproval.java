package io.salesdesk.workflow.approval;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.approval.ChangeApproval;
import io.salesdesk.crm.approval.ProposedChange;
import io.salesdesk.workflow.approval.ApprovalTrigger.Field;
import io.salesdesk.workflow.approval.ApprovalTrigger.FieldType;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Configuration;

/**
 * Customer transfers and lead reassignments through the workspace's approval flows: the crm
 * services submit the change here instead of applying it when a flow for it exists, and the change
 * is applied (by the service that registered how) in the transaction that approves the request. A
 * rejected or recalled request leaves the record as it was, since nothing was changed yet.
 */
public final class WorkflowChangeApproval implements ChangeApproval {

    /** What a transfer flow's conditions and approvers can read. */
    public static final ApprovalTrigger CUSTOMER_TRANSFER = new ApprovalTrigger(CUSTOMER, TRANSFER, List.of(
            new Field("fromOwnerId", FieldType.USER), new Field("toOwnerId", FieldType.USER),
            new Field("regionCode", FieldType.REGION), new Field("tier", FieldType.TEXT),
            new Field("customerId", FieldType.TEXT)));
    /** What a reassignment flow's conditions and approvers can read. */
    public static final ApprovalTrigger LEAD_REASSIGN = new ApprovalTrigger(LEAD, REASSIGN, List.of(
            new Field("fromOwnerId", FieldType.USER), new Field("toOwnerId", FieldType.USER),
            new Field("regionCode", FieldType.REGION), new Field("source", FieldType.TEXT)));
    /** The submitter's reason travels with the request's fields, so the approved change can record it. */
    static final String REASON = "reason";

    private final ApprovalService approvals;
    private final Clock clock;
    private final Map<String, ApprovedChange> appliers = new ConcurrentHashMap<>();
    /** Set while this thread submits: a request approved at once is applied by the submitting service. */
    private final ThreadLocal<Boolean> submitting = ThreadLocal.withInitial(() -> false);

    public WorkflowChangeApproval(ApprovalService approvals, Clock clock) {
        this.approvals = approvals;
        this.clock = clock;
        approvals.register(CUSTOMER_TRANSFER);
        approvals.register(LEAD_REASSIGN);
        approvals.onDecision(CUSTOMER, this::decided);
        approvals.onDecision(LEAD, this::decided);
    }

    @Override
    public Optional<UUID> submit(Configuration cfg, Actor actor, ProposedChange change) {
        Map<String, Object> fields = new HashMap<>(change.fields());
        fields.put(REASON, change.reason());
        // ApprovalSubject refuses null values; an absent field reads as null in conditions anyway.
        fields.values().removeIf(Objects::isNull);
        ApprovalSubject subject = new ApprovalSubject(change.entity(), change.action(), change.recordId(),
                change.title(), fields);
        submitting.set(true);
        try {
            // A request whose every step approved itself at once (the submitter is its only
            // approver) ends before submit returns: the caller applies the change as usual then.
            return approvals.submit(cfg, actor, subject).filter(r -> r.status() == RequestStatus.PENDING)
                    .map(ApprovalRequest::id);
        } finally {
            submitting.remove();
        }
    }

    @Override
    public void whenApproved(String entity, ApprovedChange apply) {
        appliers.put(entity, apply);
    }

    private void decided(Configuration cfg, ApprovalRequest request, RequestStatus outcome) {
        ApprovedChange apply = appliers.get(request.entity());
        if (outcome != RequestStatus.APPROVED || apply == null || submitting.get()) {
            return;
        }
        Map<String, Object> fields = new HashMap<>(ApprovalJson.fields(ApprovalRepository.using(cfg, clock)
                .fieldsJson(request.id())));
        Object reason = fields.remove(REASON);
        apply.apply(cfg, request.id(), new ProposedChange(request.entity(), request.action(), request.recordId(),
                request.title(), reason == null ? null : reason.toString(), fields));
    }
}
