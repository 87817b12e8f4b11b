package io.salesdesk.app.approvals;

import java.util.Locale;

import javafx.scene.control.Label;

import io.salesdesk.app.common.I18n;
import io.salesdesk.workflow.approval.RequestStatus;
import io.salesdesk.workflow.approval.StepStatus;
import io.salesdesk.workflow.approval.TaskStatus;

/** Coloured chips for where a request, a step or a task stands, so the lists read at a glance. */
final class ApprovalChips {

    private ApprovalChips() {
    }

    static Label request(RequestStatus status) {
        return chip("approvals.requestStatus", status);
    }

    static Label step(StepStatus status) {
        return chip("approvals.stepStatus", status);
    }

    static Label task(TaskStatus status) {
        return chip("approvals.taskStatus", status);
    }

    private static Label chip(String prefix, Enum<?> status) {
        Label chip = new Label(I18n.label(prefix, status));
        // One colour per outcome across the three kinds: pending amber, approved green, rejected red.
        chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        chip.getStyleClass().addAll("lead-chip", "approval-" + status.name().toLowerCase(Locale.ROOT));
        return chip;
    }
}
