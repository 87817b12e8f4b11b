package io.salesdesk.workflow.approval.flow;

import java.util.List;
import java.util.Map;

/** Every condition holds ("and"). */
public record AllOf(List<Condition> conditions) implements Condition {

    public AllOf {
        conditions = List.copyOf(conditions);
    }

    @Override
    public boolean test(Map<String, ?> fields) {
        return conditions.stream().allMatch(c -> c.test(fields));
    }
}
