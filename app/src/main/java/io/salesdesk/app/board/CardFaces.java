package io.salesdesk.app.board;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The parts every card face is made of, so cards of every kind look alike. */
public final class CardFaces {

    /** Width of a card's text: the card less its padding and coloured edge. */
    private static final double TEXT_WIDTH = 228;

    private CardFaces() {
    }

    /** The card's title, wrapped over as many lines as it needs. */
    public static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "kanban-card-title");
        title.setWrapText(true);
        // A list cell asks its graphic for a height before it has a width: give the text one.
        title.setPrefWidth(TEXT_WIDTH);
        title.setMinHeight(Region.USE_PREF_SIZE);
        return title;
    }

    /** A muted line under the title (the customer, the reason). */
    public static Label line(String text, Feather icon) {
        Label label = icon == null ? new Label(text) : new Label(text, new FontIcon(icon));
        label.getStyleClass().addAll(Styles.TEXT_MUTED, "kanban-card-line");
        label.setWrapText(true);
        label.setPrefWidth(TEXT_WIDTH);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A small figure with an icon (amount, date, owner), optionally styled (late, stuck). */
    public static Label chip(String text, Feather icon, String style) {
        Label label = icon == null ? new Label(text) : new Label(text, new FontIcon(icon));
        label.getStyleClass().add("kanban-chip");
        if (style != null) {
            label.getStyleClass().add(style);
        }
        return label;
    }

    /** Styles a finished card face, edged in its column's colour. */
    public static VBox face(VBox face, String colour) {
        face.getStyleClass().add("kanban-card");
        face.setStyle("-fx-border-color: transparent transparent transparent " + colour + ";");
        return face;
    }
}
