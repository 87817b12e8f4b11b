package io.salesdesk.app.leads;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import atlantafx.base.theme.Styles;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.app.common.RegionPicker;
import io.salesdesk.app.customers.Industries;
import io.salesdesk.app.studio.CustomFieldForm;
import io.salesdesk.app.studio.forms.LaidOutForm;
import io.salesdesk.app.studio.rules.RulesOnSave;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.dispatch.DispatchResult;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.form.FormLayout;

/**
 * 新建线索: what the caller or the web form said. Saving records the lead and dispatches it at
 * once; the page then says to whom it went and why. The region may stay empty: it is read from
 * the address, and the form shows what it will be.
 */
public final class LeadFormDialog extends FormDialog<DispatchResult> {

    private final AppContext context;
    private final TextField name = new TextField();
    private final TextField contact = new TextField();
    private final TextField phone = new TextField();
    private final TextField address = new TextField();
    private final Label addressRegion = new Label();
    private final RegionPicker region;
    private final ComboBox<String> industry = Pickers.optional(FXCollections.observableArrayList(Industries.CODES),
            code -> I18n.get("industry." + code), I18n.get("form.none"));
    private final ComboBox<Tier> tier = Pickers.optional(FXCollections.observableArrayList(Tier.values()),
            t -> I18n.get("tier.long." + t.name()), I18n.get("leads.form.tier.unknown"));
    private final ComboBox<String> source = new ComboBox<>();
    private final TextArea note = new TextArea();
    private final boolean preview;
    private CustomFieldForm custom;
    private LaidOutForm laidOut;

    private LeadFormDialog(AppContext context, FormLayout layout, boolean preview) {
        super(I18n.get(preview ? "studio.form.previewLeadTitle" : "leads.form.title"), "leadSave");
        this.context = context;
        this.preview = preview;
        this.region = new RegionPicker(context.regions(), "lead");
        name.setId("leadName");
        name.setPromptText(I18n.get("leads.form.name.prompt"));
        contact.setId("leadContact");
        phone.setId("leadPhone");
        phone.setPromptText(I18n.get("customerForm.phone.prompt"));
        address.setId("leadAddress");
        address.setPromptText(I18n.get("leads.form.address.prompt"));
        addressRegion.setId("leadAddressRegion");
        addressRegion.setGraphic(new FontIcon(Feather.MAP_PIN));
        addressRegion.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        industry.setId("leadIndustry");
        tier.setId("leadTier");
        source.setId("leadSource");
        source.setEditable(true);
        source.getItems().setAll(Arrays.stream(I18n.get("leads.form.sources").split(",")).map(String::strip).toList());
        source.setPromptText(I18n.get("leads.form.source.prompt"));
        note.setId("leadNote");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        for (ComboBox<?> box : List.of(industry, tier, source)) {
            box.setMaxWidth(Double.MAX_VALUE);
        }
        address.textProperty().addListener((obs, old, now) -> showAddressRegion());
        region.onChange(this::showAddressRegion);
        setForm(createForm(layout));
        if (preview) {
            // A preview checks what was filled in and saves nothing.
            ((Button) getDialogPane().lookupButton(saveType)).setText(I18n.get("studio.form.previewCheck"));
        }
        showAddressRegion();
        setOnShown(e -> name.requestFocus());
    }

    static LeadFormDialog create(AppContext context) {
        return new LeadFormDialog(context, context.formLayouts().layout(CustomEntity.LEAD), false);
    }

    /** The 新建线索 form as a layout not yet saved would draw it: it checks, and captures nothing. */
    public static LeadFormDialog preview(AppContext context, FormLayout layout) {
        return new LeadFormDialog(context, layout, true);
    }

    /** The form drawn from the lead form's layout (表单设计); the controls stay this dialog's own. */
    private Node createForm(FormLayout layout) {
        Map<String, FormField> fields = new LinkedHashMap<>();
        fields.put("name", field("name", I18n.get("leads.form.name"), name));
        fields.put("contactName", field("contactName", I18n.get("leads.form.contact"), contact));
        fields.put("phone", field("phone", I18n.get("leads.form.phone"), phone));
        fields.put("address", field("address", I18n.get("leads.form.address"), new VBox(4, address, addressRegion)));
        fields.put("regionCode", field("regionCode", I18n.get("leads.form.region"), region));
        fields.put("industry", field("industry", I18n.get("leads.form.industry"), industry));
        fields.put("tier", field("tier", I18n.get("leads.form.tier"), tier));
        fields.put("source", field("source", I18n.get("leads.form.source"), source));
        fields.put("note", field("note", I18n.get("leads.form.note"), note));
        custom = new CustomFieldForm(context, CustomEntity.LEAD, this::field);
        fields.putAll(custom.formFields());
        laidOut = new LaidOutForm(layout, context.currentUser().role(), true, fields, this::namedValues);
        custom.show(null);
        VBox form = (VBox) laidOut.node();
        form.setPrefWidth(620);
        return form;
    }

    /** The values in the form by their name on the layout, as its visibility conditions compare them. */
    private Map<String, String> namedValues() {
        LeadDraft d = draft();
        Map<String, String> values = new HashMap<>(custom.namedValues());
        values.put("name", d.name());
        values.put("contactName", d.contactName());
        values.put("phone", d.phone());
        values.put("address", d.address());
        values.put("regionCode", d.regionCode());
        values.put("industry", d.industry());
        values.put("tier", d.tier() == null ? null : d.tier().name());
        values.put("source", d.source());
        values.put("note", d.note());
        return values;
    }

    /** Under the address: the region dispatch will use, read from the address unless one is chosen. */
    private void showAddressRegion() {
        if (region.code() != null) {
            addressRegion.setText(I18n.get("leads.form.region.chosen", context.regions().fullName(region.code())));
            return;
        }
        String typed = text(address);
        addressRegion.setText(typed == null ? I18n.get("leads.form.region.fromAddress")
                : context.regions().resolveAddress(typed)
                        .map(r -> I18n.get("leads.form.region.resolved", context.regions().fullName(r.code())))
                        .orElse(I18n.get("leads.form.region.none")));
    }

    private LeadDraft draft() {
        String typedSource = source.getEditor().getText();
        return new LeadDraft(text(name), text(contact), text(phone), text(address), region.code(),
                industry.getValue(), tier.getValue(), typedSource == null || typedSource.isBlank() ? null
                        : typedSource.strip(), text(note));
    }

    @Override
    protected void save() {
        var actor = context.currentUser().asActor();
        LeadDraft draft = draft();
        var customValues = custom.values();
        List<FieldProblem> missing = laidOut.missing();
        BackgroundTask.wrap(() -> {
                    // Checked first: a refused custom value or an empty required field captures nothing,
                    // not a lead without it; every problem shows at once.
                    custom.check(null, customValues, missing);
                    if (preview) {
                        return null;
                    }
                    DispatchResult captured = context.dispatch().capture(actor, draft, ChangeReason.user());
                    custom.save(actor, captured.lead().id(), customValues);
                    return captured;
                })
                .onSuccess(captured -> {
                    if (captured == null) {
                        showGeneralProblem(I18n.get("studio.form.previewChecked"));
                    } else {
                        RulesOnSave.lead(context, captured.lead().id());
                        finish(captured);
                    }
                })
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
