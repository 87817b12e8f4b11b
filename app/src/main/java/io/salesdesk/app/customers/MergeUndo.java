package io.salesdesk.app.customers;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.scene.control.Alert;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.MergeFields;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.crm.merge.CustomerMergeUndoResult;
import io.salesdesk.crm.merge.MovedBack;

/**
 * 撤销合并, from the merge's summary or from the survivor's detail: undoes the merge in the
 * background and says what went back and, one per line, what stayed because it changed after the merge.
 */
final class MergeUndo {

    private MergeUndo() {
    }

    static void run(AppContext context, UUID mergeId, Consumer<CustomerMergeUndoResult> done) {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.customerMerges().undo(actor, mergeId))
                .onSuccess(result -> {
                    summary(context, result);
                    done.accept(result);
                })
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private static void summary(AppContext context, CustomerMergeUndoResult result) {
        Alert alert = new Alert(result.left().isEmpty() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING);
        Stylesheets.addTo(alert.getDialogPane());
        alert.setTitle(I18n.get("customerMerge.undo"));
        alert.setHeaderText(I18n.get("customerMerge.undoDone", result.restored().name()));
        String text = I18n.get("customerMerge.undoMoved", MergeCustomersDialog.moved(result.movedBack().movedBack()));
        if (!result.left().isEmpty()) {
            String survivor = result.survivor() == null ? "" : result.survivor().name();
            text += "\n\n" + I18n.get("customerMerge.undoLeft", survivor, lines(context, result.left()));
        }
        alert.setContentText(text);
        alert.getDialogPane().setId("customerMergeUndoSummary");
        alert.show();
    }

    /** "商机 监护仪 25 台", "客户字段 电话": one line each. */
    static String lines(AppContext context, List<MovedBack.Left> left) {
        MergeFields words = CustomerVersions.mergeFields(context);
        StringBuilder out = new StringBuilder();
        for (MovedBack.Left l : left) {
            String key = "customerMerge.kind." + l.kind();
            String kind = I18n.has(key) ? I18n.get(key) : l.kind();
            String label = "customer".equals(l.kind()) ? words.label(l.label()) : l.label();
            out.append("· ").append(kind);
            if (label != null && !label.isBlank()) {
                out.append(' ').append(label.length() > 40 ? label.substring(0, 40) + "…" : label);
            }
            out.append('\n');
        }
        return out.toString().strip();
    }
}
