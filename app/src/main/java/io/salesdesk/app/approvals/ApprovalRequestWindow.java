package io.salesdesk.app.approvals;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import java.util.UUID;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * One request in a window of its own, for where it is reached from outside the inbox — a
 * supervisor opening a stuck approval from the escalation board sees its route, who it waits for
 * and its history, and can act if a task of theirs is on it.
 */
public final class ApprovalRequestWindow {

    private ApprovalRequestWindow() {
    }

    public static void show(AppContext context, Window owner, UUID requestId) {
        ApprovalDetailPane pane = new ApprovalDetailPane(context, () -> { });
        pane.setPrefSize(1000, 660);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);
        dialog.setTitle(I18n.get("approvals.window.title"));
        dialog.getDialogPane().setContent(pane);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        pane.show(requestId);
        dialog.show();
    }
}
