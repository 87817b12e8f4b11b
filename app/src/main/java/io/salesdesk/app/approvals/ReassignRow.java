package io.salesdesk.app.approvals;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.User;
import io.salesdesk.workflow.approval.ApprovalDetail;
import io.salesdesk.workflow.approval.ApprovalTask;
import io.salesdesk.workflow.approval.RequestStatus;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 改派 for company-wide roles: hands someone else's open task to another colleague, the way out
 * for a task whose approver left with nobody to take it over (the escalation board points here).
 */
final class ReassignRow extends VBox {

    private final AppContext context;
    private final Consumer<Callable<?>> run;
    private final ComboBox<ApprovalTask> task = Pickers.of(List.of(),
            t -> I18n.get("approvals.reassign.task", t.stepName(), t.approverName()), I18n.get("approvals.reassign.which"));
    private final ComboBox<User> to = Pickers.of(List.of(), User::displayName, I18n.get("approvals.reassign.to"));
    private final TextField reason = new TextField();

    ReassignRow(AppContext context, Consumer<Callable<?>> run) {
        super(6);
        this.context = context;
        this.run = run;
        setId("approvalReassign");
        Label title = new Label(I18n.get("approvals.reassign.title"), new FontIcon(Feather.REPEAT));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        task.setId("approvalReassignTask");
        to.setId("approvalReassignTo");
        reason.setId("approvalReassignReason");
        reason.setPromptText(I18n.get("approvals.reassign.reason"));
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button confirm = new Button(I18n.get("approvals.reassign.confirm"));
        confirm.setId("approvalReassignConfirm");
        confirm.disableProperty().bind(task.valueProperty().isNull().or(to.valueProperty().isNull())
                .or(Bindings.createBooleanBinding(() -> reason.getText() == null || reason.getText().isBlank(),
                        reason.textProperty())));
        confirm.setOnAction(e -> {
            ApprovalTask chosen = task.getValue();
            User heir = to.getValue();
            String why = reason.getText().strip();
            run.accept(() -> context.approvals().reassign(context.currentUser().asActor(), chosen.id(), heir.id(), why));
        });
        HBox row = new HBox(8, task, to, reason, confirm);
        row.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(I18n.get("approvals.reassign.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        getChildren().addAll(title, row, hint);
    }

    /** Shown to company-wide roles on a pending request with open tasks of others. */
    void show(ApprovalDetail detail, List<User> colleagues) {
        Actor me = context.currentUser().asActor();
        List<ApprovalTask> others = detail == null || detail.request().status() != RequestStatus.PENDING
                || !me.role().seesEverything() ? List.of()
                : detail.tasks().stream().filter(t -> !t.status().closed() && !t.approverId().equals(me.userId()))
                .toList();
        task.getItems().setAll(others);
        task.setValue(others.size() == 1 ? others.get(0) : null);
        to.getItems().setAll(colleagues);
        to.setValue(null);
        reason.clear();
        setVisible(!others.isEmpty());
        setManaged(isVisible());
    }
}
