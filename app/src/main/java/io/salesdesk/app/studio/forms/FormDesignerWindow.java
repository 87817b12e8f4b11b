package io.salesdesk.app.studio.forms;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.studio.field.CustomEntity;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the form designer in a window of its own over the main window; asks before dropping unsaved changes. */
public final class FormDesignerWindow {

    private FormDesignerWindow() {
    }

    public static Stage open(AppContext context, CustomEntity entity, Window owner, Runnable onSaved) {
        FormDesigner designer = new FormDesigner(context, entity, onSaved);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(I18n.get("studio.designer.windowTitle", I18n.get("studio.entity." + entity.name())));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(designer, Math.min(1440, screen.getWidth() - 32),
                Math.min(900, screen.getHeight() - 32));
        Stylesheets.addTo(designer);
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            if (designer.hasUnsavedChanges() && !confirmDiscard(stage)) {
                event.consume();
            }
        });
        stage.show();
        return stage;
    }

    private static boolean confirmDiscard(Stage owner) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, I18n.get("studio.designer.discard.text"),
                new ButtonType(I18n.get("studio.designer.discard.yes"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(I18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        ask.initOwner(owner);
        ask.setTitle(I18n.get("studio.designer.title"));
        ask.setHeaderText(null);
        Stylesheets.addTo(ask.getDialogPane());
        return ask.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }
}
