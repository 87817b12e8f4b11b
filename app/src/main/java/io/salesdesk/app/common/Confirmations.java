package io.salesdesk.app.common;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** The app's yes-or-no question before something that cannot be taken back (delete, retire, uninstall). */
public final class Confirmations {

    private Confirmations() {
    }

    /** Asks with OK and Cancel in the app's look; true only for OK. */
    public static boolean ask(String question) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        confirm.setTitle(I18n.get("app.title"));
        confirm.setHeaderText(null);
        Stylesheets.addTo(confirm.getDialogPane());
        Optional<ButtonType> answer = confirm.showAndWait();
        return answer.isPresent() && answer.get() == ButtonType.OK;
    }
}
