package io.salesdesk.app.leads;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.studio.rules.RulesOnSave;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadStatus;

/**
 * What a user does to a lead from its detail or card: each runs off the FX thread, says what
 * happened on the page's notice line and reports the changed lead, so the list and board show it.
 */
final class LeadActions {

    private final AppContext context;
    private final EventBus bus;
    private final NoticeBar notice;
    private final Consumer<UUID> changed;

    /**
     * @param changed called with the lead's id after it changed (or turned out to have changed
     *                meanwhile), to read it again
     */
    LeadActions(AppContext context, EventBus bus, NoticeBar notice, Consumer<UUID> changed) {
        this.context = context;
        this.bus = bus;
        this.notice = notice;
        this.changed = changed;
    }

    /** Whether the current user may hand leads to another rep (managers and company-wide roles). */
    boolean mayReassign() {
        Role role = context.currentUser().role();
        return role == Role.MANAGER || role.seesEverything();
    }

    void markContacted(Lead lead) {
        run(lead, () -> context.leads().markContacted(actor(), lead.id(), lead.version()),
                done -> I18n.get("leads.done.contacted", done.name(), LeadTexts.minutes(done.responseMinutes())));
    }

    void qualify(Lead lead) {
        run(lead, () -> context.leads().move(actor(), lead.id(), lead.version(), LeadStatus.QUALIFIED, null, null),
                done -> I18n.get("leads.done.qualified", done.name()));
    }

    void disqualify(Lead lead) {
        DisqualifyDialog.open(context, lead, null).showAndWait().ifPresent(done -> report(done,
                I18n.get("leads.done.disqualified", done.name())));
    }

    void reassign(Lead lead) {
        ReassignDialog dialog = ReassignDialog.open(context, lead);
        dialog.showAndWait().ifPresent(done -> report(done, dialog.awaitingApproval()
                ? I18n.get("leads.done.reassignSubmitted", done.name())
                : I18n.get("leads.done.reassigned", done.name(), done.ownerName())));
    }

    void convert(Lead lead) {
        ConvertLeadDialog.open(context, lead).showAndWait().ifPresent(done -> {
            // The lead, and the customer and deal it became.
            RulesOnSave.lead(context, done.id());
            RulesOnSave.customer(context, done.customerId());
            RulesOnSave.opportunity(context, done.opportunityId());
            notice.show(NoticeBar.Kind.SUCCESS, I18n.get("leads.done.converted", done.name()),
                    I18n.get("leads.openCustomer"), () -> openCustomer(done));
            changed.accept(done.id());
        });
    }

    /** Shows the customer a converted lead became on the Customers page. */
    void openCustomer(Lead lead) {
        if (lead.customerId() != null) {
            bus.publish(new Navigation.OpenCustomer(lead.customerId(), lead.name()));
        }
    }

    private void run(Lead lead, Callable<Lead> work, Function<Lead, String> said) {
        BackgroundTask.wrap(work)
                .onSuccess(done -> report(done, said.apply(done)))
                .onFailure(error -> refused(lead, error))
                .executeWith(context.executor());
    }

    private void report(Lead done, String message) {
        RulesOnSave.lead(context, done.id());
        notice.show(NoticeBar.Kind.SUCCESS, message);
        changed.accept(done.id());
    }

    /** Says why an action was refused; a lead someone changed meanwhile is read again. */
    void refused(Lead lead, Throwable error) {
        if (error instanceof StaleRecordException) {
            notice.show(NoticeBar.Kind.WARNING, I18n.get("leads.stale", lead.name()));
            changed.accept(lead.id());
        } else if (error instanceof SalesDeskException) {
            notice.show(NoticeBar.Kind.DANGER, LeadTexts.error(error));
        } else {
            ErrorDialogs.show(error);
        }
    }

    private Actor actor() {
        return context.currentUser().asActor();
    }
}
