package io.salesdesk.app.flowdesigner;

import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;

import io.salesdesk.app.common.I18n;
import io.salesdesk.workflow.approval.flow.FlowDefinition;

/** The side panel when the submitter (发起人) is selected: the rules the whole flow runs by. */
final class FlowOptionsEditor extends VBox {

    FlowOptionsEditor(FlowDraft draft) {
        super(16);
        setId("fdOptionsEditor");
        FlowDefinition flow = draft.definition();
        CheckBox skipSubmitter = option("fdSkipSubmitter", "flowdesigner.options.skipSubmitter", flow.skipSubmitter());
        CheckBox skipRepeated = option("fdSkipRepeated", "flowdesigner.options.skipRepeated", flow.skipRepeated());
        CheckBox lockRecord = option("fdLockRecord", "flowdesigner.options.lockRecord", flow.lockRecord());
        Runnable publish = () -> draft.setOptions(skipSubmitter.isSelected(), skipRepeated.isSelected(),
                lockRecord.isSelected());
        for (CheckBox box : new CheckBox[] {skipSubmitter, skipRepeated, lockRecord}) {
            box.selectedProperty().addListener((obs, o, n) -> publish.run());
        }
        getChildren().addAll(
                FlowForms.group(I18n.get("flowdesigner.options.start"),
                        FlowForms.hint(I18n.get("flowdesigner.options.startHint"))),
                FlowForms.group(I18n.get("flowdesigner.options.title"),
                        skipSubmitter, FlowForms.hint(I18n.get("flowdesigner.options.skipSubmitter.hint")),
                        skipRepeated, FlowForms.hint(I18n.get("flowdesigner.options.skipRepeated.hint")),
                        lockRecord, FlowForms.hint(I18n.get("flowdesigner.options.lockRecord.hint"))));
    }

    private static CheckBox option(String id, String key, boolean selected) {
        CheckBox box = new CheckBox(I18n.get(key));
        box.setId(id);
        box.setSelected(selected);
        box.setWrapText(true);
        return box;
    }
}
