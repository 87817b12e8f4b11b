package io.salesdesk.app.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesdesk.core.SalesDeskException;

/** Tells the user what went wrong, in their language, and logs it. Errors are never swallowed. */
public final class ErrorDialogs {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialogs.class);

    private ErrorDialogs() {
    }

    public static void show(Throwable error) {
        if (error instanceof SalesDeskException) {
            LOG.warn("Refused: {}", error.getMessage());
        } else {
            LOG.error("Unexpected error", error);
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, I18n.message(error), ButtonType.OK);
        alert.setTitle(I18n.get("app.title"));
        alert.setHeaderText(I18n.get("error.header"));
        Stylesheets.addTo(alert.getDialogPane());
        alert.show();
    }
}
