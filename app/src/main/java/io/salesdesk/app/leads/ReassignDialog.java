package io.salesdesk.app.leads;

import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Role;
import io.salesdesk.crm.User;
import io.salesdesk.crm.approval.SubmittedForApproval;
import io.salesdesk.crm.lead.Lead;

/**
 * 改派: a manager hands a lead to another of their reps and says why; the reason replaces
 * dispatch's on the lead and the lead is marked 主管改派.
 */
final class ReassignDialog extends LeadDialog<Lead> {

    private boolean awaitingApproval;

    private final AppContext context;
    private final Lead lead;
    private final ComboBox<User> rep;
    private final TextField reason = new TextField();

    private ReassignDialog(AppContext context, Lead lead) {
        super(I18n.get("leads.reassign.title"), "reassignSave");
        this.context = context;
        this.lead = lead;
        ((Button) getDialogPane().lookupButton(saveType)).setText(I18n.get("leads.reassign.save"));
        List<User> reps = context.users().visibleOwners(context.currentUser().asActor()).stream()
                .filter(u -> u.role() == Role.REP && !u.id().equals(lead.ownerId())).toList();
        // Two reps may share a name: the team tells them apart.
        rep = Pickers.of(reps, u -> I18n.get("leads.reassign.repLabel", u.displayName(), u.orgUnitName()),
                I18n.get("leads.reassign.rep.prompt"));
        rep.setId("reassignRep");
        rep.setMaxWidth(Double.MAX_VALUE);
        reason.setId("reassignReason");
        reason.setPromptText(I18n.get("leads.reassign.reason.prompt"));
        Label now = new Label(lead.ownerName() == null ? I18n.get("leads.reassign.nowNobody", lead.name())
                : I18n.get("leads.reassign.now", lead.name(), lead.ownerName()));
        now.getStyleClass().add(Styles.TEXT_BOLD);
        now.setWrapText(true);
        VBox form = new VBox(12, now, field("ownerId", I18n.get("leads.reassign.rep"), rep),
                field("reason", I18n.get("leads.reassign.reason"), reason));
        form.setPrefWidth(460);
        setForm(form);
        setOnShown(e -> rep.requestFocus());
    }

    static ReassignDialog open(AppContext context, Lead lead) {
        return new ReassignDialog(context, lead);
    }

    @Override
    protected void save() {
        User chosen = rep.getValue();
        if (chosen == null) {
            fieldNamed("ownerId").showProblem(I18n.get("leads.reassign.rep.required"));
            return;
        }
        var actor = context.currentUser().asActor();
        String why = text(reason);
        BackgroundTask.wrap(() -> context.leads().reassign(actor, lead.id(), lead.version(), chosen.id(), why))
                .onSuccess(this::finish)
                .onFailure(error -> {
                    if (error instanceof SubmittedForApproval pending) {
                        // Accepted, but it takes effect only once approved: the caller says so.
                        awaitingApproval = true;
                        finish((Lead) pending.record());
                    } else {
                        refused(lead.name(), error);
                    }
                })
                .executeWith(context.executor());
    }

    /** Whether the reassignment went to approval instead of taking effect (the lead keeps its owner). */
    boolean awaitingApproval() {
        return awaitingApproval;
    }
}
