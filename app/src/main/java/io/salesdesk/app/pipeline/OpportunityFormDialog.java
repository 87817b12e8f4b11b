package io.salesdesk.app.pipeline;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.crm.User;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * Creates or edits an opportunity. The stage goes through the same rules as a drag on the board, so
 * the form says "报价 needs an amount" at the amount field; won and lost ask for the reason.
 */
public final class OpportunityFormDialog extends FormDialog<Opportunity> {

    private static final int CUSTOMER_MATCHES = 30;

    private final AppContext context;
    private final Opportunity existing;
    private final ComboBox<Customer> customer = new ComboBox<>();
    private final TextField name = new TextField();
    private final ComboBox<OpportunityStage> stage;
    private final TextField amount = new TextField();
    private final DatePicker expectedClose = new DatePicker();
    private final TextField probability = new TextField();
    private final TextField products = new TextField();
    private final ComboBox<User> owner;
    private final TextField closeReason = new TextField();

    private OpportunityFormDialog(AppContext context, Opportunity existing, String stageCode, Customer forCustomer) {
        super(I18n.get(existing == null ? "opportunityForm.newTitle" : "opportunityForm.editTitle"), "opportunitySave");
        this.context = context;
        this.existing = existing;
        stage = Pickers.of(context.opportunities().stages(), s -> s.name(I18n.locale()), "");
        owner = Pickers.optional(FXCollections.observableArrayList(
                context.users().visibleOwners(context.currentUser().asActor())), User::displayName,
                I18n.get("opportunityForm.ownerDefault"));
        customer.setId("opportunityCustomer");
        name.setId("opportunityName");
        stage.setId("opportunityStage");
        amount.setId("opportunityAmount");
        amount.setPromptText(I18n.get("opportunityForm.amount.prompt"));
        expectedClose.setId("opportunityClose");
        probability.setId("opportunityProbability");
        probability.setPromptText(I18n.get("opportunityForm.probability.prompt"));
        products.setId("opportunityProducts");
        owner.setId("opportunityOwner");
        closeReason.setId("opportunityReason");
        for (var box : List.of(customer, stage, owner)) {
            box.setMaxWidth(Double.MAX_VALUE);
        }
        expectedClose.setMaxWidth(Double.MAX_VALUE);
        setUpCustomerSearch();
        setForm(createForm());
        fill(stageCode, forCustomer);
        setOnShown(e -> (existing == null && forCustomer == null ? customer : name).requestFocus());
    }

    /** A new deal in {@code stageCode} (null: the first stage), for {@code forCustomer} if given. */
    public static OpportunityFormDialog create(AppContext context, String stageCode, Customer forCustomer) {
        return new OpportunityFormDialog(context, null, stageCode, forCustomer);
    }

    public static OpportunityFormDialog edit(AppContext context, Opportunity opportunity) {
        return new OpportunityFormDialog(context, opportunity, null, null);
    }

    private GridPane createForm() {
        GridPane grid = grid();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        if (existing == null) {
            grid.add(field("customerId", I18n.get("opportunityForm.customer"), customer), 0, 0, 2, 1);
        } else {
            grid.add(field("customerId", I18n.get("opportunityForm.customer"), new Label(existing.customerName())), 0,
                    0, 2, 1);
        }
        grid.add(field("name", I18n.get("opportunityForm.name"), name), 0, 1, 2, 1);
        grid.add(field("stage", I18n.get("opportunityForm.stage"), stage), 0, 2);
        grid.add(field("probability", I18n.get("opportunityForm.probability"), probability), 1, 2);
        grid.add(field("amount", I18n.get("opportunityForm.amount"), amount), 0, 3);
        grid.add(field("expectedCloseOn", I18n.get("opportunityForm.expectedClose"), expectedClose), 1, 3);
        grid.add(field("products", I18n.get("opportunityForm.products"), products), 0, 4, 2, 1);
        grid.add(field("ownerId", I18n.get("opportunityForm.owner"), owner), 0, 5);
        grid.add(field("closeReason", I18n.get("opportunityForm.closeReason"), closeReason), 1, 5);
        closeReason.disableProperty().bind(stage.valueProperty().map(s -> s == null || !s.closes()));
        grid.setPrefWidth(600);
        return grid;
    }

