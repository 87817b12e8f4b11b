package io.salesdesk.app.approvals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.User;
import io.salesdesk.workflow.approval.ApprovalDetail;
import io.salesdesk.workflow.approval.ApprovalRequest;

/**
 * The request selected in the lists: what it is, who submitted it when, where it stands on its
 * route, what the viewer can do on it, and its history. A refusal of the viewer's action (someone
 * else decided first…) shows at the top, in the user's words, over the request as it is now.
 */
final class ApprovalDetailPane extends StackPane {

    private final AppContext context;
    private final Runnable listsChanged;
    private final VBox body = new VBox(14);
    private final Label placeholder = new Label(I18n.get("approvals.detail.none"));
    private final Label problem = new Label();
    private final DecisionBar decision;
    private final ScrollPane scroll = new ScrollPane(body);
    private UUID current;

    /** @param listsChanged told after the viewer acted, so the lists show where things stand now */
    ApprovalDetailPane(AppContext context, Runnable listsChanged) {
        this.context = context;
        this.listsChanged = listsChanged;
        setId("approvalDetail");
        body.setPadding(new Insets(4, 4, 4, 16));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setWrapText(true);
        problem.setId("approvalProblem");
        problem.getStyleClass().addAll(Styles.DANGER, "general-problem");
        problem.setWrapText(true);
        decision = new DecisionBar(context, this::acted);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        getChildren().addAll(placeholder, scroll);
        show(null);
    }

    UUID current() {
        return current;
    }

    /** Shows a request, read afresh; null shows the hint to pick one. */
    void show(UUID requestId) {
        load(requestId, null);
    }

    /** 同意 on the viewer's task of the request shown (Ctrl+Enter). */
    void approve() {
        decision.approve();
    }

    private void acted(String refusal) {
        load(current, refusal);
        listsChanged.run();
    }

    private void load(UUID requestId, String notice) {
        current = requestId;
        scroll.setVisible(requestId != null);
        placeholder.setVisible(requestId == null);
        if (requestId == null) {
            return;
        }
        BackgroundTask.wrap(() -> new Loaded(context.approvals().detail(requestId).orElse(null),
                        context.users().all()))
                .onSuccess(loaded -> {
                    if (requestId.equals(current)) {
                        fill(loaded, notice);
                    }
                })
                .executeWith(context.executor());
    }

    private record Loaded(ApprovalDetail detail, List<User> users) {
    }

    private void fill(Loaded loaded, String notice) {
        problem.setText(notice == null ? "" : notice);
        problem.setVisible(notice != null);
        problem.setManaged(notice != null);
        if (loaded.detail() == null) {
            decision.show(null, List.of());
            body.getChildren().setAll(problem, new Label(I18n.get("approval.request.notFound")));
            return;
        }
        ApprovalDetail detail = loaded.detail();
        ApprovalRequest r = detail.request();
        Label title = new Label(r.title());
        title.setId("approvalDetailTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        Label status = ApprovalChips.request(r.status());
        status.setId("approvalDetailStatus");
        HBox head = new HBox(10, title, status);
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.setHgap(14);
        facts.setVgap(6);
        int row = fact(facts, 0, "approvals.detail.submitter", r.submitterName());
        row = fact(facts, row, "approvals.detail.submittedAt", Formats.dateTime(r.submittedAt(),
                context.clock().getZone()));
        if (r.decidedAt() != null) {
            fact(facts, row, "approvals.detail.decidedAt", Formats.dateTime(r.decidedAt(), context.clock().getZone()));
        }

        decision.show(detail, loaded.users());
        Map<UUID, String> names = loaded.users().stream().collect(Collectors.toMap(User::id, User::displayName));
        body.getChildren().setAll(problem, head, facts, decision,
                section("approvals.detail.route", new RouteView(detail, names)),
                section("approvals.detail.history", new HistoryView(detail, context.clock().getZone())));
    }

    private static int fact(GridPane grid, int row, String key, String value) {
        Label name = new Label(I18n.get(key));
        name.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(row, name, new Label(value));
        return row + 1;
    }

    private static Node section(String key, Node content) {
        Label heading = new Label(I18n.get(key));
        heading.getStyleClass().add(Styles.TITLE_4);
        return new VBox(8, heading, content);
    }
}
