package io.salesdesk.app.flowdesigner;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.FlowNode;

/**
 * The flow drawn top to bottom, as in DingTalk's designer: the submitter (发起人), each node as a
 * card with a "+" on the line before and after it, forks as columns, and the end. Redrawn whole
 * after every edit (flows are a few dozen nodes at most).
 */
final class FlowCanvas extends VBox {

    private final FlowDraft draft;
    private final FlowTexts texts;
    private final Consumer<Selection> onSelect;
    private Selection selected;
    private Map<String, List<String>> problems = Map.of();

    FlowCanvas(FlowDraft draft, FlowTexts texts, Consumer<Selection> onSelect) {
        this.draft = draft;
        this.texts = texts;
        this.onSelect = onSelect;
        setId("flowCanvas");
        setAlignment(Pos.TOP_CENTER);
        getStyleClass().add("fd-canvas");
        setFillWidth(false);
        // Wider than the window (many branches): the scroll pane scrolls instead of squeezing cards.
        setMinWidth(Region.USE_PREF_SIZE);
    }

    FlowDraft draft() {
        return draft;
    }

    FlowTexts texts() {
        return texts;
    }

    /** Draws the flow with this selection and these problems by node id. */
    void render(Selection selection, Map<String, List<String>> problemsByNode) {
        this.selected = selection;
        this.problems = problemsByNode;
        getChildren().setAll(start(), lane(draft.definition().nodes(), Slot::main, "fdAdd-main"), end());
    }

    boolean isSelected(Selection selection) {
        return selection.equals(selected);
    }

    void select(Selection selection) {
        onSelect.accept(selection);
    }

    List<String> problemsAt(String nodeId) {
        return problems.getOrDefault(nodeId, List.of());
    }

    /** A list of nodes with a "+" before, between and after them. */
    VBox lane(List<FlowNode> nodes, IntFunction<Slot> slotAt, String addIdPrefix) {
        VBox lane = new VBox(0);
        lane.setAlignment(Pos.TOP_CENTER);
        lane.setMinWidth(Region.USE_PREF_SIZE);
        lane.getChildren().add(adder(slotAt.apply(0), addIdPrefix + "-0"));
        for (int i = 0; i < nodes.size(); i++) {
            FlowNode node = nodes.get(i);
            boolean first = i == 0;
            boolean last = i == nodes.size() - 1;
            if (node instanceof ApprovalStep step) {
                lane.getChildren().add(StepCard.create(step, texts, draft, first, last,
                        isSelected(Selection.node(step.id())), problemsAt(step.id()), onSelect));
            } else if (node instanceof Branches fork) {
                lane.getChildren().add(ForkView.create(fork, this, first, last));
            }
            lane.getChildren().add(adder(slotAt.apply(i + 1), addIdPrefix + "-" + (i + 1)));
        }
        return lane;
    }

    private Node adder(Slot slot, String id) {
        VBox box = new VBox(0, CardParts.connector(14), new AddNodeButton(draft, slot, id, onSelect),
                CardParts.connector(14));
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private Node start() {
        Label who = CardParts.line(I18n.get("flowdesigner.start.who"), Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox card = CardParts.card("fdStart", "fd-start",
                CardParts.head(Feather.USER, I18n.get("flowdesigner.start.title")), List.of(who), List.of(),
                selected == null);
        card.setOnMouseClicked(e -> onSelect.accept(null));
        return card;
    }

    private Node end() {
        Label end = new Label(I18n.get("flowdesigner.end"), new FontIcon(Feather.CHECK_CIRCLE));
        end.getStyleClass().add("fd-end");
        end.setId("fdEnd");
        HBox box = new HBox(end);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
