package io.salesdesk.studio.ledger;

import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.ledger.model.FieldType;
import io.salesdesk.ledger.model.LedgerField;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a custom field looks in a ledger: its column's field (key {@code custom.KEY}, the field's label as
 * header), the text a converted cell becomes for the field, and the text an export writes for a stored
 * value (a user's name, a region's name, 是/否), which imports back to the same value.
 */
final class CustomLedgerFields {

    /** Prefix of a custom field's key among a ledger's fields. */
    static final String PREFIX = "custom.";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final Pattern CHOICE_SEPARATORS = Pattern.compile("[、,，;；\\n]");

    private final RegionService regions;
    private final Map<UUID, User> usersById;
    private final Map<String, List<User>> usersByName;

    CustomLedgerFields(RegionService regions, List<User> users) {
        this.regions = regions;
        this.usersById = users.stream().collect(Collectors.toMap(User::id, u -> u, (a, b) -> a));
        this.usersByName = users.stream().collect(Collectors.groupingBy(User::displayName));
    }

    /** The custom-field entity of a ledger entity key, if it has custom fields. */
    static Optional<CustomEntity> entityOf(String ledgerKey) {
        return Optional.ofNullable(switch (ledgerKey) {
            case "customers" -> CustomEntity.CUSTOMER;
            case "contacts" -> CustomEntity.CONTACT;
            case "leads" -> CustomEntity.LEAD;
            case "opportunities" -> CustomEntity.OPPORTUNITY;
            case "activities" -> CustomEntity.ACTIVITY;
            default -> null;
        });
    }

    /**
     * The ledger field of a custom field. Never "required" for the mapping: a ledger need not have the
     * column; a new record without a value for a required field is refused row by row instead.
     */
    static LedgerField field(CustomField field) {
        LedgerField ledgerField = LedgerField.of(PREFIX + field.key(), field.label(), field.label(), type(field), false,
                field.key());
        return field.type() == io.salesdesk.studio.field.FieldType.SINGLE_CHOICE
                ? ledgerField.withEnumValues(field.choices().toArray(String[]::new)) : ledgerField;
    }

    private static FieldType type(CustomField field) {
        return switch (field.type()) {
            case NUMBER -> FieldType.DECIMAL;
            case MONEY -> FieldType.MONEY;
            case DATE -> FieldType.DATE;
            case DATE_TIME -> FieldType.DATETIME;
            case SINGLE_CHOICE -> FieldType.ENUM;
            case CHECKBOX -> FieldType.BOOLEAN;
            default -> FieldType.TEXT;
        };
    }

    /**
     * The text the field's value is given as, from a converted cell (a BigDecimal, LocalDate, LocalDateTime,
     * Boolean or text): a user's name or login becomes the user's id, a region's name its code, choices
     * separated by 、 or commas one per line. Null if a user or region is not found or is ambiguous.
     */
    String input(CustomField field, Object cell) {
        return switch (field.type()) {
            case NUMBER, MONEY -> cell instanceof BigDecimal n ? n.toPlainString() : cell.toString();
            case DATE_TIME -> cell instanceof LocalDateTime t ? t.atZone(CHINA).toOffsetDateTime().toString()
                    : cell.toString();
            case MULTI_CHOICE -> CHOICE_SEPARATORS.splitAsStream(cell.toString()).map(String::strip)
                    .filter(c -> !c.isEmpty()).collect(Collectors.joining("\n"));
            case USER -> user(cell.toString().strip());
            case REGION -> region(cell.toString().strip());
            default -> cell.toString();
        };
    }

    /** The text an exported ledger shows for a stored canonical value. */
    String output(CustomField field, String canonical) {
        if (canonical == null) {
            return null;
        }
        return switch (field.type()) {
            case DATE_TIME -> OffsetDateTime.parse(canonical).atZoneSameInstant(CHINA).format(MINUTES);
            case MULTI_CHOICE -> canonical.replace("\n", "、");
            case USER -> Optional.ofNullable(usersById.get(UUID.fromString(canonical))).map(User::displayName)
                    .orElse(canonical);
            case REGION -> regions.byCode(canonical).map(r -> regions.fullName(r.code())).orElse(canonical);
            case CHECKBOX -> Boolean.parseBoolean(canonical) ? "是" : "否";
            default -> canonical;
        };
    }

    private String user(String text) {
        List<User> named = usersByName.getOrDefault(text, List.of());
        if (named.size() == 1) {
            return named.get(0).id().toString();
        }
        return usersById.values().stream().filter(u -> u.username().equalsIgnoreCase(text)).findFirst()
                .map(u -> u.id().toString()).orElse(null);
    }

    private String region(String text) {
        if (REGION_CODE.matcher(text).matches()) {
            return text;
        }
        return regions.resolveAddress(text).map(r -> r.code()).orElse(null);
    }
}
