package io.salesdesk.ledger.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.map.UnmappedColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A column mapping as JSON, the form saved mappings and {@code --mapping FILE.json} share:
 * <pre>{"entity": "customers", "columns": {"公司": "name", "电话号码": "phone", "内部编号": ""}}</pre>
 * Keys are header texts as written in the ledger; an empty field leaves the column out.
 */
public final class MappingJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MappingJson() {
    }

    /** The JSON of a confirmed mapping: every header, mapped or not. */
    public static String write(ColumnMapping mapping) {
        ObjectNode root = JSON.createObjectNode();
        root.put("entity", mapping.entityKey());
        ObjectNode columns = root.putObject("columns");
        for (MappedColumn column : mapping.columns()) {
            columns.put(column.header(), column.fieldKey());
        }
        for (UnmappedColumn column : mapping.unmapped()) {
            if (!columns.has(column.header())) {
                columns.put(column.header(), "");
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A mapping of strings is always writable as JSON", e);
        }
    }

    /** Header text → field key from JSON text; the reason is thrown as an IOException when malformed. */
    public static Map<String, String> parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        JsonNode columns = root == null ? null : root.has("columns") ? root.get("columns") : root;
        if (columns == null || !columns.isObject()) {
            throw new IOException("expected {\"columns\": {\"header\": \"field\"}}");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            map.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asText());
        }
        return map;
    }

    /**
     * Reads a mapping file.
     *
     * @throws LedgerImportException if it cannot be read or is not a mapping
     */
    public static Map<String, String> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new LedgerImportException(e, LedgerImportException.BAD_MAPPING_FILE, file.getFileName().toString(),
                    String.valueOf(e.getMessage()));
        }
    }
}
