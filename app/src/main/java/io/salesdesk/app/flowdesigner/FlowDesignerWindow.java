package io.salesdesk.app.flowdesigner;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.workflow.approval.ApprovalTrigger;

/** Opens the designer in a window of its own over the main window, large enough for a wide flow. */
public final class FlowDesignerWindow {

    private FlowDesignerWindow() {
    }

    private static boolean confirmDiscard(Stage owner) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, I18n.get("flowdesigner.discard.text"),
                new ButtonType(I18n.get("flowdesigner.discard.yes"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(I18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        ask.initOwner(owner);
        ask.setTitle(I18n.get("flowdesigner.title"));
        ask.setHeaderText(I18n.get("flowdesigner.discard.header"));
        Stylesheets.addTo(ask.getDialogPane());
        return ask.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    public static Stage open(AppContext context, ApprovalTrigger trigger, Window owner, Runnable onSaved) {
        FlowDesigner designer = new FlowDesigner(context, trigger, onSaved);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(I18n.get("flowdesigner.windowTitle", FlowLabels.trigger(trigger.entity(), trigger.action())));
        // Wide enough for a fork of four branches beside the side panel, within the screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(designer, Math.min(1600, screen.getWidth() - 32), Math.min(960, screen.getHeight() - 32));
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
}
