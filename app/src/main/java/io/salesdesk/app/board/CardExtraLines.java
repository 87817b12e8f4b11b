package io.salesdesk.app.board;

import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.board.CardExtraField;
import io.salesdesk.board.CardExtras;
import io.salesdesk.board.CardNote;
import io.salesdesk.board.CustomCardField;
import io.salesdesk.board.KeyContact;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The lines a card shows after its item's own fields: custom values ("竞争对手 迈瑞、GE"), the key
 * contact with their title, and the latest notes with date and kind. The same for every kind of card.
 */
public final class CardExtraLines {

    /** A note longer than this is cut on the card; the drawer and the timeline show it whole. */
    private static final int NOTE_CHARS = 48;

    private final Clock clock;
    private volatile Map<String, String> userNames = Map.of();

    public CardExtraLines(Clock clock) {
        this.clock = clock;
    }

    /** Names of users by id, for user fields (read off the FX thread by the board). */
    public void setUserNames(Map<String, String> names) {
        this.userNames = Map.copyOf(names);
    }

    /** Adds the lines to a card's face, in the board's order. */
    public void append(VBox face, List<CardExtraField> fields, CardExtras extras) {
        for (CardExtraField field : fields) {
            if (field.custom() != null) {
                String value = (field.ofCustomer() ? extras.customerCustom() : extras.custom()).get(field.custom().key());
                if (value != null && !value.isBlank()) {
                    face.getChildren().add(line(field.custom().label() + "：" + text(field.custom(), value),
                            Feather.TAG, (field.ofCustomer() ? "card-extra-customer-" : "card-extra-")
                                    + field.custom().key()));
                }
            } else if (field.fact() != null) {
                switch (field.fact()) {
                    case KEY_CONTACT -> face.getChildren().add(contact(extras.keyContact()));
                    case LAST_NOTES -> notes(face, extras.notes());
                }
            }
        }
    }

    private static Label contact(KeyContact contact) {
        String label = I18n.get("boardFact.KEY_CONTACT");
        if (contact == null) {
            Label none = line(label + "：" + I18n.get("boardFact.noContact"), Feather.USER, "card-key-contact");
            none.getStyleClass().add("card-extra-missing");
            return none;
        }
        String who = contact.title() == null || contact.title().isBlank() ? contact.name()
                : contact.name() + " · " + contact.title();
        return line(label + "：" + who, Feather.USER_CHECK, "card-key-contact");
    }

    private void notes(VBox face, List<CardNote> notes) {
        if (notes.isEmpty()) {
            Label none = line(I18n.get("boardFact.noNotes"), Feather.MESSAGE_SQUARE, "card-notes");
            none.getStyleClass().add("card-extra-missing");
            face.getChildren().add(none);
            return;
        }
        VBox box = new VBox(2);
        box.setId("card-notes");
        box.getStyleClass().add("card-notes");
        for (CardNote note : notes) {
            String text = note.text().length() > NOTE_CHARS ? note.text().substring(0, NOTE_CHARS) + "…" : note.text();
            String kind = I18n.has("activityKind." + note.kind()) ? I18n.get("activityKind." + note.kind()) : note.kind();
            Label line = CardFaces.line(day(note.at()) + " " + kind + "  " + text, null);
            line.getStyleClass().add("card-note");
            box.getChildren().add(line);
        }
        face.getChildren().add(box);
    }

    private String day(OffsetDateTime at) {
        return Formats.shortDate(at.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate(), clock);
    }

    /** A custom value as a person reads it. */
    private String text(CustomCardField field, String value) {
        return switch (field.type()) {
            case "MULTI_CHOICE" -> String.join("、", value.lines().toList());
            case "CHECKBOX" -> I18n.get(Boolean.parseBoolean(value) ? "studio.editor.yes" : "studio.editor.no");
            case "MONEY" -> Formats.money(new BigDecimal(value));
            case "DATE_TIME" -> day(OffsetDateTime.parse(value));
            case "USER" -> userNames.getOrDefault(value, value);
            case "LONG_TEXT" -> value.length() > NOTE_CHARS ? value.substring(0, NOTE_CHARS) + "…" : value;
            default -> value;
        };
    }

    private static Label line(String text, Feather icon, String id) {
        Label label = CardFaces.line(text, icon);
        label.setId(id);
        label.getStyleClass().add("card-extra");
        return label;
    }
}
