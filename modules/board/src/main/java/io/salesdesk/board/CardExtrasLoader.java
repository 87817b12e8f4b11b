package io.salesdesk.board;

import io.salesdesk.db.Database;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Loads the custom values and customer facts of all of a board's cards at once: one query for the
 * custom values, and for the facts one for contacts (plus one for their marking field) and one for
 * the latest notes, however many cards the board holds.
 */
final class CardExtrasLoader {

    private static final String CONTACT = "CONTACT";

    private final Database db;
    private final CustomCardValues custom;

    /** @param custom the custom fields, or null in a workspace wired without them */
    CardExtrasLoader(Database db, CustomCardValues custom) {
        this.db = db;
        this.custom = custom;
    }

    /** The custom fields a kind's cards can show (and group by), in order; none for a kind without. */
    List<CustomCardField> customFields(BoardKind kind) {
        return custom == null || kind.customEntity() == null ? List.of() : custom.fields(kind.customEntity());
    }

    /** The extra lines the definition asks for, in order; keys it no longer knows are reported. */
    List<CardExtraField> fields(BoardKind kind, BoardDefinition def, List<BoardProblem> problems) {
        List<CardExtraField> fields = new ArrayList<>();
        List<CustomCardField> available = null;
        List<CustomCardField> customers = null;
        for (String key : def.cardFields()) {
            String customerKey = CardExtraField.customerKeyOf(key);
            if (customerKey != null) {
                if (customers == null) {
                    customers = kind == BoardKind.OPPORTUNITY || kind == BoardKind.TASK
                            ? customFields(BoardKind.CUSTOMER) : List.of();
                }
                customers.stream().filter(f -> f.key().equals(customerKey)).findFirst().ifPresentOrElse(
                        f -> fields.add(new CardExtraField(key, f, null, true)),
                        () -> problems.add(new BoardProblem("board.problem.unknownField", key)));
                continue;
            }
            String customKey = CustomCardField.keyOf(key);
            if (customKey != null) {
                if (available == null) {
                    available = customFields(kind);
                }
                available.stream().filter(f -> f.key().equals(customKey)).findFirst().ifPresentOrElse(
                        f -> fields.add(new CardExtraField(key, f, null)),
                        () -> problems.add(new BoardProblem("board.problem.unknownField", key)));
            } else if (key.startsWith("fact.")) {
                CardFact.of(key).filter(f -> kind != BoardKind.ESCALATION).ifPresentOrElse(
                        f -> fields.add(new CardExtraField(key, null, f)),
                        () -> problems.add(new BoardProblem("board.problem.unknownField", key)));
            }
        }
        return fields;
    }

    /**
     * Each card's extras, by item id.
     *
     * @param customerOf the customer a card is about, or null for a card about none
     */
    Map<UUID, CardExtras> load(BoardKind kind, BoardDefinition def, List<CardExtraField> fields,
                               Collection<Card> cards, Function<Card, UUID> customerOf) {
        if (fields.isEmpty() || cards.isEmpty()) {
            return Map.of();
        }
        boolean wantsCustom = fields.stream().anyMatch(f -> f.custom() != null && !f.ofCustomer());
        boolean wantsCustomers = fields.stream().anyMatch(CardExtraField::ofCustomer);
        boolean wantsContact = fields.stream().anyMatch(f -> f.fact() == CardFact.KEY_CONTACT);
        boolean wantsNotes = fields.stream().anyMatch(f -> f.fact() == CardFact.LAST_NOTES);
        Map<UUID, Map<String, String>> values = wantsCustom
                ? custom.values(kind.customEntity(), cards.stream().map(Card::id).toList()) : Map.of();
        Map<UUID, UUID> customers = new HashMap<>();
        for (Card card : cards) {
            UUID customer = customerOf.apply(card);
            if (customer != null) {
                customers.put(card.id(), customer);
            }
        }
        Set<UUID> customerIds = new LinkedHashSet<>(customers.values());
        CardFactSettings settings = def.facts();
        Map<UUID, KeyContact> contacts = wantsContact ? keyContacts(customerIds, settings) : Map.of();
        Map<UUID, Map<String, String>> customerValues = wantsCustomers && !customerIds.isEmpty()
                ? custom.values(BoardKind.CUSTOMER.customEntity(), customerIds) : Map.of();
        Map<UUID, List<CardNote>> notes = wantsNotes && !customerIds.isEmpty()
                ? db.transactionResult(cfg -> CardFactsRepository.using(cfg)
                        .latestNotes(customerIds, settings.notes(), settings.noteKinds()))
                : Map.of();
        Map<UUID, CardExtras> extras = new HashMap<>();
        for (Card card : cards) {
            UUID customer = customers.get(card.id());
            extras.put(card.id(), new CardExtras(values.getOrDefault(card.id(), Map.of()),
                    customer == null ? null : contacts.get(customer),
                    customer == null ? List.of() : notes.getOrDefault(customer, List.of()),
                    customer == null ? Map.of() : customerValues.getOrDefault(customer, Map.of())));
        }
        return extras;
    }

    /** Each customer's key contact, chosen as {@link CardFactSettings} says. */
    private Map<UUID, KeyContact> keyContacts(Set<UUID> customerIds, CardFactSettings settings) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<CardFactsRepository.ContactRow>> byCustomer = db.transactionResult(cfg ->
                CardFactsRepository.using(cfg).contacts(customerIds));
        boolean byField = custom != null && settings.contactField() != null && !settings.contactField().isBlank()
                && settings.contactValue() != null && !settings.contactValue().isBlank();
        Map<UUID, Map<String, String>> marks = byField
                ? custom.values(CONTACT, byCustomer.values().stream().flatMap(List::stream)
                        .map(CardFactsRepository.ContactRow::id).toList())
                : Map.of();
        List<String> words = settings.titleWords();
        Map<UUID, KeyContact> chosen = new HashMap<>();
        byCustomer.forEach((customer, rows) -> {
            CardFactsRepository.ContactRow pick = null;
            if (byField) {
                pick = rows.stream().filter(c -> marked(marks.get(c.id()), settings)).findFirst().orElse(null);
            }
            for (int i = 0; pick == null && i < words.size(); i++) {
                String word = words.get(i);
                pick = rows.stream().filter(c -> c.title() != null && c.title().contains(word))
                        .min((x, y) -> Boolean.compare(y.primary(), x.primary())).orElse(null);
            }
            if (pick == null && !settings.choosesContact()) {
                pick = rows.stream().filter(CardFactsRepository.ContactRow::primary).findFirst()
                        .orElse(rows.isEmpty() ? null : rows.get(0));
            }
            if (pick != null) {
                chosen.put(customer, new KeyContact(pick.id(), pick.name(), pick.title()));
            }
        });
        return chosen;
    }

    /** Whether a contact's marking field holds the value (one of its lines, for a multiple choice). */
    private static boolean marked(Map<String, String> values, CardFactSettings settings) {
        String value = values == null ? null : values.get(settings.contactField());
        return value != null && value.lines().anyMatch(line -> line.strip().equals(settings.contactValue().strip()));
    }
}
