package io.salesdesk.app.approvals;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.User;
import io.salesdesk.workflow.approval.ApprovalDetail;
import io.salesdesk.workflow.approval.ApprovalTask;
import io.salesdesk.workflow.approval.RequestStatus;
import io.salesdesk.workflow.approval.SignerPosition;
import io.salesdesk.workflow.approval.TaskStatus;

/**
 * What the viewer can do on the request shown: on a task of theirs that waits for them, 同意 (with
 * an optional note), 驳回 (with a reason, to the submitter or 退回上一步), 转交 to a colleague and 加签
 * (a colleague signs before or after them, with a note for them); on a pending request they
 * submitted, 撤回. The engine decides; its refusals come back as text.
 */
final class DecisionBar extends VBox {

    private final AppContext context;
    private final Consumer<String> finished;
    private final TextArea note = new TextArea();
    private final FormField noteField = new FormField(I18n.get("approvals.note"), note);
    private final CheckBox backOneStep = new CheckBox(I18n.get("approvals.backOneStep"));
    private final Button approve = new Button(I18n.get("approvals.approve"), new FontIcon(Feather.CHECK));
    private final Button reject = new Button(I18n.get("approvals.reject"), new FontIcon(Feather.X));
    private final Button transfer = new Button(I18n.get("approvals.transfer"), new FontIcon(Feather.SHARE));
    private final ComboBox<User> colleague = Pickers.of(List.of(), User::displayName,
            I18n.get("approvals.transfer.to"));
    private final Button transferConfirm = new Button(I18n.get("approvals.transfer.confirm"));
    private final HBox transferRow = new HBox(8, colleague, transferConfirm);
    private final Button addSigner = new Button(I18n.get("approvals.addSigner"), new FontIcon(Feather.USER_PLUS));
    private final ComboBox<User> signer = Pickers.of(List.of(), User::displayName,
            I18n.get("approvals.addSigner.prompt"));
    private final ToggleGroup signerWhere = new ToggleGroup();
    private final Label signerHint = new Label();
    private final TextField signerNote = new TextField();
    private final Button signerConfirm = new Button(I18n.get("approvals.addSigner.confirm"),
            new FontIcon(Feather.USER_CHECK));
    private final VBox signerForm;
    private final Button recall = new Button(I18n.get("approvals.recall"), new FontIcon(Feather.CORNER_UP_LEFT));
    private final VBox decide;
    private final ReassignRow reassign;
    private ApprovalTask mine;
    private ApprovalDetail shown;

    /** @param finished told after an action: null when it went through, else the refusal in the user's words */
    DecisionBar(AppContext context, Consumer<String> finished) {
        super(8);
        this.context = context;
        this.finished = finished;
        setId("approvalDecision");
        note.setId("approvalNote");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        note.setPromptText(I18n.get("approvals.note.prompt"));
        backOneStep.setId("approvalBackOneStep");
        approve.setId("approvalApprove");
        approve.getStyleClass().add(Styles.SUCCESS);
        approve.setOnAction(e -> approve());
        reject.setId("approvalReject");
        reject.getStyleClass().add(Styles.DANGER);
        reject.setOnAction(e -> reject());
        transfer.setId("approvalTransfer");
        transfer.setOnAction(e -> {
            showSigner(false);
            showTransfer(!transferRow.isVisible());
        });
        colleague.setId("approvalTransferTo");
        colleague.setPrefWidth(240);
        transferConfirm.setId("approvalTransferConfirm");
        transferConfirm.setOnAction(e -> transfer());
        transferConfirm.disableProperty().bind(colleague.valueProperty().isNull());
        recall.setId("approvalRecall");
        recall.setOnAction(e -> recall());
        signerForm = createSignerForm();
        addSigner.setId("approvalAddSigner");
        addSigner.setOnAction(e -> {
            showTransfer(false);
            showSigner(!signerForm.isVisible());
        });
        HBox buttons = new HBox(8, approve, reject, backOneStep, transfer, addSigner);
        buttons.setAlignment(Pos.CENTER_LEFT);
        transferRow.setAlignment(Pos.CENTER_LEFT);
        decide = new VBox(8, noteField, buttons, transferRow, signerForm);
        reassign = new ReassignRow(context, this::run);
        getChildren().setAll(decide, recall, reassign);
        show(null, List.of());
    }

