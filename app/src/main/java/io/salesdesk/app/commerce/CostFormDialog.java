package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.CustomerSearch;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.commerce.cost.CostBasis;
import io.salesdesk.commerce.cost.CostDraft;
import io.salesdesk.commerce.cost.CostEntry;
import io.salesdesk.commerce.cost.CostKind;
import io.salesdesk.commerce.cost.CostSubkind;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.Opportunity;

/**
 * 记一笔成本: one cost of a customer, or of one of its deals — what it was spent on, how much (for
 * pre-sales: hours × hourly rate, as the cost service computes it), when, through which channel,
 * and whether it was measured on the deal or allocated from a pool. The cost service checks it;
 * what it refuses is shown at the field.
 */
final class CostFormDialog extends FormDialog<CostFormDialog.Recorded> {

    private final AppContext context;
    private final ComboBox<Customer> customer = new ComboBox<>();
    private final ComboBox<Opportunity> deal = Pickers.optional(FXCollections.observableArrayList(),
            o -> o.amount() == null ? o.name() : I18n.get("costs.form.dealLabel", o.name(), Formats.money(o.amount())),
            I18n.get("costs.form.noDeal"));
    private final ComboBox<CostKind> kind = Pickers.of(List.of(CostKind.values()), k -> I18n.label("costs.kind", k),
            "");
    private final ComboBox<CostSubkind> subkind = Pickers.optional(FXCollections.observableArrayList(),
            s -> I18n.label("costs.subkind", s), I18n.get("costs.form.noSubkind"));
    private final TextField amount = new TextField();
    private final TextField hours = new TextField();
    private final TextField hourlyRate = new TextField();
    private final Label presalesTotal = new Label();
    private final DatePicker incurredOn = new DatePicker();
    private final ComboBox<String> channel = new ComboBox<>();
    private final ComboBox<CostBasis> basis = Pickers.of(List.of(CostBasis.values()),
            b -> I18n.label("costs.basis", b), "");
    private final TextField note = new TextField();
    private final FormField amountField;
    private final FormField hoursField;
    private final FormField rateField;

    private CostFormDialog(AppContext context, Customer preset, List<Opportunity> presetDeals, List<String> channels) {
        super(I18n.get("costs.form.title"), "costSave");
        this.context = context;
        customer.setId("costCustomer");
        deal.setId("costDeal");
        kind.setId("costKind");
        subkind.setId("costSubkind");
        amount.setId("costAmount");
        hours.setId("costHours");
        hourlyRate.setId("costHourlyRate");
        presalesTotal.setId("costPresalesTotal");
        incurredOn.setId("costIncurredOn");
        channel.setId("costChannel");
        basis.setId("costBasis");
        note.setId("costNote");
        for (var control : List.of(customer, deal, kind, subkind, channel, basis)) {
            control.setMaxWidth(Double.MAX_VALUE);
        }
        incurredOn.setMaxWidth(Double.MAX_VALUE);

        CustomerSearch.attach(customer, context, I18n.get("costs.form.customer.prompt"));
        if (preset != null) {
            customer.getItems().setAll(preset);
            customer.setValue(preset);
            deal.getItems().setAll(Pickers.withNone(presetDeals));
        }
        customer.valueProperty().addListener((obs, was, now) -> loadDeals(now));
        basis.setValue(CostBasis.MEASURED);
        incurredOn.setValue(BusinessTime.today(context.clock()));
        channel.setEditable(true);
        channel.getItems().setAll(channels);
        channel.setPromptText(I18n.get("costs.form.channel.prompt"));
        amount.setPromptText(I18n.get("costs.form.amount.prompt"));
        hours.textProperty().addListener((obs, was, now) -> showPresalesTotal());
        hourlyRate.textProperty().addListener((obs, was, now) -> showPresalesTotal());
        note.setPromptText(I18n.get("costs.form.note.prompt"));

        amountField = field("amount", I18n.get("costs.form.amount"), amount);
        hoursField = field("hours", I18n.get("costs.form.hours"), hours);
        rateField = field("hourlyRate", I18n.get("costs.form.hourlyRate"), hourlyRate);
        presalesTotal.getStyleClass().add(Styles.TEXT_MUTED);
        presalesTotal.setWrapText(true);

        GridPane grid = grid();
        grid.add(field("customerId", I18n.get("costs.form.customer"), customer), 0, 0);
        grid.add(field("opportunityId", I18n.get("costs.form.deal"), deal), 1, 0);
        grid.add(field("kind", I18n.get("costs.form.kind"), kind), 0, 1);
        grid.add(field("subkind", I18n.get("costs.form.subkind"), subkind), 1, 1);
        grid.add(money(), 0, 2, 2, 1);
        grid.add(field("incurredOn", I18n.get("costs.form.incurredOn"), incurredOn), 0, 3);
        grid.add(field("basis", I18n.get("costs.form.basis"), basis), 1, 3);
        grid.add(field("channel", I18n.get("costs.form.channel"), channel), 0, 4);
        grid.add(field("note", I18n.get("costs.form.note"), note), 1, 4);
        kind.valueProperty().addListener((obs, was, now) -> kindChanged(now));
        kind.setValue(CostKind.ACQUISITION);
        showPresalesTotal();
        halves(grid);

        Label hint = new Label(I18n.get("costs.form.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        VBox form = new VBox(12, grid, hint);
        form.setPrefWidth(600);
        setForm(form);
        setOnShown(e -> (preset == null ? customer : amount).requestFocus());
    }

    /**
     * An amount, or for pre-sales hours and rate with what they come to below; what is not in use is
     * unmanaged, so it takes no room.
     */
    private VBox money() {
        GridPane row = grid();
        row.add(amountField, 0, 0);
        row.add(hoursField, 0, 0);
        row.add(rateField, 1, 0);
        halves(row);
        presalesTotal.setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
        return new VBox(row, presalesTotal);
    }

    /** Two columns of equal width, as wide as the form. */
    private static void halves(GridPane grid) {
        var half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(half, half);
    }

    /**
     * Opens the form, on the customer picked in the costs view when there is one (read with its deals
     * first), with the channels already in use offered.
     */
    static void open(AppContext context, UUID customerId, List<String> channels, Consumer<Recorded> recorded) {
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> {
                    if (customerId == null) {
                        return new Preset(null, List.<Opportunity>of());
                    }
                    Customer found = context.customers().open(viewer, customerId).map(d -> d.customer()).orElse(null);
                    return new Preset(found, found == null ? List.<Opportunity>of()
                            : context.opportunities().forCustomer(viewer, customerId));
                })
                .onSuccess(preset -> new CostFormDialog(context, preset.customer(), preset.deals(), channels)
                        .showAndWait().ifPresent(recorded))
                .executeWith(context.executor());
    }

    private record Preset(Customer customer, List<Opportunity> deals) {
    }

    /** The entry as recorded, with the name of its customer for the list that shows it next. */
    record Recorded(CostEntry entry, String customerName) {
    }

    /** A new customer offers its own deals; a deal picked for another customer is dropped. */
    private void loadDeals(Customer picked) {
        deal.setValue(null);
        deal.getItems().setAll(Pickers.withNone(List.of()));
        if (picked == null) {
            return;
        }
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.opportunities().forCustomer(viewer, picked.id()))
                .onSuccess(found -> {
                    if (picked.equals(customer.getValue())) {
                        deal.getItems().setAll(Pickers.withNone(found));
                    }
                })
                .executeWith(context.executor());
    }

