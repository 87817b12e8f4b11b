package io.salesdesk.app.leads;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.studio.CustomFieldEditors;
import io.salesdesk.crm.User;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;

/**
 * The selected lead: who is asking, and first of all why it went to whom (the dispatch
 * explanation, with what a manager should look at), then what can be done with it next.
 */
final class LeadDetailPane extends StackPane {

    private final AppContext context;
    private final LeadActions actions;
    private final VBox content = new VBox(14);
    private Lead current;

    LeadDetailPane(AppContext context, LeadActions actions) {
        this.context = context;
        this.actions = actions;
        setId("leadDetail");
        getStyleClass().add("lead-detail");
        setMinWidth(320);
        content.setPadding(new Insets(16));
        showEmpty();
    }

    /** Shows a lead, or the hint to pick one when {@code lead} is null. */
    void show(Lead lead) {
        current = lead;
        if (lead == null) {
            showEmpty();
            return;
        }
        content.getChildren().setAll(title(lead), dispatchCard(lead), actionButtons(lead), facts(lead));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        getChildren().setAll(scroll);
    }

    Lead current() {
        return current;
    }

    private void showEmpty() {
        FontIcon icon = new FontIcon(Feather.MOUSE_POINTER);
        icon.getStyleClass().add("empty-icon");
        Label text = new Label(I18n.get("leads.detail.none"));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox empty = new VBox(8, icon, text);
        empty.setAlignment(Pos.CENTER);
        getChildren().setAll(empty);
    }

    private Node title(Lead lead) {
        Label name = new Label(lead.name());
        name.setId("leadDetailName");
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        Label status = LeadChips.status(lead.status());
        status.setId("leadDetailStatus");
        status.setMinWidth(Region.USE_PREF_SIZE);
        HBox title = new HBox(10, name, status);
        title.setAlignment(Pos.CENTER_LEFT);
        return title;
    }