    /** Offers what the viewer may do on this request; nothing when it waits for nobody they are. */
    void show(ApprovalDetail detail, List<User> colleagues) {
        shown = detail;
        Actor me = context.currentUser().asActor();
        mine = detail == null ? null : detail.tasks().stream()
                .filter(t -> t.approverId().equals(me.userId()) && t.status() == TaskStatus.PENDING)
                .findFirst().orElse(null);
        boolean canRecall = detail != null && detail.request().status() == RequestStatus.PENDING
                && detail.request().submitterId().equals(me.userId());
        note.clear();
        noteField.clearProblem();
        backOneStep.setSelected(false);
        colleague.getItems().setAll(colleagues.stream().filter(u -> !u.id().equals(me.userId())).toList());
        colleague.setValue(null);
        showTransfer(false);
        // Nobody approves their own request: the submitter is not offered as a signer.
        signer.getItems().setAll(colleagues.stream().filter(u -> !u.id().equals(me.userId())
                && (detail == null || !u.id().equals(detail.request().submitterId()))).toList());
        signer.setValue(null);
        signerNote.clear();
        signerWhere.selectToggle(signerWhere.getToggles().get(0));
        showSigner(false);
        decide.setVisible(mine != null);
        decide.setManaged(mine != null);
        recall.setVisible(canRecall);
        recall.setManaged(canRecall);
        reassign.show(detail, colleagues);
        setVisible(mine != null || canRecall || reassign.isVisible());
        setManaged(isVisible());
    }

    /** 同意 on my task, if the request shown has one; what Ctrl+Enter does. */
    void approve() {
        if (mine == null) {
            return;
        }
        ApprovalTask task = mine;
        run(() -> context.approvals().approve(context.currentUser().asActor(), task.id(), text()));
    }

    private void reject() {
        if (text() == null) {
            // Refused here, before the engine: the submitter must learn what to change.
            noteField.showProblem(I18n.get("approval.reason.required"));
            note.requestFocus();
            return;
        }
        ApprovalTask task = mine;
        boolean back = backOneStep.isSelected();
        run(() -> context.approvals().reject(context.currentUser().asActor(), task.id(), text(), back));
    }

    private void transfer() {
        User to = colleague.getValue();
        ApprovalTask task = mine;
        run(() -> context.approvals().transfer(context.currentUser().asActor(), task.id(), to.id(), text()));
    }

    private void addSigner() {
        User who = signer.getValue();
        SignerPosition position = (SignerPosition) signerWhere.getSelectedToggle().getUserData();
        String remark = signerNote.getText() == null || signerNote.getText().isBlank() ? null
                : signerNote.getText().strip();
        ApprovalTask task = mine;
        run(() -> context.approvals().addSigner(context.currentUser().asActor(), task.id(), who.id(), position,
                remark));
    }

    /** 加签: whom, before or after me (with what that means spelled out), and a note for them. */
    private VBox createSignerForm() {
        signer.setId("approvalSignerUser");
        signer.setPrefWidth(240);
        HBox where = new HBox();
        for (SignerPosition position : SignerPosition.values()) {
            ToggleButton pill = new ToggleButton(I18n.label("approvals.addSigner", position));
            pill.setId("approvalSigner" + (position == SignerPosition.BEFORE ? "Before" : "After"));
            pill.setUserData(position);
            pill.setToggleGroup(signerWhere);
            pill.getStyleClass().add(position == SignerPosition.BEFORE ? Styles.LEFT_PILL : Styles.RIGHT_PILL);
            where.getChildren().add(pill);
        }
        signerWhere.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                // A pill pressed again stays chosen: there is always a before or an after.
                signerWhere.selectToggle(was);
                return;
            }
            signerHint.setText(I18n.label("approvals.addSigner.hint", (SignerPosition) now.getUserData()));
        });
        signerWhere.selectToggle(signerWhere.getToggles().get(0));
        signerHint.setId("approvalSignerHint");
        signerHint.setWrapText(true);
        signerHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        signerNote.setId("approvalSignerNote");
        signerNote.setPromptText(I18n.get("approvals.addSigner.note.prompt"));
        HBox.setHgrow(signerNote, Priority.ALWAYS);
        signerConfirm.setId("approvalSignerConfirm");
        signerConfirm.getStyleClass().add(Styles.ACCENT);
        signerConfirm.setOnAction(e -> addSigner());
        signerConfirm.disableProperty().bind(signer.valueProperty().isNull());
        HBox who = new HBox(8, signer, where);
        who.setAlignment(Pos.CENTER_LEFT);
        HBox note = new HBox(8, signerNote, signerConfirm);
        note.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(6, who, signerHint, note);
        form.setId("approvalSignerForm");
        form.getStyleClass().add("approval-signer-form");
        return form;
    }

    private void showSigner(boolean open) {
        signerForm.setVisible(open);
        signerForm.setManaged(open);
    }

    private void recall() {
        var request = shown.request();
        run(() -> context.approvals().recall(context.currentUser().asActor(), request.id(), null));
    }

    private void showTransfer(boolean open) {
        transferRow.setVisible(open);
        transferRow.setManaged(open);
    }

    private String text() {
        String t = note.getText();
        return t == null || t.isBlank() ? null : t.strip();
    }

    private void run(Callable<?> action) {
        setDisable(true);
        BackgroundTask.wrap(action)
                .onSuccess(done -> finished.accept(null))
                .onFailure(error -> finished.accept(I18n.message(error)))
                .onFinished(() -> setDisable(false))
                .executeWith(context.executor());
    }
}
