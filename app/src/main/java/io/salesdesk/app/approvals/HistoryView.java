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

/**
 * A request's history (审批记录): when, who (and for whom, when a delegate acted), what they did on which
 * step — whom they added as signer, before or after them — and what they wrote.
 */
final class HistoryView extends VBox {

    HistoryView(ApprovalDetail detail, ZoneId zone) {
        super(6);
        setId("approvalHistory");
        for (ApprovalEvent event : detail.history()) {
            Label when = new Label(Formats.dateTime(event.at(), zone));
            when.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_SUBTLE);
            when.setMinWidth(110);
            String who = event.actorName() == null ? I18n.get("approvals.history.system") : event.actorName();
            if (event.onBehalfOfName() != null) {
                who = I18n.get("approvals.history.actorFor", who, event.onBehalfOfName());
            }
            String step = detail.steps().stream().filter(s -> s.key().equals(event.stepKey()))
                    .map(ApprovalStepState::name).findFirst().map(n -> " · " + n).orElse("");
            String did = event.kind() == ApprovalEvent.Kind.ADDED_SIGNER && event.signerPosition() != null
                    ? I18n.get("approvals.history.addedSigner." + event.signerPosition().name(), event.signerName())
                    : I18n.label("approvals.event", event.kind());
            Label what = new Label(who + " " + did + step);
            what.setWrapText(true);
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
