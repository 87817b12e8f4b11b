package io.salesdesk.app.flowdesigner;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Role;
import io.salesdesk.crm.User;
import io.salesdesk.workflow.approval.ApprovalTrigger;
import io.salesdesk.workflow.approval.ApprovalTrigger.FieldType;
import io.salesdesk.workflow.approval.flow.ApproverKind;
import io.salesdesk.workflow.approval.flow.Approvers;

/**
 * Who signs: the kind (a person, a role, the submitter's manager, the person in a field of the
 * record, the head of the record's region) and what the kind needs — a user picked by name and
 * login, a role, how many levels up, or which of the trigger's fields.
 */
final class ApproverEditor extends VBox {

    private final FlowTexts texts;
    private final List<User> users;
    private final Consumer<Approvers> changed;
    private final String idPrefix;
    private final ComboBox<ApproverKind> kind;
    private final VBox valueSlot = new VBox();
    private Approvers current;

    ApproverEditor(FlowTexts texts, List<User> users, Approvers initial, Consumer<Approvers> changed, String idPrefix) {
        super(6);
        this.texts = texts;
        this.users = users;
        this.changed = changed;
        this.idPrefix = idPrefix;
        this.current = initial == null ? Approvers.manager(1) : initial;
        kind = Pickers.of(Arrays.asList(ApproverKind.values()), k -> I18n.label("flowdesigner.kind", k), "");
        kind.setId(idPrefix + "Kind");
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.setValue(current.kind());
        kind.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != current.kind()) {
                publish(defaults(now));
                showValue();
            }
        });
        getChildren().addAll(kind, valueSlot);
        showValue();
    }

    private Approvers defaults(ApproverKind k) {
        return switch (k) {
            case USER -> new Approvers(k, null, 0);
            case ROLE -> Approvers.role(Role.MANAGER.name());
            case MANAGER -> Approvers.manager(1);
            case RECORD_FIELD -> new Approvers(k, first(FieldType.USER), 0);
            case REGION_HEAD -> new Approvers(k, first(FieldType.REGION), 0);
        };
    }

    private String first(FieldType type) {
        return fields(type).stream().findFirst().map(ApprovalTrigger.Field::name).orElse(null);
    }

    private List<ApprovalTrigger.Field> fields(FieldType type) {
        return texts.trigger().fields().stream().filter(f -> f.type() == type).toList();
    }

    private void publish(Approvers who) {
        current = who;
        changed.accept(who);
    }

    private void showValue() {
        Node control = switch (current.kind()) {
            case USER -> userPicker();
            case ROLE -> rolePicker();
            case MANAGER -> levels();
            case RECORD_FIELD -> fieldPicker(FieldType.USER);
            case REGION_HEAD -> fieldPicker(FieldType.REGION);
        };
        Label hint = new Label(I18n.get("flowdesigner.kind.hint." + current.kind().name()));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setWrapText(true);
        valueSlot.setSpacing(4);
        valueSlot.getChildren().setAll(control, hint);
    }

    private Node userPicker() {
        ComboBox<User> picker = Pickers.of(users, u -> u.displayName() + " · " + u.username()
                + " · " + I18n.label("role", u.role()), I18n.get("flowdesigner.approvers.pickUser"));
        picker.setId(idPrefix + "User");
        picker.setMaxWidth(Double.MAX_VALUE);
        users.stream().filter(u -> u.username().equals(current.value())).findFirst().ifPresent(picker::setValue);
        picker.valueProperty().addListener((obs, old, now) ->
                publish(new Approvers(ApproverKind.USER, now == null ? null : now.username(), 0)));
        return picker;
    }

    private Node rolePicker() {
        ComboBox<Role> picker = Pickers.of(Arrays.asList(Role.values()), r -> I18n.label("role", r), "");
        picker.setId(idPrefix + "Role");
        picker.setMaxWidth(Double.MAX_VALUE);
        Arrays.stream(Role.values()).filter(r -> r.name().equals(current.value())).findFirst()
                .ifPresent(picker::setValue);
        picker.valueProperty().addListener((obs, old, now) ->
                publish(Approvers.role(now == null ? null : now.name())));
        return picker;
    }

    private Node levels() {
        Spinner<Integer> levels = new Spinner<>(1, 5, Math.max(1, current.levels()));
        levels.setId(idPrefix + "Levels");
        levels.setEditable(true);
        levels.setMaxWidth(Double.MAX_VALUE);
        levels.valueProperty().addListener((obs, old, now) -> publish(Approvers.manager(now == null ? 1 : now)));
        return FlowForms.labelled(I18n.get("flowdesigner.approvers.levels"), levels);
    }

    private Node fieldPicker(FieldType type) {
        List<ApprovalTrigger.Field> offered = fields(type);
        ComboBox<ApprovalTrigger.Field> picker = Pickers.of(offered, f -> texts.field(f.name()),
                I18n.get(offered.isEmpty() ? "flowdesigner.approvers.noField" : "flowdesigner.approvers.pickField"));
        picker.setId(idPrefix + "Field");
        picker.setMaxWidth(Double.MAX_VALUE);
        String wanted = current.value() == null && type == FieldType.REGION ? "regionCode" : current.value();
        offered.stream().filter(f -> f.name().equals(wanted)).findFirst().ifPresent(picker::setValue);
        ApproverKind k = current.kind();
        picker.valueProperty().addListener((obs, old, now) ->
                publish(new Approvers(k, now == null ? null : now.name(), 0)));
        return picker;
    }
}
