package io.salesdesk.app.leads;

import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;

/**
 * A form about one lead: problems go to their fields, a refusal (a closed lead, a move its status
 * does not allow) and a change someone made meanwhile go above the buttons, in words.
 *
 * @param <R> what a successful save returns
 */
abstract class LeadDialog<R> extends FormDialog<R> {

    LeadDialog(String title, String saveButtonId) {
        super(title, saveButtonId);
    }

    /** Shows why the save did not happen. */
    protected void refused(String leadName, Throwable error) {
        if (error instanceof StaleRecordException) {
            showGeneralProblem(I18n.get("leads.stale", leadName));
        } else if (error instanceof SalesDeskException && !(error instanceof ValidationException)) {
            showGeneralProblem(LeadTexts.error(error));
        } else {
            showFailure(error);
        }
    }
}
