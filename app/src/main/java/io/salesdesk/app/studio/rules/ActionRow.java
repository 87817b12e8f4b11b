package io.salesdesk.app.studio.rules;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.studio.rule.RuleAction;
import io.salesdesk.studio.rule.RuleDefinition;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One action of the rule builder: what to do, then what it needs — a task's title and due days, a
 * message, an escalation reason, a field and its new value, the new owner, the reason for returning a
 * customer to the pool, a board and the column to move the card to, or a webhook's address.
 */
final class ActionRow extends HBox {

    private final ComboBox<RuleAction.Kind> kind = Pickers.of(List.of(RuleAction.Kind.values()),
            k -> I18n.get("rules.action." + k.name()), I18n.get("rules.dialog.pickAction"));
    private final TextField text = new TextField();
    private final TextField days = new TextField();
    private final Label daysUnit = new Label(I18n.get("rules.dialog.dueDays"));
    private final ComboBox<RuleField> field;
    private final Label setTo = new Label(I18n.get("rules.dialog.setTo"));
    private final RuleValueInput value;

    private final String entity;
    private final Label assignTo = new Label(I18n.get("rules.dialog.assignTo"));
    private final Label categoriesLabel = new Label(I18n.get("rules.dialog.freezeCategories"));
    private final TextField categories = new TextField();
    private final RuleValueInput owner;
    private final Label boardLabel = new Label(I18n.get("rules.dialog.board"));
    private final ComboBox<RuleChoices.BoardChoice> board;
    private final Label columnLabel = new Label(I18n.get("rules.dialog.toColumn"));
    private final ComboBox<RuleValueInput.Option> column = Pickers.of(List.of(), RuleValueInput.Option::label,
            I18n.get("rules.dialog.pickColumn"));

