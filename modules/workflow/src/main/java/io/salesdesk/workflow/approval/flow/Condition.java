package io.salesdesk.workflow.approval.flow;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/** When a branch applies, tested against the field values of the submitted record. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FieldTest.class, name = "field"),
        @JsonSubTypes.Type(value = AllOf.class, name = "all"),
        @JsonSubTypes.Type(value = AnyOf.class, name = "any"),
        @JsonSubTypes.Type(value = Expression.class, name = "expr")
})
public sealed interface Condition permits FieldTest, AllOf, AnyOf, Expression {

    boolean test(Map<String, ?> fields);
}
