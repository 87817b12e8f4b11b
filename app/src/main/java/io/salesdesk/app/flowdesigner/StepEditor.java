package io.salesdesk.app.flowdesigner;

import java.util.List;

import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.User;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.SignMode;

/** The side panel for an approval step: its name, who signs, how several approvers sign, and its time limit. */
final class StepEditor extends VBox {

    private final FlowDraft draft;
    private ApprovalStep step;

    StepEditor(FlowDraft draft, ApprovalStep initial, FlowTexts texts, List<User> users) {
        super(16);
        this.draft = draft;
        this.step = initial;
        setId("fdStepEditor");
        TextField name = new TextField(initial.name());
        name.setId("fdStepName");
        name.setPromptText(I18n.get("flowdesigner.step.defaultName"));
        name.textProperty().addListener((obs, o, n) -> update(new ApprovalStep(step.id(), n == null ? "" : n.trim(),
                step.approvers(), step.mode(), step.timeout())));

        ApproverEditor approvers = new ApproverEditor(texts, users, initial.approvers(), who ->
                update(new ApprovalStep(step.id(), step.name(), who, step.mode(), step.timeout())), "fdApprover");

        ToggleGroup modes = new ToggleGroup();
        VBox modeBox = new VBox(6);
        for (SignMode mode : SignMode.values()) {
            RadioButton choice = new RadioButton(I18n.label("flowdesigner.mode", mode));
            choice.setId("fdMode-" + mode.name());
            choice.setToggleGroup(modes);
            choice.setUserData(mode);
            choice.setSelected(mode == initial.mode());
            modeBox.getChildren().addAll(choice, FlowForms.hint(I18n.label("flowdesigner.mode.hint", mode)));
        }
        modes.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n != null) {
                update(new ApprovalStep(step.id(), step.name(), step.approvers(), (SignMode) n.getUserData(),
                        step.timeout()));
            }
        });

        TimeoutEditor timeout = new TimeoutEditor(texts, users, initial.timeout(), t ->
                update(new ApprovalStep(step.id(), step.name(), step.approvers(), step.mode(), t)));

        getChildren().addAll(
                FlowForms.group(I18n.get("flowdesigner.step.name"), name),
                FlowForms.group(I18n.get("flowdesigner.step.approvers"), approvers),
                FlowForms.group(I18n.get("flowdesigner.step.mode"), modeBox),
                FlowForms.group(I18n.get("flowdesigner.step.timeout"), timeout));
    }

    private void update(ApprovalStep changed) {
        step = changed;
        draft.replace(changed);
    }
}
