package io.salesdesk.app.customers;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextField;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.stage.Screen;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.FieldMergeDialog;
import io.salesdesk.app.common.MergeFields;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.studio.CustomFieldForm;
import io.salesdesk.app.studio.forms.LaidOutForm;
import io.salesdesk.app.studio.rules.RulesOnSave;
import io.salesdesk.studio.form.FormLayout;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.CreditCode;
import io.salesdesk.core.PhoneNumber;
import io.salesdesk.core.FieldMerge;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.DuplicateCustomerException;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.Tier;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.crm.User;
import io.salesdesk.crm.approval.SubmittedForApproval;

/**
 * Creates or edits a customer. Problems show at their fields; a duplicate name offers the existing
 * customer; a concurrent change is shown side by side and never overwritten silently.
 */
public final class CustomerFormDialog extends FormDialog<Customer> {

    private final AppContext context;
    private final EventBus bus;
    private final Customer existing;
    private final Consumer<UUID> changed;
    private final TextField name = new TextField();
    private final TextField creditCode = new TextField();
    private final ComboBox<Tier> tier = Pickers.of(List.of(Tier.values()), t -> I18n.get("tier.long." + t.name()), "");
    private final ComboBox<String> industry = Pickers.optional(FXCollections.observableArrayList(Industries.CODES),
            code -> I18n.get("industry." + code), I18n.get("form.none"));
    private final ComboBox<Region> province;
    private final ComboBox<Region> city;
    private final ComboBox<Region> county;
    private final TextField address = new TextField();
    private final TextField phone = new TextField();
    private final ComboBox<User> owner;
    private final boolean preview;
    private CustomFieldForm custom;
    private LaidOutForm laidOut;
    /** What the user's edit started from: the customer as opened, or as merged with a newer save. */
    private Customer base;

    private CustomerFormDialog(AppContext context, EventBus bus, Customer existing, Consumer<UUID> changed,
                               FormLayout layout, boolean preview) {
        super(I18n.get(preview ? "studio.form.previewTitle"
                : existing == null ? "customerForm.newTitle" : "customerForm.editTitle"), "customerSave");
        this.preview = preview;
        this.context = context;
        this.bus = bus;
        this.existing = existing;
        this.changed = changed;
        province = Pickers.optional(FXCollections.observableArrayList(context.regions().provinces()), Region::name,
                I18n.get("form.province"));
        city = Pickers.optional(FXCollections.observableArrayList(), Region::name, I18n.get("form.city"));
        county = Pickers.optional(FXCollections.observableArrayList(), Region::name, I18n.get("form.county"));
        owner = Pickers.optional(FXCollections.observableArrayList(
                context.users().visibleOwners(context.currentUser().asActor())), User::displayName,
                I18n.get("form.pool"));
        name.setId("customerName");
        creditCode.setId("customerCreditCode");
        creditCode.setPromptText(I18n.get("customerForm.creditCode.prompt"));
        tier.setId("customerTier");
        industry.setId("customerIndustry");
        province.setId("customerProvince");
        city.setId("customerCity");
        county.setId("customerCounty");
        address.setId("customerAddress");
        phone.setId("customerPhone");
        phone.setPromptText(I18n.get("customerForm.phone.prompt"));
        owner.setId("customerOwner");
        for (ComboBox<?> box : List.of(tier, industry, province, city, county, owner)) {
            box.setMaxWidth(Double.MAX_VALUE);
        }
        cascade(province, city);
        cascade(city, county);
        setForm(createForm(layout));
        if (preview) {
            // A preview checks what was filled in and saves nothing.
            ((Button) getDialogPane().lookupButton(saveType)).setText(I18n.get("studio.form.previewCheck"));
        }
        fill();
        liveChecks();
        setOnShown(e -> name.requestFocus());
    }

    static CustomerFormDialog create(AppContext context, EventBus bus, Consumer<UUID> changed) {
        return new CustomerFormDialog(context, bus, null, changed,
                context.formLayouts().layout(CustomEntity.CUSTOMER), false);
    }

    /** The 新建客户 form as a layout not yet saved would draw it: it checks, and saves nothing. */
    public static CustomerFormDialog preview(AppContext context, FormLayout layout) {
        return new CustomerFormDialog(context, new EventBus(), null, id -> { }, layout, true);
    }

    static CustomerFormDialog edit(AppContext context, EventBus bus, Customer customer, Consumer<UUID> changed) {
        return new CustomerFormDialog(context, bus, customer, changed,
                context.formLayouts().layout(CustomEntity.CUSTOMER), false);
    }

