package io.salesdesk.app.flowdesigner;

import javafx.scene.Scene;
import javafx.stage.Modality;
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

    public static Stage open(AppContext context, ApprovalTrigger trigger, Window owner, Runnable onSaved) {
        FlowDesigner designer = new FlowDesigner(context, trigger, onSaved);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(I18n.get("flowdesigner.windowTitle", FlowLabels.trigger(trigger.entity(), trigger.action())));
        Scene scene = new Scene(designer, 1440, 900);
        Stylesheets.addTo(designer);
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
