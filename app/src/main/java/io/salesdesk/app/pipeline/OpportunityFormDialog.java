package io.salesdesk.app.pipeline;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.commerce.ProductLinesEditor;
import io.salesdesk.app.commerce.StockCheckView;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.studio.CustomFieldForm;
import io.salesdesk.app.studio.forms.LaidOutForm;
import io.salesdesk.app.studio.rules.RulesOnSave;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.form.FormLayout;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.FieldMergeDialog;
import io.salesdesk.app.common.MergeFields;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.commerce.freeze.OrderFreeze;
import io.salesdesk.commerce.stock.OpportunityLine;
import io.salesdesk.commerce.stock.OpportunityLines;
import io.salesdesk.core.BusinessTime;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.scene.control.Alert;
import javafx.util.Duration;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.CustomerSearch;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.FieldMerge;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.crm.User;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * Creates or edits an opportunity. The stage goes through the same rules as a drag on the board, so
 * the form says "报价 needs an amount" at the amount field; won and lost ask for the reason.
 */
public final class OpportunityFormDialog extends FormDialog<Opportunity> {


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
    private final ProductLinesEditor lines;
    private final StockCheckView stockCheck = new StockCheckView();
    // The stock check waits for the typing to stop.
    private final PauseTransition checkSoon = new PauseTransition(Duration.millis(300));
    private boolean linesTouched;
    private final boolean preview;
    private CustomFieldForm custom;
    private LaidOutForm laidOut;
    /** What the edit started from: the deal as opened, or as merged with someone's newer save. */
    private Opportunity base;

    private OpportunityFormDialog(AppContext context, Opportunity existing, String stageCode, Customer forCustomer,
                                  FormLayout layout, boolean preview) {
        super(I18n.get(preview ? "studio.form.previewOpportunityTitle"
                : existing == null ? "opportunityForm.newTitle" : "opportunityForm.editTitle"), "opportunitySave");
        this.context = context;
        this.existing = existing;
        this.preview = preview;
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
        lines = new ProductLinesEditor(context.products().list(null, null, true));
        setForm(createForm(layout));
        if (preview) {
            // A preview checks what was filled in and saves nothing.
            ((javafx.scene.control.Button) getDialogPane().lookupButton(saveType))
                    .setText(I18n.get("studio.form.previewCheck"));
        }
        fill(stageCode, forCustomer);
        checkSoon.setOnFinished(e -> checkStock());
        lines.onChange(() -> {
            linesTouched = true;
            checkSoon.playFromStart();
        });
        customer.valueProperty().addListener((obs, was, now) -> checkSoon.playFromStart());
        setOnShown(e -> (existing == null && forCustomer == null ? customer : name).requestFocus());
    }

    /** A new deal in {@code stageCode} (null: the first stage), for {@code forCustomer} if given. */
    public static OpportunityFormDialog create(AppContext context, String stageCode, Customer forCustomer) {
        return new OpportunityFormDialog(context, null, stageCode, forCustomer,
                context.formLayouts().layout(CustomEntity.OPPORTUNITY), false);
    }

    public static OpportunityFormDialog edit(AppContext context, Opportunity opportunity) {
        return new OpportunityFormDialog(context, opportunity, null, null,
                context.formLayouts().layout(CustomEntity.OPPORTUNITY), false);
    }

    /** The 新建商机 form as a layout not yet saved would draw it: it checks, and saves nothing. */
    public static OpportunityFormDialog preview(AppContext context, FormLayout layout) {
        return new OpportunityFormDialog(context, null, null, null, layout, true);
    }

