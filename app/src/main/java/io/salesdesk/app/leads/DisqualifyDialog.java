package io.salesdesk.app.leads;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadStatus;

/** Marks a lead 无效 with the reason the team will read later (重复, 无需求, 联系不上 …). */
final class DisqualifyDialog extends LeadDialog<Lead> {

    private final AppContext context;
    private final Lead lead;
    private final String rank;
    private final TextArea reason = new TextArea();

    private DisqualifyDialog(AppContext context, Lead lead, String rank) {
        super(I18n.get("leads.disqualify.title"), "disqualifySave");
        this.context = context;
        this.lead = lead;
        this.rank = rank;
        Button save = (Button) getDialogPane().lookupButton(saveType);
        save.setText(I18n.get("leads.disqualify.save"));
        save.getStyleClass().remove(Styles.ACCENT);
        save.getStyleClass().add(Styles.DANGER);
        Label about = new Label(I18n.get("leads.disqualify.header", lead.name()));
        about.getStyleClass().add(Styles.TEXT_BOLD);
        about.setWrapText(true);
        reason.setId("disqualifyReason");
        reason.setPromptText(I18n.get("leads.disqualify.prompt"));
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        VBox form = new VBox(12, about, field("reason", I18n.get("leads.disqualify.reason"), reason));
        form.setPrefWidth(460);
        setForm(form);
        setOnShown(e -> reason.requestFocus());
    }

    /** @param rank where the card goes in the 无效 column (a board drop), or null for the top */
    static DisqualifyDialog open(AppContext context, Lead lead, String rank) {
        return new DisqualifyDialog(context, lead, rank);
    }

    @Override
    protected void save() {
        var actor = context.currentUser().asActor();
        String why = text(reason);
        BackgroundTask.wrap(() -> context.leads().move(actor, lead.id(), lead.version(), LeadStatus.DISQUALIFIED,
                        why, rank))
                .onSuccess(this::finish)
                .onFailure(error -> refused(lead.name(), error))
                .executeWith(context.executor());
    }
}
