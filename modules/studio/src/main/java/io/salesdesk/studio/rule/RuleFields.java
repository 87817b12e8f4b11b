package io.salesdesk.studio.rule;

import java.util.List;
import java.util.Optional;

/**
 * The built-in fields of customers, leads and opportunities a rule can test and set, and how custom fields are named in rules
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
        TIER, INDUSTRY, REGION, USER, TEXT,
        /** A lead's status (LeadStatus names). */
        LEAD_STATUS,
        /** An opportunity's stage (opportunity_stage codes). */
        STAGE,
        /** A number compared as a number (amount, probability). */
        NUMBER,
        /** A business date, yyyy-MM-dd. */
        DATE
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

    public static final List<BuiltIn> LEAD = List.of(
            new BuiltIn("name", ValueKind.TEXT, false),
            new BuiltIn("status", ValueKind.LEAD_STATUS, false),
            new BuiltIn("source", ValueKind.TEXT, false),
            new BuiltIn("tier", ValueKind.TIER, false),
            new BuiltIn("industry", ValueKind.INDUSTRY, false),
            new BuiltIn("regionCode", ValueKind.REGION, false),
            new BuiltIn("ownerId", ValueKind.USER, false));

    public static final List<BuiltIn> OPPORTUNITY = List.of(
            new BuiltIn("name", ValueKind.TEXT, false),
            new BuiltIn("stage", ValueKind.STAGE, false),
            new BuiltIn("amount", ValueKind.NUMBER, false),
            new BuiltIn("expectedCloseOn", ValueKind.DATE, false),
            new BuiltIn("probability", ValueKind.NUMBER, false),
            new BuiltIn("ownerId", ValueKind.USER, false));

    /** The lead statuses a condition offers. */
    public static final List<String> LEAD_STATUSES = List.of("NEW", "ASSIGNED", "CONTACTED", "QUALIFIED", "CONVERTED",
            "DISQUALIFIED");

    private RuleFields() {
    }

    /** A customer's built-in field. */
    public static Optional<BuiltIn> builtIn(String key) {
        return builtIn(RuleDefinition.CUSTOMER, key);
    }

    /** A built-in field of the entity a rule runs on ({@link RuleDefinition#CUSTOMER}, LEAD, OPPORTUNITY). */
    public static Optional<BuiltIn> builtIn(String entity, String key) {
        return of(entity).stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The built-in fields of an entity; none for an entity rules do not run on. */
    public static List<BuiltIn> of(String entity) {
        if (entity == null || RuleDefinition.CUSTOMER.equals(entity)) {
            return CUSTOMER;
        }
        return switch (entity) {
            case RuleDefinition.LEAD -> LEAD;
            case RuleDefinition.OPPORTUNITY -> OPPORTUNITY;
            default -> List.of();
        };
    }

    public static boolean isCustom(String key) {
        return key != null && key.startsWith(CUSTOM) && key.length() > CUSTOM.length();
    }

    /** The custom field key in a rule field name: {@code custom.bed_count} → {@code bed_count}. */
    public static String customKey(String key) {
        return key.substring(CUSTOM.length());
    }
}