    /** The customer box searches as the user types: a workspace has too many customers to list. */
    private void setUpCustomerSearch() {
        customer.setEditable(true);
        customer.setPromptText(I18n.get("opportunityForm.customer.prompt"));
        customer.setConverter(new StringConverter<>() {
            @Override
            public String toString(Customer c) {
                return c == null ? "" : c.name();
            }

            @Override
            public Customer fromString(String text) {
                return customer.getItems().stream().filter(c -> c.name().equals(text)).findFirst().orElse(null);
            }
        });
        customer.getEditor().textProperty().addListener((obs, old, text) -> {
            if (customer.getValue() != null && customer.getValue().name().equals(text)) {
                return;
            }
            var actor = context.currentUser().asActor();
            String query = text == null ? "" : text.strip();
            BackgroundTask.wrap(() -> context.customers().page(actor, CustomerQuery.all().withText(query), 0,
                            CUSTOMER_MATCHES))
                    .onSuccess(found -> {
                        if (query.equals(customer.getEditor().getText() == null ? ""
                                : customer.getEditor().getText().strip())) {
                            customer.getItems().setAll(found);
                            if (!found.isEmpty() && customer.isFocused()) {
                                customer.show();
                            }
                        }
                    })
                    .executeWith(context.executor());
        });
    }

    private void fill(String stageCode, Customer forCustomer) {
        if (existing == null) {
            String code = stageCode == null ? context.opportunities().stages().get(0).code() : stageCode;
            stage.setValue(context.opportunities().stage(code));
            if (forCustomer != null) {
                customer.getItems().setAll(forCustomer);
                customer.setValue(forCustomer);
            }
            return;
        }
        name.setText(existing.name());
        stage.setValue(context.opportunities().stage(existing.stage()));
        amount.setText(existing.amount() == null ? "" : existing.amount().toPlainString());
        expectedClose.setValue(existing.expectedCloseOn());
        probability.setText(Integer.toString(existing.probability()));
        products.setText(existing.products());
        closeReason.setText(existing.closeReason());
        owner.getItems().stream().filter(u -> u != null && u.id().equals(existing.ownerId())).findFirst()
                .ifPresent(owner::setValue);
    }

    @Override
    protected void save() {
        BigDecimal parsedAmount;
        Integer parsedProbability;
        try {
            parsedAmount = amount.getText() == null || amount.getText().isBlank() ? null
                    : new BigDecimal(amount.getText().strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            showFailure(new ValidationException(List.of(FieldProblem.of("amount", "opportunityForm.amount.invalid"))));
            return;
        }
        try {
            parsedProbability = probability.getText() == null || probability.getText().isBlank() ? null
                    : Integer.valueOf(probability.getText().strip().replace("%", ""));
        } catch (NumberFormatException e) {
            showFailure(new ValidationException(List.of(FieldProblem.of("probability",
                    "opportunity.probability.range"))));
            return;
        }
        UUID customerId = existing != null ? existing.customerId()
                : customer.getValue() == null ? null : customer.getValue().id();
        OpportunityStage chosen = stage.getValue();
        OpportunityDraft draft = new OpportunityDraft(customerId, name.getText(),
                owner.getValue() == null ? null : owner.getValue().id(), chosen == null ? null : chosen.code(),
                parsedAmount, expectedClose.getValue(), parsedProbability, products.getText(), closeReason.getText());
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> existing == null ? context.opportunities().create(actor, draft)
                        : context.opportunities().update(actor, existing.id(), existing.version(), draft))
                .onSuccess(this::finish)
                .onFailure(error -> {
                    if (error instanceof StaleRecordException) {
                        showGeneralProblem(I18n.get("opportunityForm.stale"));
                    } else {
                        showFailure(error);
                    }
                })
                .executeWith(context.executor());
    }
}
