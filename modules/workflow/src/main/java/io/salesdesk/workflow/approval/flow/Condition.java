package io.salesdesk.workflow.approval.flow;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/** When a branch applies, tested against the field values of the submitted record. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FieldTest.class, name = "field"),
        @JsonSubTypes.Type(value = AllOf.class, name = "all"),
        @JsonSubTypes.Type(value = AnyOf.class, name = "any")
})
public sealed interface Condition permits FieldTest, AllOf, AnyOf {

    boolean test(Map<String, ?> fields);
}
