package io.salesdesk.studio.rule;

import io.salesdesk.workflow.approval.ApprovalTrigger;
import io.salesdesk.workflow.approval.ApprovalTrigger.Field;
import io.salesdesk.workflow.approval.ApprovalTrigger.FieldType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The approval flows a rule can start (规则发起审批): one per entity, action {@value #ACTION}, designed
 * in Settings → 审批流程 like any other; the fields its conditions read are the record's built-in ones.
 */
public final class RuleApprovals {

    /** The action of the flows rules start. */
    public static final String ACTION = "rule";

    /** What the flow designer offers for rules on customers, leads and opportunities. */
    public static final List<ApprovalTrigger> TRIGGERS = List.of(
            new ApprovalTrigger("customer", ACTION, List.of(new Field("tier", FieldType.TEXT),
                    new Field("regionCode", FieldType.REGION), new Field("ownerId", FieldType.USER))),
            new ApprovalTrigger("lead", ACTION, List.of(new Field("source", FieldType.TEXT),
                    new Field("regionCode", FieldType.REGION), new Field("ownerId", FieldType.USER))),
            new ApprovalTrigger("opportunity", ACTION, List.of(new Field("amount", FieldType.MONEY),
                    new Field("stage", FieldType.TEXT), new Field("ownerId", FieldType.USER))));

    private RuleApprovals() {
    }

    /** The record's values the entity's trigger declares, as the approval conditions read them. */
    static Map<String, Object> fields(RuleEntity entity, RuleRecord record) {
        ApprovalTrigger trigger = TRIGGERS.stream().filter(t -> t.entity().equals(entity.auditName())).findFirst()
                .orElseThrow();
        return trigger.fields().stream().filter(f -> record.builtIn().get(f.name()) != null)
                .collect(Collectors.toMap(Field::name, f -> record.builtIn().get(f.name())));
    }
}
