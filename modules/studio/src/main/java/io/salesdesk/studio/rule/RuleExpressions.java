package io.salesdesk.studio.rule;

import io.salesdesk.studio.field.CustomField;
import io.salesdesk.workflow.approval.flow.CelConditions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule's advanced condition (高级条件): a CEL expression, the safe language the approval flows use,
 * over one record's built-in fields by key and its custom fields by their key. Evaluated in memory on
 * the records the SQL conditions let through, never in the database.
 */
final class RuleExpressions {

    private RuleExpressions() {
    }

    /** Why the expression cannot be used, in CEL's words, or empty when it is a true-or-false condition. */
    static Optional<String> problem(String expression) {
        return CelConditions.problem(expression);
    }

    /** Whether the record meets the expression; a value the expression cannot use counts as "no". */
    static boolean holds(String expression, RuleRecord record, List<CustomField> fields) {
        return CelConditions.holds(expression, variables(record, fields));
    }

    private static Map<String, Object> variables(RuleRecord record, List<CustomField> fields) {
        Map<String, Object> values = new HashMap<>();
        for (CustomField f : fields) {
            RuleRecord.Stored s = record.custom().get(f.id());
            if (s != null) {
                Object v = switch (f.type()) {
                    case NUMBER, MONEY -> s.number();
                    case DATE_TIME -> s.moment();
                    case CHECKBOX -> s.flag();
                    default -> s.text();
                };
                if (v != null) {
                    values.put(f.key(), v);
                }
            }
        }
        // Built-in fields win over a custom field of the same key.
        record.builtIn().forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        return values;
    }
}
