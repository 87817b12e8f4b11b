package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import atlantafx.base.theme.Styles;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.collection.Payment;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;

/**
 * 登记回款: money received against one collection item — all of what is open or part of it, never
 * more — with the day it arrived and the bank reference.
 */
final class PaymentDialog extends FormDialog<Payment> {

    private final AppContext context;
    private final UUID itemId;
    private final TextField amount = new TextField();
    private final DatePicker receivedOn = new DatePicker();
    private final TextField reference = new TextField();

    private PaymentDialog(AppContext context, UUID itemId, String customer, String contractNo, String milestone,
                          BigDecimal open) {
        super(I18n.get("payment.title"), "paymentSave");
        this.context = context;
        this.itemId = itemId;
        Label what = new Label(I18n.get("payment.what", customer, contractNo, milestone, Columns.yuan(open)));
        what.getStyleClass().add(Styles.TEXT_BOLD);
        what.setWrapText(true);
        amount.setId("paymentAmount");
        amount.setText(open.toPlainString());
        receivedOn.setId("paymentDate");
        receivedOn.setValue(BusinessTime.today(context.clock()));
        reference.setId("paymentReference");
        reference.setPromptText(I18n.get("payment.reference.prompt"));
        VBox form = new VBox(12, what,
                field("amount", I18n.get("payment.amount"), amount),
                field("receivedOn", I18n.get("payment.receivedOn"), receivedOn),
                field("reference", I18n.get("payment.reference"), reference));
        form.setPrefWidth(440);
        setForm(form);
        setOnShown(e -> amount.requestFocus());
    }

    static void open(AppContext context, UUID itemId, String customer, String contractNo, String milestone,
                     BigDecimal open, Runnable afterSave) {
        new PaymentDialog(context, itemId, customer, contractNo, milestone, open).showAndWait()
                .ifPresent(p -> afterSave.run());
    }

    @Override
    protected void save() {
        BigDecimal money = Amounts.parse(amount.getText());
        if (money == null) {
            showFailure(new ValidationException(List.of(FieldProblem.of("amount", "payment.amount.invalid"))));
            return;
        }
        LocalDate day = receivedOn.getValue();
        String ref = text(reference);
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.collections().recordPayment(actor, itemId, money, day, ref))
                .onSuccess(this::finish)
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
