package io.salesdesk.app.commerce;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.app.common.Stylesheets;

/** Small questions an action asks before it runs: a reason, a date, a choice with a date. */
final class Prompts {

    private Prompts() {
    }

    /** A reason in words, or empty when cancelled; the service refuses a blank one with its own message. */
    static Optional<String> reason(String title, String question) {
        TextArea text = new TextArea();
        text.setId("promptReason");
        text.setPrefRowCount(3);
        text.setWrapText(true);
        return ask(title, question, text, () -> text.getText());
    }

    static Optional<LocalDate> date(String title, String question, LocalDate initial) {
        DatePicker picker = new DatePicker(initial);
        picker.setId("promptDate");
        return ask(title, question, picker, picker::getValue);
    }

    /** One of the choices and a date. */
    static <T> Optional<Choice<T>> choiceAndDate(String title, String question, List<T> choices,
                                                 java.util.function.Function<T, String> label, LocalDate initial) {
        ComboBox<T> box = Pickers.of(choices, label, "");
        box.setId("promptChoice");
        box.setValue(choices.get(0));
        box.setMaxWidth(Double.MAX_VALUE);
        DatePicker picker = new DatePicker(initial);
        picker.setId("promptDate");
        return ask(title, question, new VBox(8, box, picker), () -> new Choice<>(box.getValue(), picker.getValue()));
    }

    record Choice<T>(T value, LocalDate date) {
    }

    private static <R> Optional<R> ask(String title, String question, javafx.scene.Node control,
                                       java.util.function.Supplier<R> result) {
        Dialog<R> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        ButtonType ok = new ButtonType(I18n.get("action.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok,
                new ButtonType(I18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(ok).setId("promptOk");
        Label text = new Label(question);
        text.setWrapText(true);
        VBox body = new VBox(10, text, control);
        body.setPrefWidth(420);
        dialog.getDialogPane().setContent(body);
        Stylesheets.addTo(dialog.getDialogPane());
        dialog.setResultConverter(button -> button == ok ? result.get() : null);
        dialog.setOnShown(e -> control.requestFocus());
        return dialog.showAndWait();
    }
}
