package io.salesdesk.studio.rule;

import io.salesdesk.studio.field.CustomField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;

/**
 * Tests rules against one record in memory, the way {@link RuleMatchRepository} tests them in SQL over
 * many: used after a save, where 200 rules must be decided in a few milliseconds. The two must agree;
 * RuleEvaluatorTest checks them against each other.
 */
final class RuleEvaluator {

    private RuleEvaluator() {
    }

    /**
     * The match the rule makes on the record now and has not acted on, or empty, for the triggers that
     * look at the record as it is (no activity, created).
     */
    static Optional<RuleMatch> due(AutomationRule rule, RuleRecord r, List<CustomField> fields, OffsetDateTime now) {
        return due(rule, r, fields, now, List.of());
    }

    /**
     * As {@link #due(AutomationRule, RuleRecord, List, OffsetDateTime)}, and for "field changed to" and
     * "updated" the record's {@code updates} past the rule's change-log position: the anchor is the newest
     * update that sets the rule off, the one the minute run would read, so the firing row lets only one of
     * the two act on it. "Date" and "approval outcome" are left to the minute run.
     */
    static Optional<RuleMatch> due(AutomationRule rule, RuleRecord r, List<CustomField> fields, OffsetDateTime now,
                                   List<RuleMatchRepository.RecordChange> updates) {
        RuleDefinition d = rule.definition();
        RuleTrigger t = d.trigger();
        OffsetDateTime anchor;
        switch (t.kind()) {
            case NO_ACTIVITY -> {
                OffsetDateTime cutoff = now.minusDays(t.days());
                OffsetDateTime last = r.lastActivity(t.activityKind());
                if (r.createdAt().isAfter(cutoff) || last != null && last.isAfter(cutoff)) {
                    return Optional.empty();
                }
                anchor = last == null ? r.createdAt() : last;
            }
            case CREATED -> {
                if (r.createdAt().isBefore(rule.activeSince()) || r.createdAt().isAfter(now)) {
                    return Optional.empty();
                }
                anchor = r.createdAt();
            }
            case FIELD_CHANGED, UPDATED -> {
                anchor = changeAnchor(rule, updates);
                if (anchor == null) {
                    return Optional.empty();
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        if (needsOwner(d) && r.ownerId() == null || !meets(d.entity(), d.conditions(), r, fields)
                || d.conditions().expression() != null && !RuleExpressions.holds(d.conditions().expression(), r, fields)) {
            return Optional.empty();
        }
        OffsetDateTime fired = r.lastFiring().get(rule.id());
        if (fired != null && !fired.isBefore(anchor)) {
            return Optional.empty();
        }
        return Optional.of(new RuleMatch(r.id(), r.label(), r.ownerId(), anchor, r.customerId()));
    }

    /** When the newest update the rule has not read yet and that sets it off was made; null for none. */
    private static OffsetDateTime changeAnchor(AutomationRule rule, List<RuleMatchRepository.RecordChange> updates) {
        OffsetDateTime anchor = null;
        for (RuleMatchRepository.RecordChange u : updates) {
            // Before its first run a rule reads from when it was switched on (the save sets the position).
            boolean unread = rule.scannedSeq() != null ? u.seq() > rule.scannedSeq()
                    : !u.changedAt().isBefore(rule.activeSince());
            if (unread && RuleMatchRepository.setsOff(rule.definition().trigger(), u.reasonKind(), u.changes())
                    && (anchor == null || u.changedAt().isAfter(anchor))) {
                anchor = u.changedAt();
            }
        }
        return anchor;
    }

    static boolean needsOwner(RuleDefinition d) {
        return !d.actions().isEmpty() && d.actions().stream().allMatch(a -> a.kind() != null && a.kind().needsOwner());
    }

    static boolean meets(String entity, RuleConditions conditions, RuleRecord r, List<CustomField> fields) {
        if (conditions.rows().isEmpty()) {
            return true;
        }
        return conditions.match() == RuleConditions.Match.ANY
                ? conditions.rows().stream().anyMatch(c -> meets(entity, c, r, fields))
                : conditions.rows().stream().allMatch(c -> meets(entity, c, r, fields));
    }

    private static boolean meets(String entity, RuleCondition c, RuleRecord r, List<CustomField> fields) {
        if (RuleFields.isCustom(c.field())) {
            String key = RuleFields.customKey(c.field());
            CustomField field = fields.stream().filter(f -> f.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown custom field " + key));
            return custom(field, c, r.custom().get(field.id()));
        }
        Object value = r.builtIn().get(c.field());
        RuleFields.ValueKind kind = RuleFields.builtIn(entity, c.field())
                .orElseThrow(() -> new IllegalArgumentException("unknown field " + c.field())).kind();
        return switch (kind) {
            case REGION -> region((String) value, c);
            case USER -> owner((UUID) value, c);
            case NUMBER -> compared(value == null ? null : new BigDecimal(value.toString()), c, RuleEvaluator::number);
            case DATE -> compared((LocalDate) value, c, x -> LocalDate.parse(x.strip()));
            default -> text(value == null ? null : value.toString(), c);
        };
    }

    /** A number or a date against the condition's value(s), as SQL compares them. */
    private static <T extends Comparable<? super T>> boolean compared(T x, RuleCondition c,
                                                                      Function<String, T> parse) {
        return switch (c.operator()) {
            case EQ -> x != null && x.compareTo(parse.apply(c.value())) == 0;
            case NE -> x == null || x.compareTo(parse.apply(c.value())) != 0;
            case IN -> x != null && values(c.value()).stream().anyMatch(v -> x.compareTo(parse.apply(v)) == 0);
            case GT -> x != null && x.compareTo(parse.apply(c.value())) > 0;
            case LT -> x != null && x.compareTo(parse.apply(c.value())) < 0;
            case EMPTY -> x == null;
            case NOT_EMPTY -> x != null;
            case CONTAINS -> throw new IllegalArgumentException("a number or date is not searched for text");
        };
    }

    static List<String> values(String value) {
        return Arrays.stream(value == null ? new String[0] : value.split("[,，、\\n]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static boolean text(String x, RuleCondition c) {
        String v = c.value() == null ? null : c.value().strip();
        return switch (c.operator()) {
            case EQ -> x != null && x.equals(v);
            case NE -> !Objects.equals(x, v);
            case IN -> x != null && values(c.value()).contains(x);
            case CONTAINS -> x != null && v != null && x.toLowerCase(Locale.ROOT).contains(v.toLowerCase(Locale.ROOT));
            case GT -> x != null && v != null && x.compareTo(v) > 0;
            case LT -> x != null && v != null && x.compareTo(v) < 0;
            case EMPTY -> x == null || x.isEmpty();
            case NOT_EMPTY -> x != null && !x.isEmpty();
        };
    }

    private static boolean region(String code, RuleCondition c) {
        return switch (c.operator()) {
            case EQ, IN -> code != null && values(c.value()).stream().anyMatch(v -> code.startsWith(prefix(v)));
            case NE -> code == null || values(c.value()).stream().noneMatch(v -> code.startsWith(prefix(v)));
            default -> text(code, c);
        };
    }

    /** 330000 (浙江) covers every code that starts 33. */
    static String prefix(String code) {
        String prefix = code;
        while (prefix.length() > 2 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }

    private static boolean owner(UUID owner, RuleCondition c) {
        List<UUID> ids = values(c.value()).stream().map(UUID::fromString).toList();
        return switch (c.operator()) {
            case EQ, IN -> owner != null && ids.contains(owner);
            case NE -> owner == null || !ids.contains(owner);
            case EMPTY -> owner == null;
            case NOT_EMPTY -> owner != null;
            default -> throw new IllegalArgumentException("an owner is compared with equals or not equals");
        };
    }

    private static boolean custom(CustomField f, RuleCondition c, RuleRecord.Stored s) {
        boolean present = s != null && stored(f, s) != null;
        return switch (c.operator()) {
            case EMPTY -> !present;
            case NOT_EMPTY -> present;
            case NE -> !(s != null && compare(f, new RuleCondition(c.field(), RuleCondition.Operator.EQ, c.value()), s));
            default -> s != null && compare(f, c, s);
        };
    }

    private static Object stored(CustomField f, RuleRecord.Stored s) {
        return switch (f.type()) {
            case NUMBER, MONEY -> s.number();
            case DATE_TIME -> s.moment();
            case CHECKBOX -> s.flag();
            default -> s.text();
        };
    }

    private static boolean compare(CustomField f, RuleCondition c, RuleRecord.Stored s) {
        String v = c.value().strip();
        switch (f.type()) {
            case NUMBER, MONEY -> {
                BigDecimal n = s.number();
                if (n == null) {
                    return false;
                }
                return switch (c.operator()) {
                    case GT -> n.compareTo(number(v)) > 0;
                    case LT -> n.compareTo(number(v)) < 0;
                    case IN -> values(v).stream().anyMatch(x -> n.compareTo(number(x)) == 0);
                    default -> n.compareTo(number(v)) == 0;
                };
            }
            case DATE_TIME -> {
                OffsetDateTime m = s.moment();
                if (m == null) {
                    return false;
                }
                OffsetDateTime at = moment(v);
                return switch (c.operator()) {
                    case GT -> m.isAfter(at);
                    case LT -> m.isBefore(at);
                    default -> m.isEqual(at);
                };
            }
            case CHECKBOX -> {
                return s.flag() != null && s.flag() == (Boolean.parseBoolean(v) || "是".equals(v));
            }
            case MULTI_CHOICE -> {
                String lines = s.text() == null ? null : "\n" + s.text() + "\n";
                return lines != null && values(v).stream().anyMatch(x -> lines.contains("\n" + x + "\n"));
            }
            default -> {
                return text(s.text(), c);
            }
        }
    }

    static OffsetDateTime moment(String v) {
        return v.length() == 10 ? LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(v);
    }

    static BigDecimal number(String v) {
        return new BigDecimal(v.replace(",", "").strip());
    }
}