    /** The form drawn from the deal form's layout (表单设计); the controls stay this dialog's own. */
    private javafx.scene.Node createForm(FormLayout layout) {
        Map<String, FormField> fields = new LinkedHashMap<>();
        fields.put("customerId", field("customerId", I18n.get("opportunityForm.customer"),
                existing == null ? customer : new Label(existing.customerName())));
        fields.put("name", field("name", I18n.get("opportunityForm.name"), name));
        fields.put("stage", field("stage", I18n.get("opportunityForm.stage"), stage));
        fields.put("probability", field("probability", I18n.get("opportunityForm.probability"), probability));
        fields.put("amount", field("amount", I18n.get("opportunityForm.amount"), amount));
        fields.put("expectedCloseOn", field("expectedCloseOn", I18n.get("opportunityForm.expectedClose"),
                expectedClose));
        fields.put("products", field("products", I18n.get("opportunityForm.products"), products));
        // Many lines and their check scroll inside the form, so the buttons stay on screen.
        javafx.scene.layout.VBox planned = new javafx.scene.layout.VBox(8, lines, stockCheck);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(planned);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(150);
        scroll.setMaxHeight(260);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        planned.heightProperty().addListener((obs, was, now) ->
                scroll.setPrefViewportHeight(Math.min(now.doubleValue(), 250)));
        fields.put("lines", field("lines", I18n.get("opportunityForm.lines"), scroll));
        fields.put("ownerId", field("ownerId", I18n.get("opportunityForm.owner"), owner));
        fields.put("closeReason", field("closeReason", I18n.get("opportunityForm.closeReason"), closeReason));
        closeReason.disableProperty().bind(stage.valueProperty().map(s -> s == null || !s.closes()));
        custom = new CustomFieldForm(context, CustomEntity.OPPORTUNITY, this::field);
        fields.putAll(custom.formFields());
        laidOut = new LaidOutForm(layout, context.currentUser().role(), existing == null, fields, this::namedValues);
        javafx.scene.layout.VBox form = (javafx.scene.layout.VBox) laidOut.node();
        form.setPrefWidth(600);
        return form;
    }

    /** The values in the form by their name on the layout, as its visibility conditions compare them. */
    private Map<String, String> namedValues() {
        Map<String, String> values = new HashMap<>(custom == null ? Map.of() : custom.namedValues());
        UUID customerId = existing != null ? existing.customerId()
                : customer.getValue() == null ? null : customer.getValue().id();
        values.put("customerId", customerId == null ? null : customerId.toString());
        values.put("name", name.getText());
        values.put("stage", stage.getValue() == null ? null : stage.getValue().code());
        values.put("probability", probability.getText());
        values.put("amount", amount.getText());
        values.put("expectedCloseOn", expectedClose.getValue() == null ? null : expectedClose.getValue().toString());
        values.put("products", products.getText());
        values.put("lines", lines.drafts().isEmpty() ? null : Integer.toString(lines.drafts().size()));
        values.put("ownerId", owner.getValue() == null ? null : owner.getValue().id().toString());
        values.put("closeReason", closeReason.getText());
        return values;
    }

    /** Says which of the customer's orders are now held because a product is short. */
    private void showFreezes(List<OrderFreeze> freezes) {
        String held = freezes.stream().map(f -> I18n.get("opportunityForm.freeze.line", f.category(),
                Formats.dateTime(f.heldUntil(), BusinessTime.ZONE))).collect(Collectors.joining("\n"));
        Alert alert = new Alert(Alert.AlertType.WARNING, held);
        alert.setHeaderText(I18n.get("opportunityForm.freeze.header"));
        alert.setTitle(I18n.get("opportunityForm.freeze.title"));
        Stylesheets.addTo(alert.getDialogPane());
        alert.show();
    }

    /** The customer box searches as the user types: a workspace has too many customers to list. */
    private void setUpCustomerSearch() {
        CustomerSearch.attach(customer, context, I18n.get("opportunityForm.customer.prompt"));
    }

    private void fill(String stageCode, Customer forCustomer) {
        custom.show(existing == null ? null : existing.id());
        base = existing;
        if (existing == null) {
            String code = stageCode == null ? context.opportunities().stages().get(0).code() : stageCode;
            stage.setValue(context.opportunities().stage(code));
            if (forCustomer != null) {
                customer.getItems().setAll(forCustomer);
                customer.setValue(forCustomer);
            }
            return;
        }
        show(draftOf(existing));
        var viewer = context.currentUser().asActor();
        lines.setLines(context.opportunityLines().lines(viewer, existing.id()));
        context.opportunityLines().lastCheck(viewer, existing.id()).ifPresent(stockCheck::show);
        linesTouched = false;
    }

    private static OpportunityDraft draftOf(Opportunity o) {
        return new OpportunityDraft(o.customerId(), o.name(), o.ownerId(), o.stage(), o.amount(), o.expectedCloseOn(),
                o.probability(), o.products(), o.closeReason());
    }

    /** Puts a version of the deal into the form's own fields. */
    private void show(OpportunityDraft d) {
        name.setText(d.name());
        stage.setValue(d.stage() == null ? null : context.opportunities().stage(d.stage()));
        amount.setText(d.amount() == null ? "" : d.amount().toPlainString());
        expectedClose.setValue(d.expectedCloseOn());
        probability.setText(d.probability() == null ? "" : Integer.toString(d.probability()));
        products.setText(d.products());
        closeReason.setText(d.closeReason());
        owner.setValue(null);
        owner.getItems().stream().filter(u -> u != null && u.id().equals(d.ownerId())).findFirst()
                .ifPresent(owner::setValue);
    }

