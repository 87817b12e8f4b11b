package io.salesdesk.app.approvals;

import java.time.ZoneId;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.workflow.approval.ApprovalEvent;
import io.salesdesk.workflow.approval.ApprovalStepState;
import io.salesdesk.workflow.approval.ApprovalDetail;

/** A request's history (审批记录): when, who, what they did on which step, and what they wrote. */
final class HistoryView extends VBox {

    HistoryView(ApprovalDetail detail, ZoneId zone) {
        super(6);
        setId("approvalHistory");
        for (ApprovalEvent event : detail.history()) {
            Label when = new Label(Formats.dateTime(event.at(), zone));
            when.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_SUBTLE);
            when.setMinWidth(110);
            String who = event.actorName() == null ? I18n.get("approvals.history.system") : event.actorName();
            String step = detail.steps().stream().filter(s -> s.key().equals(event.stepKey()))
                    .map(ApprovalStepState::name).findFirst().map(n -> " · " + n).orElse("");
            Label what = new Label(who + " " + I18n.label("approvals.event", event.kind()) + step);
            VBox text = new VBox(2, what);
            if (event.note() != null && !event.note().isBlank()) {
                Label note = new Label(event.note());
                note.setWrapText(true);
                note.getStyleClass().add(Styles.TEXT_MUTED);
                text.getChildren().add(note);
            }
            getChildren().add(new HBox(10, when, text));
        }
    }
}