    ActionRow(RuleChoices choices, String entity, RuleAction existing, Consumer<ActionRow> remove) {
        super(8);
        getStyleClass().add("rule-row");
        setAlignment(Pos.CENTER_LEFT);
        kind.getStyleClass().add("rule-action-kind");
        kind.setPrefWidth(170);
        text.getStyleClass().add("rule-action-text");
        text.setMinWidth(280);
        HBox.setHgrow(text, Priority.ALWAYS);
        days.getStyleClass().add("rule-action-days");
        days.setPrefColumnCount(3);
        this.entity = entity;
        // Only a customer can go back to the public pool.
        kind.getItems().removeIf(k -> k == RuleAction.Kind.RETURN_TO_POOL && !RuleDefinition.CUSTOMER.equals(entity));
        // A lead has no customer whose orders could be frozen.
        kind.getItems().removeIf(k -> k == RuleAction.Kind.FREEZE_ORDERS && RuleDefinition.LEAD.equals(entity));
        // Leads have no saved board (their board is by status, moved by the lead actions).
        kind.getItems().removeIf(k -> k == RuleAction.Kind.MOVE_ON_BOARD && choices.boards(entity).isEmpty());
        board = Pickers.of(choices.boards(entity), RuleChoices.BoardChoice::name, I18n.get("rules.dialog.pickBoard"));
        board.getStyleClass().add("rule-action-board");
        board.setPrefWidth(190);
        column.getStyleClass().add("rule-action-column");
        column.setPrefWidth(150);
        board.valueProperty().addListener((o, was, now) -> {
            column.getItems().setAll(now == null ? List.of() : now.columns());
            column.setValue(null);
        });
        categories.getStyleClass().add("rule-action-categories");
        categories.setPromptText(I18n.get("rules.dialog.freezeCategoriesPrompt"));
        categories.setPrefColumnCount(12);
        field = Pickers.of(choices.fields(entity).stream().filter(RuleField::settable).toList(), RuleField::label,
                I18n.get("rules.dialog.pickField"));
        field.getStyleClass().add("rule-action-field");
        value = new RuleValueInput(choices);
        HBox.setHgrow(value, Priority.ALWAYS);
        owner = new RuleValueInput(choices);
        owner.getStyleClass().add("rule-action-owner");
        // Only a lead has an automatic assignment (the dispatch rules).
        owner.showUsers(RuleDefinition.LEAD.equals(entity)
                ? new RuleValueInput.Option(RuleAction.AUTO, I18n.get("rules.dialog.assign.auto")) : null);
        HBox.setHgrow(owner, Priority.ALWAYS);
        field.valueProperty().addListener((o, was, now) -> value.showFor(now));
        kind.valueProperty().addListener((o, was, now) -> show(now));
        Button delete = new Button(null, new FontIcon(Feather.X));
        delete.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "rule-row-remove");
        delete.setTooltip(new Tooltip(I18n.get("rules.dialog.remove")));
        delete.setOnAction(e -> remove.accept(this));
        getChildren().addAll(kind, categoriesLabel, categories, text, days, daysUnit, field, setTo, value, assignTo, owner,
                boardLabel, board, columnLabel, column, delete);
        if (existing != null) {
            kind.setValue(existing.kind());
            text.setText(existing.text() == null ? existing.kind() == RuleAction.Kind.WEBHOOK
                    && existing.value() != null ? existing.value() : "" : existing.text());
            days.setText(existing.days() == null ? "" : existing.days().toString());
            field.setValue(RuleField.find(choices.fields(entity), existing.field()));
            value.setValue(existing.value());
            owner.setValue(existing.value());
            if (existing.kind() == RuleAction.Kind.FREEZE_ORDERS) {
                categories.setText(existing.value() == null ? "" : existing.value());
            }
            if (existing.kind() == RuleAction.Kind.MOVE_ON_BOARD) {
                choices.boards(entity).stream().filter(b -> b.id().toString().equals(existing.field())).findFirst()
                        .ifPresent(b -> {
                            board.setValue(b);
                            b.columns().stream().filter(c -> c.value().equals(existing.value())).findFirst()
                                    .ifPresent(column::setValue);
                        });
            }
        } else {
            show(null);
        }
    }

    private void show(RuleAction.Kind k) {
        boolean task = k == RuleAction.Kind.CREATE_TASK;
        boolean set = k == RuleAction.Kind.SET_FIELD;
        boolean assign = k == RuleAction.Kind.ASSIGN;
        boolean move = k == RuleAction.Kind.MOVE_ON_BOARD;
        boolean hasText = k != null && !set && !assign && !move;
        shown(boardLabel, move);
        shown(board, move);
        shown(columnLabel, move);
        shown(column, move);
        shown(text, hasText);
        shown(days, task);
        shown(daysUnit, task);
        shown(field, set);
        shown(setTo, set);
        shown(value, set);
        shown(assignTo, assign);
        shown(owner, assign);
        boolean freeze = k == RuleAction.Kind.FREEZE_ORDERS;
        shown(categoriesLabel, freeze);
        shown(categories, freeze);
        if (hasText) {
            text.setPromptText(I18n.get("rules.dialog.textPrompt." + k.name()));
        }
        if (task && days.getText().isBlank()) {
            days.setText("3");
        }
    }

    private static void shown(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** The action as entered; a due-days text that is no number is left null for the service to name. */
    RuleAction action() {
        RuleAction.Kind k = kind.getValue();
        Integer due = null;
        try {
            due = days.getText().isBlank() ? null : Integer.valueOf(days.getText().strip());
        } catch (NumberFormatException e) {
            due = null;
        }
        RuleField f = field.getValue();
        if (k == RuleAction.Kind.SET_FIELD) {
            return new RuleAction(k, null, null, f == null ? null : f.key(), value.value());
        }
        if (k == RuleAction.Kind.ASSIGN) {
            return RuleAction.assign(owner.value());
        }
        if (k == RuleAction.Kind.FREEZE_ORDERS) {
            return RuleAction.freezeOrders(categories.getText(), text.getText());
        }
        if (k == RuleAction.Kind.MOVE_ON_BOARD) {
            RuleChoices.BoardChoice b = board.getValue();
            RuleValueInput.Option c = column.getValue();
            return new RuleAction(k, null, null, b == null ? null : b.id().toString(), c == null ? null : c.value());
        }
        if (k == RuleAction.Kind.WEBHOOK) {
            return RuleAction.webhook(text.getText() == null ? null : text.getText().strip());
        }
        return new RuleAction(k, text.getText(), k == RuleAction.Kind.CREATE_TASK ? due : null, null, null);
    }

    /** The entity whose fields this row offers. */
    String entity() {
        return entity;
    }
}
