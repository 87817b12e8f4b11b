package io.salesdesk.app.commerce;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import atlantafx.base.theme.Styles;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.app.studio.CustomFieldForm;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.PaymentTerm;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityFilter;

/**
 * 从赢单商机生成合同: a won deal becomes a draft contract with its customer, amount and owner, on the
 * payment terms chosen here (30 / 60 / 10 on signing, delivery and acceptance unless changed).
 */
final class NewContractDialog extends FormDialog<Contract> {

    private final AppContext context;
    private final ComboBox<Opportunity> deal;
    private final PaymentTermsEditor terms = new PaymentTermsEditor(PaymentTerm.defaults());
    private final CustomFieldForm custom;

    private NewContractDialog(AppContext context, List<Opportunity> won) {
        super(I18n.get("contracts.fromDeal"), "contractCreate");
        this.context = context;
        deal = Pickers.of(won, o -> I18n.get("contracts.dealLabel", o.customerName(), o.name(), Formats.money(o.amount())),
                I18n.get("contracts.deal.prompt"));
        deal.setId("contractDeal");
        deal.setMaxWidth(Double.MAX_VALUE);
        Label hint = new Label(won.isEmpty() ? I18n.get("contracts.noWonDeal") : I18n.get("contracts.fromDeal.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        VBox form = new VBox(12, field("opportunityId", I18n.get("contracts.deal"), deal), hint,
                field("paymentTerms", I18n.get("contracts.paymentTerms"), terms));
        custom = new CustomFieldForm(context, CustomEntity.CONTRACT, this::field);
        if (!custom.isEmpty()) {
            form.getChildren().add(custom.layOutAlone());
        }
        custom.show(null);
        form.setPrefWidth(560);
        setForm(form);
    }

    /** Reads the won deals that have no contract yet, then opens the dialog. */
    static void open(AppContext context, Consumer<Contract> created) {
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> {
                    Set<UUID> contracted = context.contracts().list(viewer, null, null).stream()
                            .map(Contract::opportunityId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
                    return context.opportunities().column(viewer, "WON", OpportunityFilter.all()).stream()
                            .filter(o -> !contracted.contains(o.id())).toList();
                })
                .onSuccess(won -> new NewContractDialog(context, won).showAndWait().ifPresent(created))
                .executeWith(context.executor());
    }

    @Override
    protected void save() {
        Opportunity chosen = deal.getValue();
        if (chosen == null) {
            showFailure(new ValidationException(List.of(FieldProblem.of("opportunityId", "contracts.deal.required"))));
            return;
        }
        List<PaymentTerm> chosenTerms = terms.terms();
        var actor = context.currentUser().asActor();
        Map<String, String> customValues = custom.values();
        BackgroundTask.wrap(() -> {
                    // Checked first: a refused custom value creates no contract.
                    custom.check(null, customValues);
                    Contract contract = context.contracts().createFromOpportunity(actor, chosen.id(), chosenTerms);
                    custom.save(actor, contract.id(), customValues);
                    return contract;
                })
                .onSuccess(this::finish)
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
