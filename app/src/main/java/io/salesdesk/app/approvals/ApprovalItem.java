package io.salesdesk.app.approvals;

import java.util.Locale;
import java.util.UUID;

import io.salesdesk.workflow.approval.ApprovalRequest;
import io.salesdesk.workflow.approval.ApprovalTask;

/**
 * One line of the approval lists: a task (待我审批, 已处理) or a request the viewer submitted (我提交的).
 * Exactly one of {@code task} and {@code request} is set.
 */
record ApprovalItem(UUID requestId, String title, String submitterName, String stepName, ApprovalTask task,
                    ApprovalRequest request) {

    static ApprovalItem of(ApprovalTask task) {
        return new ApprovalItem(task.requestId(), task.requestTitle(), task.submitterName(), task.stepName(), task,
                null);
    }

    static ApprovalItem of(ApprovalRequest request) {
        return new ApprovalItem(request.id(), request.title(), request.submitterName(), "", null, request);
    }

    /** Whether the filter's text appears in the title, the submitter or the step (ignoring case). */
    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String wanted = filter.strip().toLowerCase(Locale.ROOT);
        return contains(title, wanted) || contains(submitterName, wanted) || contains(stepName, wanted);
    }

    private static boolean contains(String text, String wanted) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
    }
}
