package io.salesdesk.app.flowdesigner;

import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;

/** The round "+" between two nodes: adds an approval step, a condition fork or a parallel fork there. */
final class AddNodeButton extends MenuButton {

    AddNodeButton(FlowDraft draft, Slot slot, String id, Consumer<Selection> added) {
        setGraphic(new FontIcon(Feather.PLUS));
        setId(id);
        getStyleClass().addAll(Styles.BUTTON_CIRCLE, Styles.ACCENT, "fd-add");
        setTooltip(new Tooltip(I18n.get("flowdesigner.add.tooltip")));
        MenuItem step = new MenuItem(I18n.get("flowdesigner.add.step"), new FontIcon(Feather.USER_CHECK));
        step.setId(id + "-step");
        step.setOnAction(e -> added.accept(Selection.node(
                draft.addStep(slot, I18n.get("flowdesigner.step.defaultName")).id())));
        MenuItem condition = new MenuItem(I18n.get("flowdesigner.add.condition"), new FontIcon(Feather.GIT_BRANCH));
        condition.setId(id + "-condition");
        condition.setOnAction(e -> added.accept(Selection.branch(draft.addFork(slot, true,
                I18n.get("flowdesigner.branch.defaultCondition", 1), I18n.get("flowdesigner.branch.otherwise")).id(), 0)));
        MenuItem parallel = new MenuItem(I18n.get("flowdesigner.add.parallel"), new FontIcon(Feather.COLUMNS));
        parallel.setId(id + "-parallel");
        parallel.setOnAction(e -> added.accept(Selection.branch(draft.addFork(slot, false,
                I18n.get("flowdesigner.branch.defaultParallel", 1), I18n.get("flowdesigner.branch.defaultParallel", 2))
                .id(), 0)));
        getItems().addAll(step, condition, parallel);
    }
}
