package io.salesdesk.studio.form;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The JSON a layout's sections are stored as: records field by field. */
final class FormLayoutJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private FormLayoutJson() {
    }

    static String write(List<FormSection> sections) {
        try {
            return JSON.writeValueAsString(sections);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form layout could not be written as JSON", e);
        }
    }

    static List<FormSection> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<FormSection>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored form layout is not valid JSON: " + json, e);
        }
    }
}
