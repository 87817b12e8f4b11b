package io.salesdesk.app.approvals;

import java.time.Clock;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.workflow.approval.TaskStatus;

/**
 * A line of the approval lists: the request's title, who submitted it and at which step, and on the
 * right what matters for that list — the time left on a task waiting for me, the outcome of a
 * request I submitted, or what I decided.
 */
final class ApprovalCell extends ListCell<ApprovalItem> {

    private final Clock clock;

    ApprovalCell(Clock clock) {
        this.clock = clock;
        // As wide as the list, never wider: a long title ends in "…" instead of scrolling sideways.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ApprovalItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        Label title = new Label(item.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        String from = item.task() == null
                ? Formats.dateTime(item.request().submittedAt(), clock.getZone())
                : I18n.get("approvals.item.from", item.submitterName(), item.stepName());
        if (item.task() != null && item.task().onBehalfOfName() != null) {
            from += " · " + I18n.get("approvals.onBehalfOf", item.task().onBehalfOfName());
        }
        Label who = new Label(from);
        who.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox text = new VBox(2, title, who);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Node badge = badge(item);
        if (badge instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox line = new HBox(8, text, badge);
        line.setAlignment(Pos.CENTER_LEFT);
        setGraphic(line);
    }

    private Node badge(ApprovalItem item) {
        if (item.request() != null) {
            return ApprovalChips.request(item.request().status());
        }
        if (item.task().status() == TaskStatus.PENDING) {
            SlaCountdown due = SlaCountdown.of(item.task().dueAt(), clock);
            Label countdown = new Label(due.text());
            countdown.getStyleClass().addAll("approval-countdown", Styles.TEXT_SMALL);
            if (due.overdue()) {
                countdown.getStyleClass().add(Styles.DANGER);
            }
            return countdown;
        }
        Label when = new Label(Formats.dateTime(item.task().actedAt(), clock.getZone()));
        when.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_SUBTLE);
        HBox box = new HBox(6, when, ApprovalChips.task(item.task().status()));
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }
}
