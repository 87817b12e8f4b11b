package io.salesdesk.app.flowdesigner;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.crm.User;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.StepTimeout;
import io.salesdesk.workflow.approval.flow.TimeoutAction;

/**
 * A step's time limit: after how many hours (clock or working hours) it is overdue, whether the
 * approvers are reminded again every N hours, whether it goes on the supervisor's board, and what
 * else happens — nothing, approve, reject, or hand over to an alternate approver picked here.
 */
final class TimeoutEditor extends VBox {

    private final CheckBox limited = new CheckBox(I18n.get("flowdesigner.timeout.limited"));
    private final Spinner<Integer> hours = new Spinner<>(1, 720, 24);
    private final CheckBox workingHours = new CheckBox(I18n.get("flowdesigner.timeout.workingHoursOnly"));
    private final CheckBox repeat = new CheckBox(I18n.get("flowdesigner.timeout.repeat"));
    private final Spinner<Integer> every = new Spinner<>(1, 168, 8);
    private final CheckBox escalate = new CheckBox(I18n.get("flowdesigner.timeout.escalateBox"));
    private final ComboBox<TimeoutAction> action;
    private final VBox alternateBox = new VBox(6);
    private final VBox details = new VBox(8);
    private final Consumer<StepTimeout> changed;
    private Approvers alternate;
    private boolean loading = true;

    TimeoutEditor(FlowTexts texts, List<User> users, StepTimeout initial, Consumer<StepTimeout> changed) {
        super(8);
        this.changed = changed;
        StepTimeout start = initial == null ? StepTimeout.remindAfter(24) : initial;
        limited.setId("fdTimeoutLimited");
        limited.setSelected(initial != null);
        hours.setId("fdTimeoutHours");
        hours.setEditable(true);
        hours.setPrefWidth(96);
        hours.getValueFactory().setValue(Math.max(1, start.hours()));
        workingHours.setId("fdTimeoutWorkingHours");
        workingHours.setSelected(start.workingHours());
        repeat.setId("fdTimeoutRepeat");
        repeat.setSelected(start.remindEveryHours() != null);
        every.setId("fdTimeoutEvery");
        every.setEditable(true);
        every.setPrefWidth(96);
        every.getValueFactory().setValue(start.remindEveryHours() == null ? 8 : Math.max(1, start.remindEveryHours()));
        every.disableProperty().bind(repeat.selectedProperty().not());
        escalate.setId("fdTimeoutEscalate");
        escalate.setSelected(start.escalate());
        action = Pickers.of(Arrays.asList(TimeoutAction.values()), a -> I18n.label("flowdesigner.onTimeout", a), "");
        action.setId("fdTimeoutAction");
        action.setMaxWidth(Double.MAX_VALUE);
        action.setValue(start.action());
        alternate = start.alternate();
        alternateBox.getChildren().addAll(FlowForms.hint(I18n.get("flowdesigner.timeout.alternate")),
                new ApproverEditor(texts, users, alternate == null ? Approvers.manager(2) : alternate, who -> {
                    alternate = who;
                    publish();
                }, "fdAlternate"));
        if (alternate == null) {
            alternate = Approvers.manager(2);
        }
        details.getChildren().addAll(
                FlowForms.labelled(I18n.get("flowdesigner.timeout.after"), centred(new HBox(6, hours,
                        FlowForms.hint(I18n.get("flowdesigner.timeout.hoursUnit"))))),
                workingHours,
                centred(new HBox(8, repeat, every, FlowForms.hint(I18n.get("flowdesigner.timeout.hoursUnit")))),
                escalate,
                FlowForms.labelled(I18n.get("flowdesigner.timeout.then"), action),
                alternateBox);
        details.disableProperty().bind(limited.selectedProperty().not());
        getChildren().addAll(limited, details);
        showAlternate();
        limited.selectedProperty().addListener((obs, o, n) -> publish());
        hours.valueProperty().addListener((obs, o, n) -> publish());
        workingHours.selectedProperty().addListener((obs, o, n) -> publish());
        repeat.selectedProperty().addListener((obs, o, n) -> publish());
        every.valueProperty().addListener((obs, o, n) -> publish());
        escalate.selectedProperty().addListener((obs, o, n) -> publish());
        action.valueProperty().addListener((obs, o, n) -> {
            showAlternate();
            publish();
        });
        loading = false;
    }

    private static HBox centred(HBox row) {
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private void showAlternate() {
        boolean show = action.getValue() == TimeoutAction.ALTERNATE;
        alternateBox.setVisible(show);
        alternateBox.setManaged(show);
    }

    private void publish() {
        if (loading) {
            return;
        }
        if (!limited.isSelected()) {
            changed.accept(null);
            return;
        }
        TimeoutAction then = action.getValue() == null ? TimeoutAction.NONE : action.getValue();
        changed.accept(new StepTimeout(hours.getValue(), workingHours.isSelected(),
                repeat.isSelected() ? every.getValue() : null, escalate.isSelected(), then,
                then == TimeoutAction.ALTERNATE ? alternate : null));
    }
}
