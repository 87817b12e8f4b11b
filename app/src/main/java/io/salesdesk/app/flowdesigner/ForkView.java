package io.salesdesk.app.flowdesigner;

import java.util.ArrayList;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;

/**
 * A fork drawn as side-by-side columns between two rails: each branch a column headed by its
 * condition card (or a plain card for a parallel branch) with its own nodes below; the columns join
 * again under the fork. The button on the top rail adds a branch; the fork's tools remove or move it.
 */
final class ForkView {

    private ForkView() {
    }

    static VBox create(Branches fork, FlowCanvas canvas, boolean first, boolean last) {
        FlowDraft draft = canvas.draft();
        String id = fork.id();
        HBox columns = new HBox(0);
        columns.getStyleClass().add("fd-fork-columns");
        columns.setAlignment(Pos.TOP_CENTER);
        columns.setMinWidth(Region.USE_PREF_SIZE);
        for (int i = 0; i < fork.branches().size(); i++) {
            columns.getChildren().add(column(fork, i, canvas));
        }
        Button addBranch = new Button(I18n.get(fork.exclusive() ? "flowdesigner.fork.addCondition"
                : "flowdesigner.fork.addParallel"), new FontIcon(Feather.PLUS));
        addBranch.setId("fdAddBranch-" + id);
        addBranch.getStyleClass().addAll(Styles.SMALL, Styles.ROUNDED, "fd-add-branch");
        addBranch.setOnAction(e -> {
            int index = draft.addBranch(id, I18n.get(fork.exclusive() ? "flowdesigner.branch.defaultCondition"
                    : "flowdesigner.branch.defaultParallel", fork.branches().size() + (fork.exclusive() ? 0 : 1)));
            canvas.select(Selection.branch(id, index));
        });
        Label kind = new Label(I18n.get(fork.exclusive() ? "flowdesigner.fork.exclusive" : "flowdesigner.fork.parallel"),
                new FontIcon(fork.exclusive() ? Feather.GIT_BRANCH : Feather.COLUMNS));
        kind.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox tools = new HBox(2, kind,
                CardParts.tool(Feather.ARROW_UP, I18n.get("flowdesigner.node.up"), "fdUp-" + id, () -> draft.move(id, -1)),
                CardParts.tool(Feather.ARROW_DOWN, I18n.get("flowdesigner.node.down"), "fdDown-" + id,
                        () -> draft.move(id, 1)),
                CardParts.tool(Feather.TRASH_2, I18n.get("flowdesigner.fork.delete"), "fdDelete-" + id,
                        () -> draft.remove(id)));
        tools.getChildren().get(1).setDisable(first);
        tools.getChildren().get(2).setDisable(last);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("fd-fork-tools");
        // The add-branch button sits on the line into the fork; the fork's tools to its right.
        StackPane top = new StackPane(CardParts.connector(34), addBranch, tools);
        StackPane.setAlignment(tools, Pos.CENTER_RIGHT);
        tools.setMaxWidth(Region.USE_PREF_SIZE);
        top.setMinWidth(Region.USE_PREF_SIZE);
        top.setMaxWidth(Double.MAX_VALUE);
        List<String> problems = canvas.problemsAt(id);
        VBox box = new VBox(0, top, columns);
        box.setMinWidth(Region.USE_PREF_SIZE);
        for (String problem : problems) {
            Label line = new Label(problem, new FontIcon(Feather.ALERT_CIRCLE));
            line.getStyleClass().addAll(Styles.TEXT_SMALL, "fd-problem");
            line.setWrapText(true);
            line.setMaxWidth(CardParts.CARD_WIDTH * 2);
            box.getChildren().add(1, line);
        }
        box.setId("fdNode-" + id);
        box.setAlignment(Pos.TOP_CENTER);
        box.getStyleClass().add("fd-fork");
        if (!problems.isEmpty()) {
            box.getStyleClass().add("fd-invalid");
        }
        return box;
    }