    /**
     * Checks the planned products against the warehouses serving the customer's region, as the form
     * stands; nothing is kept until the deal is saved.
     */
    private void checkStock() {
        List<OpportunityLine.Draft> planned = lines.drafts();
        String region = existing != null ? existing.regionCode()
                : customer.getValue() == null ? null : customer.getValue().regionCode();
        if (planned.isEmpty()) {
            stockCheck.clear();
            return;
        }
        BackgroundTask.wrap(() -> context.opportunityLines().preview(region, planned))
                .onSuccess(stockCheck::show)
                // A line still being typed (no quantity yet) is checked when it is complete.
                .onFailure(error -> {
                    if (!(error instanceof ValidationException)) {
                        showFailure(error);
                    }
                })
                .executeWith(context.executor());
    }

    /** What a save did: the deal, and the kept stock check when its products were saved too. */
    private record Saved(Opportunity deal, OpportunityLines.Checked checked, Throwable linesFailed) {
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
        List<OpportunityLine.Draft> planned = lines.drafts();
        boolean saveLines = linesTouched && (existing != null || !planned.isEmpty());
        Map<String, String> customValues = custom.values();
        List<FieldProblem> missing = laidOut.missing();
        BackgroundTask.wrap(() -> {
                    // Checked first: a refused custom value or an empty required field saves nothing,
                    // not a deal without it; every problem shows at once.
                    custom.check(existing == null ? null : existing.id(), customValues, missing);
                    if (preview) {
                        return null;
                    }
                    if (existing != null && !custom.conflicts(existing.id(), customValues).isEmpty()) {
                        // Only a custom field both changed: merged like any other field.
                        throw new StaleRecordException("opportunity", existing.id(), base.version(),
                                context.opportunities().find(actor, existing.id()).orElse(null));
                    }
                    Opportunity deal = existing == null ? context.opportunities().create(actor, draft)
                            : context.opportunities().update(actor, existing.id(), base.version(), draft);
                    custom.save(actor, deal.id(), customValues);
                    if (!saveLines) {
                        return new Saved(deal, null, null);
                    }
                    // The deal is saved; products refused now (e.g. removed meanwhile) must not undo it.
                    try {
                        return new Saved(deal, context.opportunityLines().save(actor, deal.id(), planned), null);
                    } catch (RuntimeException e) {
                        return new Saved(deal, null, e);
                    }
                })
                .onSuccess(saved -> {
                    if (saved == null) {
                        showGeneralProblem(I18n.get("studio.form.previewChecked"));
                        return;
                    }
                    RulesOnSave.opportunity(context, saved.deal().id());
                    if (saved.linesFailed() != null) {
                        ErrorDialogs.show(saved.linesFailed());
                    } else if (saved.checked() != null && !saved.checked().freezes().isEmpty()) {
                        showFreezes(saved.checked().freezes());
                    }
                    finish(saved.deal());
                })
                .onFailure(error -> {
                    if (error instanceof StaleRecordException stale && stale.current() instanceof Opportunity theirs
                            && existing != null) {
                        resolveConflict(theirs, draft, customValues);
                    } else if (error instanceof StaleRecordException) {
                        showGeneralProblem(I18n.get("opportunityForm.stale"));
                    } else {
                        showFailure(error);
                    }
                })
                .executeWith(context.executor());
    }

    /**
     * Someone saved the deal since the edit started: the user merges field by field, and the merge is
     * saved on their version (coming back with newer values if someone saved again meanwhile).
     */
    private void resolveConflict(Opportunity theirs, OpportunityDraft mine, Map<String, String> mineCustom) {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> Map.entry(context.customFields().values(CustomEntity.OPPORTUNITY, theirs.id()),
                        context.opportunities().history(actor, theirs.id())))
                .onSuccess(side -> {
                    FieldMerge merge = FieldMerge.of(DealVersions.fields(draftOf(base), custom.base()),
                            DealVersions.fields(mine, mineCustom), DealVersions.fields(draftOf(theirs), side.getKey()));
                    Optional<Map<String, String>> merged = new FieldMergeDialog(theirs.name(), merge,
                            DealVersions.mergeFields(context).words(side.getValue())).merged();
                    if (merged.isEmpty()) {
                        close();
                        return;
                    }
                    base = theirs;
                    custom.rebase(side.getKey());
                    show(DealVersions.draft(theirs.customerId(), merged.get()));
                    custom.showValues(MergeFields.customValues(merged.get()));
                    save();
                })
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
