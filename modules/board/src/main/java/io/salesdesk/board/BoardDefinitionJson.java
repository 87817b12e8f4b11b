package io.salesdesk.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Board definitions as JSON. Reading tolerates keys it does not know (a definition written by a
 * newer version, or by a template), so a board never fails to open because of its definition.
 */
final class BoardDefinitionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private BoardDefinitionJson() {
    }

    static String write(BoardDefinition definition) {
        try {
            return MAPPER.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The definition, or empty when the text is not a readable definition. */
    static Optional<BoardDefinition> read(String json) {
        try {
            return Optional.ofNullable(MAPPER.readValue(json, BoardDefinition.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
