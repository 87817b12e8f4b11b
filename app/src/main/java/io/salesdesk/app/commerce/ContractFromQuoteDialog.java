package io.salesdesk.app.commerce;

import java.util.List;
import java.util.Map;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.studio.CustomFieldForm;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.PaymentTerm;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.studio.field.CustomEntity;

/**
 * 由报价生成合同: an accepted quote becomes a draft contract with the quote's customer, owner and net
 * total, on the payment terms chosen here (30 / 60 / 10 on signing, delivery and acceptance unless
 * changed), as a won deal does in {@link NewContractDialog}.
 */
final class ContractFromQuoteDialog extends FormDialog<Contract> {

    private final AppContext context;
    private final Quote quote;
    private final PaymentTermsEditor terms = new PaymentTermsEditor(PaymentTerm.defaults());
    private final CustomFieldForm custom;

    ContractFromQuoteDialog(AppContext context, Quote quote, String customerName) {
        super(I18n.get("quotes.toContract.title", quote.quoteNo()), "quoteContractCreate");
        this.context = context;
        this.quote = quote;
        GridPane facts = grid();
        // Repeated in the form: the window's title bar is easy to overlook.
        facts.addRow(0, caption("quotes.toContract.quote"), value(quote.quoteNo()));
        facts.addRow(1, caption("quotes.toContract.customer"), value(customerName));
        facts.addRow(2, caption("quotes.toContract.amount"), value(Columns.yuan(quote.totalNet())));
        Label hint = new Label(I18n.get("quotes.toContract.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        VBox form = new VBox(12, facts, hint, field("paymentTerms", I18n.get("contracts.paymentTerms"), terms));
        custom = new CustomFieldForm(context, CustomEntity.CONTRACT, this::field);
        if (!custom.isEmpty()) {
            form.getChildren().add(custom.layOutAlone());
        }
        custom.show(null);
        form.setPrefWidth(520);
        setForm(form);
    }

    private static Label caption(String key) {
        Label label = new Label(I18n.get(key));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static Label value(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setWrapText(true);
        return label;
    }

    @Override
    protected void save() {
        List<PaymentTerm> chosen = terms.terms();
        var actor = context.currentUser().asActor();
        Map<String, String> customValues = custom.values();
        BackgroundTask.wrap(() -> {
                    // Checked first: a refused custom value creates no contract.
                    custom.check(null, customValues);
                    Contract contract = context.contracts().createFromQuote(actor, quote.id(), chosen);
                    custom.save(actor, contract.id(), customValues);
                    return contract;
                })
                .onSuccess(this::finish)
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
