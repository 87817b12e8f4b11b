package io.salesdesk.workflow.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import java.io.UncheckedIOException;
import java.util.Map;

/** Flow definitions, routes and field snapshots as the JSON the database keeps. */
public final class ApprovalJson {

    // Unknown keys are skipped: a definition saved by a newer version still opens.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ApprovalJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FlowDefinition flow(String json) {
        return read(json, FlowDefinition.class);
    }

    static Route route(String json) {
        return read(json, Route.class);
    }

    static Map<String, Object> fields(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
