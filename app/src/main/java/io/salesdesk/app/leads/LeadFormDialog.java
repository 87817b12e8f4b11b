package io.salesdesk.app.leads;

import java.util.Arrays;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.app.common.RegionPicker;
import io.salesdesk.app.customers.Industries;
import io.salesdesk.app.studio.CustomFieldForm;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.dispatch.DispatchResult;
import io.salesdesk.studio.field.CustomEntity;

/**
 * 新建线索: what the caller or the web form said. Saving records the lead and dispatches it at
 * once; the page then says to whom it went and why. The region may stay empty: it is read from
 * the address, and the form shows what it will be.
 */
final class LeadFormDialog extends FormDialog<DispatchResult> {

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
    private CustomFieldForm custom;

    private LeadFormDialog(AppContext context) {
        super(I18n.get("leads.form.title"), "leadSave");
        this.context = context;
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
        setForm(createForm());
        showAddressRegion();
        setOnShown(e -> name.requestFocus());
    }

    static LeadFormDialog create(AppContext context) {
        return new LeadFormDialog(context);
    }

    private GridPane createForm() {
        GridPane grid = grid();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(field("name", I18n.get("leads.form.name"), name), 0, 0, 2, 1);
        grid.add(field("contactName", I18n.get("leads.form.contact"), contact), 0, 1);
        grid.add(field("phone", I18n.get("leads.form.phone"), phone), 1, 1);
        grid.add(field("address", I18n.get("leads.form.address"), new VBox(4, address, addressRegion)), 0, 2, 2, 1);
        grid.add(field("regionCode", I18n.get("leads.form.region"), region), 0, 3, 2, 1);
        grid.add(field("industry", I18n.get("leads.form.industry"), industry), 0, 4);
        grid.add(field("tier", I18n.get("leads.form.tier"), tier), 1, 4);
        grid.add(field("source", I18n.get("leads.form.source"), source), 0, 5);
        grid.add(field("note", I18n.get("leads.form.note"), note), 0, 6, 2, 1);
        // The company's own lead fields (自定义字段) after the standard ones.
        custom = new CustomFieldForm(context, CustomEntity.LEAD, this::field);
        custom.layOut(grid, 7);
        custom.show(null);
        grid.setPrefWidth(620);
        return grid;
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
        BackgroundTask.wrap(() -> {
                    // Checked first: a refused custom value captures nothing, not a lead without it.
                    custom.check(null, customValues);
                    DispatchResult captured = context.dispatch().capture(actor, draft, ChangeReason.user());
                    custom.save(actor, captured.lead().id(), customValues);
                    return captured;
                })
                .onSuccess(this::finish)
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
