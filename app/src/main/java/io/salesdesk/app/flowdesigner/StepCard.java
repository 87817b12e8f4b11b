package io.salesdesk.app.flowdesigner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.workflow.approval.flow.ApprovalStep;

/** An approval step as a card: its name in the head, who signs, how they sign and its time limit. */
final class StepCard {

    private StepCard() {
    }

    static VBox create(ApprovalStep step, FlowTexts texts, FlowDraft draft, boolean first, boolean last,
                       boolean selected, List<String> problems, Consumer<Selection> select) {
        String id = step.id();
        HBox head = CardParts.head(Feather.USER_CHECK, blankToDefault(step.name()),
                CardParts.tool(Feather.ARROW_UP, I18n.get("flowdesigner.node.up"), "fdUp-" + id, () -> draft.move(id, -1)),
                CardParts.tool(Feather.ARROW_DOWN, I18n.get("flowdesigner.node.down"), "fdDown-" + id,
                        () -> draft.move(id, 1)),
                CardParts.tool(Feather.X, I18n.get("flowdesigner.node.delete"), "fdDelete-" + id, () -> draft.remove(id)));
        head.getChildren().get(2).setDisable(first);
        head.getChildren().get(3).setDisable(last);
        List<Node> body = new ArrayList<>();
        Label who = CardParts.line(texts.approvers(step.approvers()), "fd-approvers");
        who.setGraphic(new FontIcon(Feather.USER));
        body.add(who);
        Label mode = new Label(I18n.label("flowdesigner.mode", step.mode()));
        mode.getStyleClass().addAll(Styles.TEXT_SMALL, "fd-chip");
        HBox chips = new HBox(6, mode);
        chips.setAlignment(Pos.CENTER_LEFT);
        body.add(chips);
        if (step.timeout() != null) {
            Label time = CardParts.line(texts.timeout(step.timeout()), Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            time.setGraphic(new FontIcon(Feather.CLOCK));
            body.add(time);
        }
        VBox card = CardParts.card("fdNode-" + id, "fd-step", head, body, problems, selected);
        card.setOnMouseClicked(e -> select.accept(Selection.node(id)));
        return card;
    }

    private static String blankToDefault(String name) {
        return name == null || name.isBlank() ? I18n.get("flowdesigner.step.defaultName") : name;
    }
}