    /** Why it went to whom, as dispatch (or the manager who changed it) wrote it. */
    private Node dispatchCard(Lead lead) {
        Label heading = new Label(I18n.get("leads.detail.dispatch"), new FontIcon(Feather.SHUFFLE));
        heading.getStyleClass().addAll(Styles.TEXT_BOLD, "dispatch-heading");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, heading, spacer);
        top.setAlignment(Pos.CENTER_LEFT);
        if (lead.assignmentFlag() != null) {
            Label flag = LeadChips.flag(lead.assignmentFlag());
            flag.setId("leadFlag");
            top.getChildren().add(flag);
        }
        String reasonText = lead.assignmentReason() != null ? lead.assignmentReason()
                : I18n.get(lead.ownerId() == null ? "leads.detail.notDispatched" : "leads.detail.noReason");
        Label reason = new Label(reasonText);
        reason.setId("leadReason");
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.getStyleClass().add("dispatch-reason");
        String who = lead.ownerName() == null ? I18n.get("leads.detail.unassigned")
                : lead.assignedAt() == null ? I18n.get("leads.detail.owner", lead.ownerName())
                : I18n.get("leads.detail.ownerSince", lead.ownerName(), Formats.dateTime(lead.assignedAt(), zone()));
        Label owner = new Label(who, new FontIcon(Feather.USER));
        owner.setId("leadOwner");
        owner.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox card = new VBox(8, top, reason, owner);
        card.getStyleClass().add("dispatch-card");
        if (lead.assignmentFlag() != null && lead.assignmentFlag() != Lead.AssignmentFlag.OVERRIDE) {
            card.getStyleClass().add("dispatch-card-flagged");
        }
        return card;
    }

    private Node actionButtons(Lead lead) {
        FlowPane buttons = new FlowPane(6, 6);
        LeadStatus status = lead.status();
        if (status == LeadStatus.ASSIGNED) {
            buttons.getChildren().add(button("leadContacted", "leads.action.contacted", Feather.PHONE_CALL, true,
                    () -> actions.markContacted(lead)));
        }
        if (status == LeadStatus.CONTACTED) {
            buttons.getChildren().add(button("leadQualify", "leads.action.qualify", Feather.CHECK, true,
                    () -> actions.qualify(lead)));
        }
        if (status.next().contains(LeadStatus.CONVERTED)) {
            buttons.getChildren().add(button("leadConvert", "leads.action.convert", Feather.USER_CHECK,
                    status == LeadStatus.QUALIFIED, () -> actions.convert(lead)));
        }
        if (status == LeadStatus.CONVERTED && lead.customerId() != null) {
            buttons.getChildren().add(button("leadOpenCustomer", "leads.openCustomer", Feather.EXTERNAL_LINK, false,
                    () -> actions.openCustomer(lead)));
        }
        if (status.open() && actions.mayReassign()) {
            buttons.getChildren().add(button("leadReassign", "leads.action.reassign", Feather.REPEAT, false,
                    () -> actions.reassign(lead)));
        }
        if (status.next().contains(LeadStatus.DISQUALIFIED)) {
            Button disqualify = button("leadDisqualify", "leads.action.disqualify", Feather.X_CIRCLE, false,
                    () -> actions.disqualify(lead));
            disqualify.getStyleClass().add(Styles.DANGER);
            buttons.getChildren().add(disqualify);
        }
        return buttons;
    }

    private static Button button(String id, String key, Feather icon, boolean primary, Runnable action) {
        Button button = new Button(I18n.get(key), new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().add(Styles.SMALL);
        if (primary) {
            button.getStyleClass().add(Styles.ACCENT);
        }
        button.setOnAction(e -> action.run());
        return button;
    }

    private Node facts(Lead lead) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        row = fact(grid, row, Feather.USER, "leads.detail.contact", lead.contactName());
        row = fact(grid, row, Feather.PHONE, "leads.detail.phone", lead.phone());
        row = fact(grid, row, Feather.HOME, "leads.detail.address", lead.address());
        row = fact(grid, row, Feather.MAP_PIN, "leads.detail.region",
                lead.regionCode() == null ? I18n.get("leads.region.none") : context.regions().fullName(lead.regionCode()));
        row = fact(grid, row, Feather.BRIEFCASE, "leads.detail.industry",
                lead.industry() == null ? null : I18n.get("industry." + lead.industry()));
        row = fact(grid, row, Feather.STAR, "leads.detail.tier",
                lead.tier() == null ? null : I18n.get("tier.long." + lead.tier().name()));
        row = fact(grid, row, Feather.LOG_IN, "leads.detail.source", lead.source());
        row = fact(grid, row, Feather.CLOCK, "leads.detail.created", Formats.dateTime(lead.createdAt(), zone()));
        if (lead.firstResponseAt() != null) {
            row = fact(grid, row, Feather.PHONE_CALL, "leads.detail.firstResponse",
                    I18n.get("leads.detail.firstResponseAfter", Formats.dateTime(lead.firstResponseAt(), zone()),
                            LeadTexts.minutes(lead.responseMinutes())));
        }
        if (lead.status() == LeadStatus.CONVERTED) {
            row = fact(grid, row, Feather.USER_CHECK, "leads.detail.converted", I18n.get(lead.opportunityId() == null
                    ? "leads.detail.convertedCustomer" : "leads.detail.convertedWithDeal",
                    Formats.dateTime(lead.closedAt(), zone())));
        }
        row = fact(grid, row, Feather.X_CIRCLE, "leads.detail.disqualifyReason", lead.disqualifyReason());
        int next = fact(grid, row, Feather.FILE_TEXT, "leads.detail.note", lead.note());
        showCustomFacts(grid, next, lead);
        return grid;
    }

    /** The company's own lead fields (自定义字段) with a value, read off the FX thread, after the others. */
    private void showCustomFacts(GridPane grid, int row, Lead lead) {
        BackgroundTask.wrap(() -> {
                    List<CustomField> fields = context.customFields().fields(CustomEntity.LEAD);
                    Map<String, String> values = fields.isEmpty() ? Map.of()
                            : context.customFields().values(CustomEntity.LEAD, lead.id());
                    List<User> people = fields.stream().anyMatch(f -> f.type() == FieldType.USER)
                            ? context.users().all() : List.of();
                    List<String[]> shown = new java.util.ArrayList<>();
                    for (CustomField field : fields) {
                        shown.add(new String[] {field.label(),
                                CustomFieldEditors.display(field, values.get(field.key()), people, context.clock())});
                    }
                    return shown;
                })
                .onSuccess(shown -> {
                    if (current != lead) {
                        return; // another lead is shown by now
                    }
                    int at = row;
                    for (String[] fact : shown) {
                        at = labelledFact(grid, at, Feather.TAG, fact[0], fact[1]);
                    }
                })
                .executeWith(context.executor());
    }

    private static int fact(GridPane grid, int row, Feather icon, String key, String value) {
        return labelledFact(grid, row, icon, I18n.get(key), value);
    }

    private static int labelledFact(GridPane grid, int row, Feather icon, String labelText, String value) {
        if (value == null || value.isBlank()) {
            return row;
        }
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("fact-icon");
        Label label = new Label(labelText, glyph);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(value);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        grid.addRow(row, label, text);
        GridPane.setValignment(label, VPos.TOP);
        return row + 1;
    }

    private ZoneId zone() {
        return context.clock().getZone();
    }
}
