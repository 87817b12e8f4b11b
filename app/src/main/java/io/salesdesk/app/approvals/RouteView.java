package io.salesdesk.app.approvals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import io.salesdesk.app.common.I18n;
import io.salesdesk.workflow.approval.ApprovalDetail;
import io.salesdesk.workflow.approval.ApprovalStepState;
import io.salesdesk.workflow.approval.ApprovalTask;
import io.salesdesk.workflow.approval.Route;
import io.salesdesk.workflow.approval.RouteNode;
import io.salesdesk.workflow.approval.RouteParallel;
import io.salesdesk.workflow.approval.RouteStep;

/**
 * A request's route drawn top to bottom: each step with its status and its approvers' tasks of the
 * current round; branches that run at the same time (并行) sit side by side in one labelled box.
 * A route only planned (the flow designer's simulator) shows each step with the approvers it names.
 */
public final class RouteView extends VBox {

    private final List<ApprovalStepState> steps;
    private final List<ApprovalTask> tasks;
    private final Map<UUID, String> names;

    /** @param names the active users' names, for approvers of steps not reached yet (no task to name them) */
    RouteView(ApprovalDetail detail, Map<UUID, String> names) {
        this(detail.route(), detail.steps(), detail.tasks(), names);
    }

    private RouteView(Route route, List<ApprovalStepState> steps, List<ApprovalTask> tasks, Map<UUID, String> names) {
        super(6);
        this.steps = steps;
        this.tasks = tasks;
        this.names = names;
        setId("approvalRoute");
        getChildren().setAll(nodes(route.nodes()));
    }

    /** A route not submitted yet (a simulation): its steps with the approvers they would go to. */
    public static RouteView planned(Route route, Map<UUID, String> names) {
        return new RouteView(route, List.of(), List.of(), names);
    }

    private List<Node> nodes(List<RouteNode> route) {
        return route.stream().map(n -> n instanceof RouteStep s ? step(s) : parallel((RouteParallel) n)).toList();
    }

    private Node parallel(RouteParallel parallel) {
        Label label = new Label(I18n.get("approvals.route.parallel"));
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox branches = new HBox(8);
        for (List<RouteNode> branch : parallel.branches()) {
            VBox column = new VBox(6);
            column.getChildren().setAll(nodes(branch));
            // Equal columns whatever their content, so one long note does not squeeze the others.
            column.setPrefWidth(0);
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setMaxWidth(Double.MAX_VALUE);
            branches.getChildren().add(column);
        }
        VBox box = new VBox(4, label, branches);
        box.getStyleClass().add("approval-parallel");
        return box;
    }

    private Node step(RouteStep step) {
        ApprovalStepState state = steps.stream().filter(s -> s.key().equals(step.key())).findFirst()
                .orElse(null);
        Label name = new Label(step.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label mode = new Label(I18n.label("approvals.mode", step.mode()));
        mode.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox head = new HBox(6, name, mode);
        head.setAlignment(Pos.CENTER_LEFT);
        if (state != null) {
            head.getChildren().add(unsqueezed(ApprovalChips.step(state.status())));
        }
        VBox box = new VBox(4, head);
        box.setId("approvalStep-" + step.key());
        box.getStyleClass().add("approval-step");
        List<ApprovalTask> stepTasks = tasks.stream()
                .filter(t -> t.stepKey().equals(step.key()) && (state == null || t.round() == state.round()))
                .toList();
        if (stepTasks.isEmpty()) {
            // Not reached yet: the approvers the route named when it was submitted.
            for (UUID approver : step.approvers()) {
                Label who = new Label(names.getOrDefault(approver, "—"));
                who.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                box.getChildren().add(who);
            }
        }
        for (ApprovalTask task : stepTasks) {
            Label who = unsqueezed(new Label(task.approverName()));
            who.getStyleClass().add(Styles.TEXT_SMALL);
            HBox line = new HBox(6, who);
            // 代 张三审批 for a delegate; 前加签 / 后加签 for a signer someone added.
            if (task.onBehalfOfName() != null) {
                line.getChildren().add(tag(I18n.get("approvals.onBehalfOf", task.onBehalfOfName()), "approval-for"));
            }
            if (task.addedPosition() != null) {
                line.getChildren().add(tag(I18n.label("approvals.signer", task.addedPosition()), "approval-added"));
            }
            line.getChildren().add(unsqueezed(ApprovalChips.task(task.status())));
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(line);
            if (task.note() != null && !task.note().isBlank()) {
                Label note = new Label("“" + task.note() + "”");
                note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                note.setWrapText(true);
                box.getChildren().add(note);
            }
        }
        return box;
    }

    private static Label tag(String text, String styleClass) {
        Label tag = unsqueezed(new Label(text));
        tag.getStyleClass().addAll(Styles.TEXT_SMALL, "approval-tag", styleClass);
        return tag;
    }

    /** Names and chips keep their width; a narrow column wraps notes instead of cutting them to "…". */
    private static Label unsqueezed(Label label) {
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
