package io.salesdesk.studio.rule;

import java.util.List;
import java.util.Optional;

/**
 * The customer's built-in fields a rule can test and set, and how custom fields are named in rules
 * ({@code custom.KEY}). The UI labels them; {@link RuleMatchRepository} maps them to columns.
 */
public final class RuleFields {

    /** Prefix of a custom field's key in a rule. */
    public static final String CUSTOM = "custom.";
    /** The industries a customer can have (codes; the UI labels them). */
    public static final List<String> INDUSTRIES = List.of("HOSPITAL", "PRIMARY_CARE", "CLINIC", "LAB", "PHARMACY",
            "DISTRIBUTOR");
    /** The follow-up kinds a "no activity" trigger can count. */
    public static final List<String> ACTIVITY_KINDS = List.of("CALL", "VISIT", "MEETING", "DEMO", "NOTE");

    /** What values a field takes, so the builder offers the right editor. */
    public enum ValueKind {
        TIER, INDUSTRY, REGION, USER, TEXT
    }

    /**
     * A built-in field.
     *
     * @param settable whether a rule may set it (the name and owner change through their own flows)
     */
    public record BuiltIn(String key, ValueKind kind, boolean settable) {
    }

    public static final List<BuiltIn> CUSTOMER = List.of(
            new BuiltIn("tier", ValueKind.TIER, true),
            new BuiltIn("industry", ValueKind.INDUSTRY, true),
            new BuiltIn("regionCode", ValueKind.REGION, false),
            new BuiltIn("ownerId", ValueKind.USER, false),
            new BuiltIn("name", ValueKind.TEXT, false));

    private RuleFields() {
    }

    public static Optional<BuiltIn> builtIn(String key) {
        return CUSTOMER.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public static boolean isCustom(String key) {
        return key != null && key.startsWith(CUSTOM) && key.length() > CUSTOM.length();
    }

    /** The custom field key in a rule field name: {@code custom.bed_count} → {@code bed_count}. */
    public static String customKey(String key) {
        return key.substring(CUSTOM.length());
    }
}
