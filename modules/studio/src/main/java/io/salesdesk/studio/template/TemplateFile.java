package io.salesdesk.studio.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Reads and writes template files (JSON, UTF-8, see docs/templates.md). Reading checks the file as a
 * whole before anything is installed: every refusal is a {@link TemplateException} naming the place in
 * the file, in the user's language.
 */
public final class TemplateFile {

    /** The newest file format this SalesDesk reads, and the one it writes. */
    public static final int FORMAT = 1;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern APP_VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}");
    // Strict: a misspelt key ("automationRule") is refused by name rather than silently left out.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .configure(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION, false)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private TemplateFile() {
    }

    /**
     * Reads a template and checks that this SalesDesk can install it.
     *
     * @param appVersion the running SalesDesk's version, e.g. {@code 0.1.0}
     * @throws TemplateException naming what is wrong: not JSON, a missing or bad value, an unknown key,
     *                           a newer format or a newer SalesDesk needed
     */
    public static Template read(InputStream in, String appVersion) {
        try {
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), appVersion);
        } catch (IOException e) {
            throw new TemplateException(e, "template.file.unreadable", e.getMessage());
        }
    }

    /** {@link #read(InputStream, String)} from text. */
    public static Template read(String text, String appVersion) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
        if (tree == null || !tree.isObject()) {
            throw new TemplateException("template.file.notObject");
        }
        // The version checks come first: a newer file may hold keys this version does not know.
        JsonNode format = tree.get("format");
        if (format == null || !format.canConvertToInt()) {
            throw new TemplateException("template.file.missing", "format");
        }
        if (format.asInt() > FORMAT) {
            throw new TemplateException("template.file.newerFormat", format.asInt(), FORMAT);
        }
        if (format.asInt() < 1) {
            throw new TemplateException("template.file.badValue", "format", format.asText());
        }
        JsonNode min = tree.get("minAppVersion");
        if (min != null && !min.isNull()) {
            if (!APP_VERSION.matcher(min.asText()).matches()) {
                throw new TemplateException("template.file.badValue", "minAppVersion", min.asText());
            }
            if (compareVersions(min.asText(), appVersion) > 0) {
                throw new TemplateException("template.file.newerApp", min.asText(), appVersion);
            }
        }
        Template template;
        try {
            template = JSON.treeToValue(tree, Template.class);
        } catch (UnrecognizedPropertyException e) {
            throw new TemplateException("template.file.unknownKey", path(e));
        } catch (InvalidFormatException e) {
            throw new TemplateException("template.file.badValue", path(e), String.valueOf(e.getValue()));
        } catch (JsonMappingException e) {
            throw new TemplateException("template.file.badValue", path(e), rootMessage(e));
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
        return checked(template);
    }

    /** The template as a file's text: indented JSON, keys in the documented order. */
    public static String write(Template template) {
        try {
            return JSON.writeValueAsString(template) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template could not be written as JSON", e);
        }
    }

    /** An item or setting as compact JSON: what install records and uninstall compares. */
    static String json(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template item could not be written as JSON", e);
        }
    }

    /** {@link #json} with the arrays under the named keys sorted: sets that serialise in no fixed order. */
    static String canonicalJson(Object value, String setKey) {
        JsonNode tree = COMPACT.valueToTree(value);
        sortArrays(tree, setKey);
        return json(tree);
    }

    private static void sortArrays(JsonNode node, String key) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            JsonNode set = o.get(key);
            if (set instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
                java.util.List<JsonNode> sorted = new java.util.ArrayList<>();
                a.forEach(sorted::add);
                sorted.sort(java.util.Comparator.comparing(JsonNode::asText));
                a.removeAll();
                a.addAll(sorted);
            }
        }
        node.forEach(child -> sortArrays(child, key));
    }

    /** A value written by {@link #json}, read back. */
    static <T> T parse(String json, Class<T> type) {
        try {
            return COMPACT.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded template value is not readable: " + json, e);
        }
    }

    static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares dotted versions number by number ("0.10" after "0.9"); a missing part counts as 0. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(part(x, i), part(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int part(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[i]);
        } catch (NumberFormatException e) {
            return 0; // "SNAPSHOT" and the like
        }
    }

    private static Template checked(Template t) {
        if (t.id() == null || t.id().isBlank()) {
            throw new TemplateException("template.file.missing", "id");
        }
        if (!ID.matcher(t.id()).matches()) {
            throw new TemplateException("template.file.badId", t.id());
        }
        if (t.version() < 1) {
            throw new TemplateException("template.file.missing", "version");
        }
        if (t.name() == null || blank(t.name().zh()) && blank(t.name().en())) {
            throw new TemplateException("template.file.missing", "name");
        }
        for (int i = 0; i < t.customFields().size(); i++) {
            Template.Field f = t.customFields().get(i);
            require(f.entity(), "customFields[" + (i + 1) + "].entity");
            require(f.key(), "customFields[" + (i + 1) + "].key");
            require(f.type(), "customFields[" + (i + 1) + "].type");
        }
        for (int i = 0; i < t.automationRules().size(); i++) {
            require(t.automationRules().get(i).name(), "automationRules[" + (i + 1) + "].name");
            require(t.automationRules().get(i).trigger(), "automationRules[" + (i + 1) + "].trigger");
        }
        for (int i = 0; i < t.boards().size(); i++) {
            require(t.boards().get(i).kind(), "boards[" + (i + 1) + "].kind");
            require(t.boards().get(i).name(), "boards[" + (i + 1) + "].name");
            require(t.boards().get(i).definition(), "boards[" + (i + 1) + "].definition");
        }
        for (int i = 0; i < t.approvalFlows().size(); i++) {
            Template.Flow f = t.approvalFlows().get(i);
            require(f.entity(), "approvalFlows[" + (i + 1) + "].entity");
            require(f.action(), "approvalFlows[" + (i + 1) + "].action");
            require(f.name(), "approvalFlows[" + (i + 1) + "].name");
            require(f.definition(), "approvalFlows[" + (i + 1) + "].definition");
        }
        for (int i = 0; i < t.slaRules().size(); i++) {
            require(t.slaRules().get(i).code(), "slaRules[" + (i + 1) + "].code");
            require(t.slaRules().get(i).subject(), "slaRules[" + (i + 1) + "].subject");
        }
        for (int i = 0; i < t.funnels().size(); i++) {
            require(t.funnels().get(i).name(), "funnels[" + (i + 1) + "].name");
            for (int j = 0; j < t.funnels().get(i).nodes().size(); j++) {
                String at = "funnels[" + (i + 1) + "].nodes[" + (j + 1) + "]";
                Template.FunnelStep step = t.funnels().get(i).nodes().get(j);
                require(step.measure(), at + ".measure");
                try {
                    FunnelSteps.measure(step);
                } catch (IllegalArgumentException e) {
                    throw new TemplateException("template.file.badValue", at + ".measure", step.measure());
                }
            }
        }
        for (int i = 0; i < t.tierRules().size(); i++) {
            require(t.tierRules().get(i).name(), "tierRules[" + (i + 1) + "].name");
        }
        StudioItemChecks.check(t);
        return t;
    }

    static void require(Object value, String path) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new TemplateException("template.file.missing", path);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static TemplateException notJson(JsonProcessingException e) {
        var at = e.getLocation();
        return new TemplateException(e, "template.file.notJson", at == null ? 0 : at.getLineNr(),
                at == null ? 0 : at.getColumnNr(), e.getOriginalMessage());
    }

    /** Where in the file, as a person counts: {@code automationRules[2].trigger.kind}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex() + 1).append(']');
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