    /** Sub-kinds of the kind only; pre-sales is counted in hours × rate instead of an amount. */
    private void kindChanged(CostKind now) {
        CostSubkind was = subkind.getValue();
        List<CostSubkind> fitting = Arrays.stream(CostSubkind.values()).filter(s -> s.kind() == now).toList();
        subkind.getItems().setAll(Pickers.withNone(fitting));
        subkind.setValue(fitting.contains(was) ? was : null);
        subkind.setDisable(fitting.isEmpty());
        showKind(now);
    }

    private void showKind(CostKind now) {
        boolean byHours = now == CostKind.PRESALES;
        amountField.setVisible(!byHours);
        amountField.setManaged(!byHours);
        for (var node : List.of(hoursField, rateField, presalesTotal)) {
            node.setVisible(byHours);
            node.setManaged(byHours);
        }
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    /** What hours × rate come to, rounded as the service will, once both numbers read. */
    private void showPresalesTotal() {
        BigDecimal h = Amounts.parse(hours.getText());
        BigDecimal r = Amounts.parse(hourlyRate.getText());
        presalesTotal.setText(h == null || r == null ? I18n.get("costs.form.presalesPending")
                : I18n.get("costs.form.presalesTotal", Columns.yuan(h.multiply(r).setScale(2, RoundingMode.HALF_UP))));
    }

    @Override
    protected void save() {
        List<FieldProblem> problems = new ArrayList<>();
        boolean byHours = kind.getValue() == CostKind.PRESALES;
        BigDecimal amountValue = number(byHours ? null : amount, "amount", problems);
        BigDecimal hoursValue = number(byHours ? hours : null, "hours", problems);
        BigDecimal rateValue = number(byHours ? hourlyRate : null, "hourlyRate", problems);
        // The service would call a missing number "" invalid; say it is missing instead.
        if (byHours && text(hours) == null) {
            problems.add(FieldProblem.of("hours", "costs.form.hours.required"));
        }
        if (byHours && text(hourlyRate) == null) {
            problems.add(FieldProblem.of("hourlyRate", "costs.form.hourlyRate.required"));
        }
        if (!problems.isEmpty()) {
            showFailure(new ValidationException(problems));
            return;
        }
        Opportunity chosenDeal = deal.getValue();
        CostDraft draft = new CostDraft(kind.getValue(), subkind.getValue(),
                chosenDeal == null ? null : chosenDeal.id(),
                customer.getValue() == null ? null : customer.getValue().id(), channelText(), amountValue,
                hoursValue, rateValue, incurredOn.getValue(), basis.getValue(), text(note));
        String customerName = customer.getValue() == null ? null : customer.getValue().name();
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.costs().record(actor, draft))
                .onSuccess(entry -> finish(new Recorded(entry, customerName)))
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }

    /**
     * The number typed, null when the field is empty (the service says it is required) or not in
     * use; text that is no number is refused here, as the service only sees numbers.
     */
    private static BigDecimal number(TextField field, String name, List<FieldProblem> problems) {
        if (field == null) {
            return null;
        }
        String typed = text(field);
        BigDecimal value = Amounts.parse(typed);
        if (typed != null && value == null) {
            problems.add(FieldProblem.of(name, "costs.form.notANumber", typed));
        }
        return value;
    }

    /** What is typed in the channel box, chosen from the list or not. */
    private String channelText() {
        String typed = channel.getEditor().getText();
        return typed == null || typed.isBlank() ? null : typed.strip();
    }
}
