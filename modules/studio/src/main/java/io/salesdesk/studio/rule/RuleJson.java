package io.salesdesk.studio.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The JSON a rule's trigger, conditions and actions are stored as: records field by field. */
final class RuleJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RuleJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule part could not be written as JSON", e);
        }
    }

    static RuleTrigger trigger(String json) {
        return read(json, new TypeReference<RuleTrigger>() {
        });
    }

    static RuleConditions conditions(String json) {
        return read(json, new TypeReference<RuleConditions>() {
        });
    }

    static List<RuleAction> actions(String json) {
        return read(json, new TypeReference<List<RuleAction>>() {
        });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule part is not valid JSON: " + json, e);
        }
    }
}
