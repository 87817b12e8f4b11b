package io.salesdesk.workflow.approval.flow;

import java.util.List;
import java.util.Map;

/** At least one condition holds ("or"). */
public record AnyOf(List<Condition> conditions) implements Condition {

    public AnyOf {
        conditions = List.copyOf(conditions);
    }

    @Override
    public boolean test(Map<String, ?> fields) {
        return conditions.stream().anyMatch(c -> c.test(fields));
    }
}
