package io.salesdesk.app.leads;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.DuplicateCustomerException;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadService;

/**
 * 转为客户: the lead becomes a customer of its owner and, if a deal name is given, a first deal in
 * one step. A customer of the same name already on record is offered to link instead of a twin.
 */
final class ConvertLeadDialog extends LeadDialog<Lead> {

    private final AppContext context;
    private final Lead lead;
    private final Label customer = new Label();
    private final ComboBox<Tier> tier = Pickers.of(List.of(Tier.values()), t -> I18n.get("tier.long." + t.name()), "");
    private final TextField dealName = new TextField();
    private final TextField amount = new TextField();
    private UUID linkTo;

    private ConvertLeadDialog(AppContext context, Lead lead) {
        super(I18n.get("leads.convert.title"), "convertSave");
        this.context = context;
        this.lead = lead;
        ((Button) getDialogPane().lookupButton(saveType)).setText(I18n.get("leads.convert.save"));
        customer.setId("convertCustomer");
        customer.setWrapText(true);
        customer.setText(I18n.get("leads.convert.newCustomer", lead.name()));
        tier.setId("convertTier");
        tier.setMaxWidth(Double.MAX_VALUE);
        tier.setValue(lead.tierOrDefault());
        dealName.setId("convertDealName");
        dealName.setPromptText(I18n.get("leads.convert.dealName.prompt"));
        amount.setId("convertAmount");
        amount.setPromptText(I18n.get("opportunityForm.amount.prompt"));
        GridPane grid = grid();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(field("customerId", I18n.get("leads.convert.customer"), customer), 0, 0, 2, 1);
        grid.add(field("tier", I18n.get("customerForm.tier"), tier), 0, 1);
        grid.add(field("name", I18n.get("leads.convert.dealName"), dealName), 0, 2, 2, 1);
        grid.add(field("amount", I18n.get("opportunityForm.amount"), amount), 0, 3);
        grid.setPrefWidth(520);
        setForm(grid);
        setOnShown(e -> dealName.requestFocus());
    }

    static ConvertLeadDialog open(AppContext context, Lead lead) {
        return new ConvertLeadDialog(context, lead);
    }

    @Override
    protected void save() {
        BigDecimal parsedAmount;
        try {
            String raw = text(amount);
            parsedAmount = raw == null ? null : new BigDecimal(raw.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            showFailure(new ValidationException(List.of(FieldProblem.of("amount", "opportunityForm.amount.invalid"))));
            return;
        }
        var actor = context.currentUser().asActor();
        var conversion = new LeadService.Conversion(linkTo, tier.getValue(), text(dealName), parsedAmount);
        BackgroundTask.wrap(() -> context.leads().convert(actor, lead.id(), lead.version(), conversion))
                .onSuccess(this::finish)
                .onFailure(error -> {
                    if (error instanceof DuplicateCustomerException duplicate) {
                        offerExisting(duplicate);
                    } else {
                        refused(lead.name(), error);
                    }
                })
                .executeWith(context.executor());
    }

    /** A customer of that name exists: link it (if the user may see it) rather than make a twin. */
    private void offerExisting(DuplicateCustomerException duplicate) {
        if (!duplicate.visibleToUser()) {
            fieldNamed("customerId").showProblem(I18n.message(duplicate));
            return;
        }
        Hyperlink link = new Hyperlink(I18n.get("leads.convert.linkExisting"));
        link.setId("linkExistingCustomer");
        link.setOnAction(e -> {
            linkTo = duplicate.existingId();
            fieldNamed("customerId").clearProblem();
            customer.setText(I18n.get("leads.convert.linkedCustomer", duplicate.existingName(),
                    duplicate.existingOwnerName() == null ? I18n.get("detail.pool") : duplicate.existingOwnerName()));
            tier.setDisable(true);
        });
        fieldNamed("customerId").showProblem(I18n.message(duplicate), link);
    }
}
