package io.salesdesk.app.ledgers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.LedgerField;

/**
 * The Ledgers page's texts that depend on what is imported or exported: a key such as
 * {@code ledgers.duplicates.title} is looked up as {@code ledgers.duplicates.title.contacts} first,
 * so each entity can say it in its own words, and falls back to the general text.
 */
final class EntityTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The fields a person recognises a row of each entity by, in the order they are shown. */
    private static final Map<String, List<String>> RECOGNISED_BY = Map.of(
            "customers", List.of("name"),
            "contacts", List.of("name", "customer"),
            "activities", List.of("customer", "occurredAt", "kind"),
            "opportunities", List.of("customer", "name"),
            "leads", List.of("name", "phone"),
            "users", List.of("displayName", "username"));

    private EntityTexts() {
    }

    /** The entity's text for {@code key}, else the general one. */
    static String get(String key, String entityKey, Object... arguments) {
        String specific = key + "." + entityKey;
        return I18n.get(I18n.has(specific) ? specific : key, arguments);
    }

    /** The entity's name in the user's language. */
    static String label(LedgerEntity entity) {
        return I18n.isChinese() ? entity.labelZh() : entity.labelEn();
    }

    /**
     * What a person recognises a ledger row by: the customer's name; a contact and whose it is; a
     * follow-up's customer, time and kind; an opportunity's customer and name; a lead's name and phone; a team
     * member's name and login.
     */
    static String recognisedBy(LedgerEntity entity, ImportRow row) {
        List<String> keys = RECOGNISED_BY.getOrDefault(entity.key(), entity.fields().stream()
                .filter(LedgerField::required).limit(1).map(LedgerField::key).toList());
        return keys.stream().map(k -> row.values().get(k)).filter(Objects::nonNull).map(EntityTexts::shown)
                .filter(s -> !s.isBlank()).collect(Collectors.joining(" · "));
    }

    private static String shown(Object value) {
        if (value instanceof LocalDateTime time) {
            return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? Formats.date(time.toLocalDate()) : TIME.format(time);
        }
        if (value instanceof OffsetDateTime time) {
            return shown(time.toLocalDateTime());
        }
        if (value instanceof LocalDate date) {
            return Formats.date(date);
        }
        return String.valueOf(value);
    }
}