    /** The form drawn from the customer form's layout (表单设计); the controls stay this dialog's own. */
    private Node createForm(FormLayout layout) {
        Map<String, FormField> fields = new LinkedHashMap<>();
        fields.put("name", field("name", I18n.get("customerForm.name"), name));
        fields.put("creditCode", field("creditCode", I18n.get("customerForm.creditCode"), creditCode));
        fields.put("phone", field("phone", I18n.get("customerForm.phone"), phone));
        fields.put("tier", field("tier", I18n.get("customerForm.tier"), tier));
        fields.put("industry", field("industry", I18n.get("customerForm.industry"), industry));
        HBox regions = new HBox(8, province, city, county);
        for (ComboBox<Region> box : List.of(province, city, county)) {
            HBox.setHgrow(box, Priority.ALWAYS);
        }
        fields.put("regionCode", field("regionCode", I18n.get("customerForm.region"), regions));
        fields.put("address", field("address", I18n.get("customerForm.address"), address));
        fields.put("ownerId", field("ownerId", I18n.get("customerForm.owner"), owner));
        custom = new CustomFieldForm(context, CustomEntity.CUSTOMER, this::field);
        fields.putAll(custom.formFields());
        laidOut = new LaidOutForm(layout, context.currentUser().role(), existing == null, fields, this::namedValues);
        VBox form = (VBox) laidOut.node();
        form.setPrefWidth(600);
        // A form with many sections scrolls inside the dialog instead of growing past the screen.
        double tallest = Math.max(420, Screen.getPrimary().getVisualBounds().getHeight() - 220);
        ScrollPane scroll = new ScrollPane(form) {
            @Override
            protected double computePrefHeight(double width) {
                return Math.min(super.computePrefHeight(width), tallest);
            }
        };
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /** The values in the form by their name on the layout, as its visibility conditions compare them. */
    private Map<String, String> namedValues() {
        CustomerDraft d = draft();
        Map<String, String> values = new HashMap<>(custom.namedValues());
        values.put("name", d.name());
        values.put("creditCode", d.creditCode());
        values.put("phone", d.phone());
        values.put("tier", d.tier() == null ? null : d.tier().name());
        values.put("industry", d.industry());
        values.put("regionCode", d.regionCode());
        values.put("address", d.address());
        values.put("ownerId", d.ownerId() == null ? null : d.ownerId().toString());
        return values;
    }

    private void cascade(ComboBox<Region> parent, ComboBox<Region> child) {
        child.setDisable(true);
        parent.valueProperty().addListener((obs, old, now) -> {
            child.setValue(null);
            List<Region> children = now == null ? List.of() : context.regions().children(now.code());
            child.getItems().setAll(Pickers.withNone(children));
            child.setDisable(children.isEmpty());
        });
    }

    private void fill() {
        custom.show(existing == null ? null : existing.id());
        base = existing;
        if (existing == null) {
            tier.setValue(Tier.C);
            User me = context.currentUser();
            owner.getItems().stream().filter(u -> u != null && u.id().equals(me.id())).findFirst()
                    .ifPresent(owner::setValue);
            return;
        }
        show(existing.toDraft());
    }

    /** Puts a version of the customer into the form's standard fields. */
    private void show(CustomerDraft d) {
        name.setText(d.name());
        creditCode.setText(d.creditCode());
        tier.setValue(d.tier());
        industry.setValue(d.industry());
        address.setText(d.address());
        phone.setText(d.phone());
        owner.setValue(null);
        owner.getItems().stream().filter(u -> u != null && u.id().equals(d.ownerId())).findFirst()
                .ifPresent(owner::setValue);
        province.setValue(null);
        String code = d.regionCode();
        if (code != null && code.length() == 6) {
            select(province, code.substring(0, 2) + "0000");
            select(city, code.substring(0, 4) + "00");
            select(county, code);
        }
    }

    private static void select(ComboBox<Region> box, String code) {
        box.getItems().stream().filter(r -> r != null && r.code().equals(code)).findFirst().ifPresent(box::setValue);
    }

    /** Credit code and phone are checked when the user leaves the field, before any save. */
    private void liveChecks() {
        creditCode.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                checkCreditCode();
            }
        });
        phone.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                checkPhone();
            }
        });
    }

    private boolean checkCreditCode() {
        String raw = text(creditCode);
        FormField field = fieldNamed("creditCode");
        if (raw == null) {
            field.clearProblem();
            return true;
        }
        String key = switch (CreditCode.problemOf(CreditCode.normalise(raw))) {
            case NONE -> null;
            case WRONG_LENGTH -> "customer.creditCode.wrongLength";
            case INVALID_CHARACTER -> "customer.creditCode.invalidCharacter";
            case WRONG_CHECK_DIGIT -> "customer.creditCode.wrongCheckDigit";
        };
        field.showProblem(key == null ? null : I18n.get(key));
        return key == null;
    }

    private boolean checkPhone() {
        String raw = text(phone);
        boolean ok = raw == null || PhoneNumber.normalise(raw).isPresent();
        fieldNamed("phone").showProblem(ok ? null : I18n.get("customer.phone.invalid"));
        return ok;
    }

    private CustomerDraft draft() {
        Region region = county.getValue() != null ? county.getValue()
                : city.getValue() != null ? city.getValue() : province.getValue();
        User who = owner.getValue();
        return new CustomerDraft(text(name), text(creditCode), tier.getValue(), industry.getValue(),
                region == null ? null : region.code(), text(address), text(phone), who == null ? null : who.id());
    }

    @Override
    protected void save() {
        boolean creditOk = checkCreditCode();
        boolean phoneOk = checkPhone();
        if (!creditOk || !phoneOk) {
            return;
        }
        save(draft(), custom.values(), existing == null ? 0 : base.version());
    }

    private void save(CustomerDraft draft, Map<String, String> customValues, long expectedVersion) {
        var actor = context.currentUser().asActor();
        List<FieldProblem> missing = laidOut.missing();
        BackgroundTask.wrap(() -> {
                    // Checked first: a refused custom value or an empty required field saves nothing,
                    // not a customer without it; every problem shows at once.
                    custom.check(existing == null ? null : existing.id(), customValues, missing);
                    if (preview) {
                        return null;
                    }
                    if (existing != null && !custom.conflicts(existing.id(), customValues).isEmpty()) {
                        // Only a custom field both changed: merged like any other field.
                        throw new StaleRecordException("customer", existing.id(), expectedVersion,
                                context.customers().open(actor, existing.id()).map(d -> d.customer()).orElse(null));
                    }
                    try {
                        Customer saved = existing == null
                                ? context.customers().create(actor, draft)
                                : context.customers().update(actor, existing.id(), expectedVersion, draft);
                        custom.save(actor, saved.id(), customValues);
                        return saved;
                    } catch (SubmittedForApproval pending) {
                        // The rest of the edit is saved, the custom values with it.
                        custom.save(actor, ((Customer) pending.record()).id(), customValues);
                        throw pending;
                    }
                })
                .onSuccess(saved -> {
                    if (saved == null) {
                        showGeneralProblem(I18n.get("studio.form.previewChecked"));
                        return;
                    }
                    RulesOnSave.customer(context, saved.id());
                    finish(saved);
                    changed.accept(saved.id());
                })
                .onFailure(error -> {
                    if (error instanceof SubmittedForApproval pending) {
                        // The rest of the edit is saved; the new owner takes effect once approved.
                        Customer saved = (Customer) pending.record();
                        RulesOnSave.customer(context, saved.id());
                        finish(saved);
                        changed.accept(saved.id());
                        Alert told = new Alert(Alert.AlertType.INFORMATION, I18n.get("customerForm.transferSubmitted",
                                saved.name()), ButtonType.OK);
                        told.setHeaderText(null);
                        told.show();
                    } else if (error instanceof DuplicateCustomerException duplicate) {
                        showDuplicate(duplicate);
                    } else if (error instanceof StaleRecordException stale) {
                        resolveConflict(stale, draft, customValues);
                    } else {
                        showFailure(error);
                    }
                })
                .executeWith(context.executor());
    }

    private void showDuplicate(DuplicateCustomerException duplicate) {
        FormField field = fieldNamed("name");
        if (duplicate.visibleToUser()) {
            Hyperlink open = new Hyperlink(I18n.get("customerForm.openExisting"));
            open.setId("openExistingCustomer");
            open.setOnAction(e -> {
                close();
                bus.publish(new Navigation.OpenCustomer(duplicate.existingId(), duplicate.existingName()));
            });
            field.showProblem(I18n.message(duplicate), open);
        } else {
            field.showProblem(I18n.message(duplicate));
        }
    }

    /**
     * Someone saved the customer since the edit started: their version is read with who changed
     * what, and the user merges field by field; the merge is saved on their version (and comes back
     * with the newer values if someone saved again meanwhile).
     */
    private void resolveConflict(StaleRecordException stale, CustomerDraft mine, Map<String, String> mineCustom) {
        Customer theirs = stale.current() instanceof Customer c ? c : null;
        if (theirs == null) {
            Alert gone = new Alert(Alert.AlertType.WARNING, I18n.get("merge.deleted", existing.name()), ButtonType.OK);
            gone.setHeaderText(null);
            gone.showAndWait();
            close();
            changed.accept(existing.id());
            return;
        }
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> new TheirSide(context.customFields().values(CustomEntity.CUSTOMER, theirs.id()),
                        context.customers().history(actor, theirs.id())))
                .onSuccess(side -> merge(theirs, side, mine, mineCustom))
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }

    /** The custom values and change log read with the other person's version. */
    private record TheirSide(Map<String, String> customValues, List<ChangeEntry> history) {
    }

    private void merge(Customer theirs, TheirSide side, CustomerDraft mine, Map<String, String> mineCustom) {
        FieldMerge merge = FieldMerge.of(CustomerVersions.fields(base.toDraft(), custom.base()),
                CustomerVersions.fields(mine, mineCustom), CustomerVersions.fields(theirs.toDraft(), side.customValues()));
        Optional<Map<String, String>> merged = new FieldMergeDialog(theirs.name(), merge,
                CustomerVersions.mergeFields(context).words(side.history())).merged();
        if (merged.isEmpty()) {
            close();
            changed.accept(existing.id());
            return;
        }
        base = theirs;
        custom.rebase(side.customValues());
        // The form shows what is saved, so a save refused for another reason is retried on the merge.
        show(CustomerVersions.draft(merged.get()));
        custom.showValues(MergeFields.customValues(merged.get()));
        save(draft(), custom.values(), theirs.version());
    }
}