    private static VBox column(Branches fork, int index, FlowCanvas canvas) {
        Branch branch = fork.branches().get(index);
        boolean first = index == 0;
        boolean last = index == fork.branches().size() - 1;
        VBox lane = new VBox(0);
        lane.setAlignment(Pos.TOP_CENTER);
        lane.getStyleClass().add("fd-fork-lane");
        lane.getChildren().addAll(CardParts.connector(20), branchCard(fork, index, canvas));
        lane.getChildren().add(canvas.lane(branch.nodes(), i -> Slot.inBranch(fork.id(), index, i),
                "fdAdd-" + fork.id() + "-" + index));
        lane.getChildren().add(CardParts.filler());
        VBox.setVgrow(lane, Priority.ALWAYS);
        VBox column = new VBox(0, rail(first, last), lane, rail(first, last));
        column.setMinWidth(Region.USE_PREF_SIZE);
        column.getStyleClass().add("fd-fork-column");
        return column;
    }

    /**
     * The rail joining the columns above or below them: it runs from the first column's middle to
     * the last one's, so each column draws the halves that face a neighbour.
     */
    private static HBox rail(boolean first, boolean last) {
        Region left = new Region();
        Region right = new Region();
        left.setMinHeight(2);
        right.setMinHeight(2);
        if (!first) {
            left.getStyleClass().add("fd-rail");
        }
        if (!last) {
            right.getStyleClass().add("fd-rail");
        }
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setMaxWidth(Double.MAX_VALUE);
        right.setMaxWidth(Double.MAX_VALUE);
        HBox rail = new HBox(left, right);
        // A lone branch still needs its line through the rail's height.
        left.setPrefWidth(1);
        right.setPrefWidth(1);
        return rail;
    }

    /** Moves a branch and keeps it selected at its new place, so the side panel edits the same branch. */
    private static void moveBranch(FlowCanvas canvas, String forkId, int index, int by) {
        if (canvas.draft().moveBranch(forkId, index, by)) {
            canvas.select(Selection.branch(forkId, index + by));
        }
    }

    private static Node branchCard(Branches fork, int index, FlowCanvas canvas) {
        FlowDraft draft = canvas.draft();
        Branch branch = fork.branches().get(index);
        boolean otherwise = fork.exclusive() && branch.condition() == null && index == fork.branches().size() - 1;
        String title = branch.name() == null || branch.name().isBlank()
                ? I18n.get("flowdesigner.branch.untitled") : branch.name();
        List<Node> tools = new ArrayList<>();
        tools.add(CardParts.tool(Feather.CHEVRON_LEFT, I18n.get("flowdesigner.branch.left"),
                "fdBranchLeft-" + fork.id() + "-" + index, () -> moveBranch(canvas, fork.id(), index, -1)));
        tools.add(CardParts.tool(Feather.CHEVRON_RIGHT, I18n.get("flowdesigner.branch.right"),
                "fdBranchRight-" + fork.id() + "-" + index, () -> moveBranch(canvas, fork.id(), index, 1)));
        tools.add(CardParts.tool(Feather.X, I18n.get("flowdesigner.branch.delete"),
                "fdBranchDelete-" + fork.id() + "-" + index, () -> draft.removeBranch(fork.id(), index)));
        tools.get(0).setDisable(index == 0);
        tools.get(1).setDisable(index == fork.branches().size() - 1);
        HBox head = CardParts.head(fork.exclusive() ? Feather.FILTER : Feather.GIT_COMMIT, title,
                tools.toArray(Node[]::new));
        List<Node> body = new ArrayList<>();
        if (fork.exclusive()) {
            Label priority = CardParts.line(I18n.get("flowdesigner.branch.priority", index + 1),
                    Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            body.add(priority);
        }
        ConditionRows rows = ConditionRows.of(branch.condition());
        String condition;
        if (otherwise) {
            condition = I18n.get("flowdesigner.branch.otherwiseHint");
        } else if (rows.isEmpty()) {
            condition = I18n.get(fork.exclusive() ? "flowdesigner.branch.noCondition" : "flowdesigner.branch.always");
        } else {
            condition = canvas.texts().condition(rows);
        }
        Label words = CardParts.line(condition, "fd-condition");
        if (fork.exclusive() && rows.isEmpty() && !otherwise) {
            words.getStyleClass().add(Styles.TEXT_MUTED);
        }
        body.add(words);
        boolean selected = canvas.isSelected(Selection.branch(fork.id(), index));
        VBox card = CardParts.card("fdBranch-" + fork.id() + "-" + index,
                fork.exclusive() ? "fd-branch" : "fd-parallel-branch", head, body, List.of(), selected);
        card.setOnMouseClicked(e -> canvas.select(Selection.branch(fork.id(), index)));
        StackPane holder = new StackPane(card);
        holder.getStyleClass().add("fd-branch-holder");
        return holder;
    }
}
