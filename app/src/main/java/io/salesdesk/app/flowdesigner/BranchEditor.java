package io.salesdesk.app.flowdesigner;

import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import io.salesdesk.app.common.I18n;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;

/**
 * The side panel for one branch of a fork: its name and when it is taken. The last branch of a
 * condition fork can be "otherwise" (其他情况): taken when no branch before it applies.
 */
final class BranchEditor extends VBox {

    private final FlowDraft draft;
    private final String forkId;
    private final int index;
    private String name;
    private ConditionRows rows;
    private boolean otherwise;

    BranchEditor(FlowDraft draft, Branches fork, int index, FlowTexts texts) {
        super(16);
        this.draft = draft;
        this.forkId = fork.id();
        this.index = index;
        Branch branch = fork.branches().get(index);
        this.name = branch.name();
        this.rows = ConditionRows.of(branch.condition());
        boolean last = index == fork.branches().size() - 1;
        this.otherwise = fork.exclusive() && last && branch.condition() == null;
        setId("fdBranchEditor");
        TextField nameField = new TextField(branch.name());
        nameField.setId("fdBranchName");
        nameField.textProperty().addListener((obs, o, n) -> {
            name = n == null ? "" : n.trim();
            publish();
        });
        ConditionEditor conditions = new ConditionEditor(texts, rows, r -> {
            rows = r;
            publish();
        });
        getChildren().add(FlowForms.group(I18n.get("flowdesigner.branch.name"), nameField));
        VBox when = FlowForms.group(I18n.get(fork.exclusive() ? "flowdesigner.branch.when"
                : "flowdesigner.branch.whenParallel"));
        if (fork.exclusive() && last) {
            CheckBox otherwiseBox = new CheckBox(I18n.get("flowdesigner.branch.otherwiseBox"));
            otherwiseBox.setId("fdBranchOtherwise");
            otherwiseBox.setSelected(otherwise);
            conditions.disableProperty().bind(otherwiseBox.selectedProperty());
            otherwiseBox.selectedProperty().addListener((obs, o, n) -> {
                otherwise = n;
                publish();
            });
            when.getChildren().add(otherwiseBox);
        }
        when.getChildren().addAll(FlowForms.hint(I18n.get(fork.exclusive() ? "flowdesigner.branch.whenHint"
                : "flowdesigner.branch.whenParallelHint")), conditions);
        getChildren().add(when);
    }

    private void publish() {
        draft.branch(forkId, index).ifPresent(branch -> draft.replaceBranch(forkId, index,
                new Branch(name, otherwise ? null : rows.toCondition(), branch.nodes())));
    }
}
