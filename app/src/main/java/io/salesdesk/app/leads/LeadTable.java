package io.salesdesk.app.leads;

import java.util.List;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.lead.Lead;

/** The lead list's table: who, where from, its status and owner, and how fast it was answered. */
final class LeadTable extends TableView<Lead> {

    LeadTable(AppContext context) {
        setId("leadTable");
        getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        var clock = context.clock();
        getColumns().setAll(List.of(
                nameColumn(),
                column("leads.col.contact", l -> nz(l.contactName()), 60),
                column("leads.col.phone", l -> nz(l.phone()), 108),
                column("leads.col.region", l -> l.regionCode() == null ? I18n.get("leads.region.none")
                        : context.regions().fullName(l.regionCode()), 126),
                column("leads.col.source", l -> nz(l.source()), 72),
                statusColumn(),
                column("leads.col.owner", l -> l.ownerName() == null ? I18n.get("leads.owner.none") : l.ownerName(), 60),
                column("leads.col.assignedAt", l -> LeadTexts.when(l.assignedAt(), clock), 92),
                column("leads.col.response", l -> LeadTexts.minutes(l.responseMinutes()), 80)));
        setPlaceholder(emptyState());
    }

    private static TableColumn<Lead, String> column(String key, Function<Lead, String> value, double width) {
        TableColumn<Lead, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue() == null ? "" : value.apply(f.getValue())));
        // Short values keep their width; the name takes what is left.
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setSortable(true);
        return column;
    }

    /** The name, with the dispatch flag beside it so a manager sees what to look at. */
    private static TableColumn<Lead, Lead> nameColumn() {
        TableColumn<Lead, Lead> column = new TableColumn<>(I18n.get("leads.col.name"));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        column.setPrefWidth(180);
        column.setMinWidth(130);
        column.setComparator((a, b) -> a.name().compareTo(b.name()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Lead lead, boolean empty) {
                super.updateItem(lead, empty);
                setText(null);
                if (empty || lead == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(lead.name());
                HBox box = new HBox(6, name);
                box.setAlignment(Pos.CENTER_LEFT);
                if (lead.assignmentFlag() != null && lead.assignmentFlag() != Lead.AssignmentFlag.OVERRIDE) {
                    FontIcon flag = new FontIcon(Feather.ALERT_TRIANGLE);
                    flag.getStyleClass().add("lead-flag-icon");
                    Label icon = new Label(null, flag);
                    icon.setTooltip(new Tooltip(LeadTexts.flag(lead.assignmentFlag())));
                    box.getChildren().add(icon);
                }
                setGraphic(box);
            }
        });
        return column;
    }

    private static TableColumn<Lead, Lead> statusColumn() {
        TableColumn<Lead, Lead> column = new TableColumn<>(I18n.get("leads.col.status"));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        column.setPrefWidth(70);
        column.setMinWidth(70);
        column.setComparator((a, b) -> a.status().compareTo(b.status()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Lead lead, boolean empty) {
                super.updateItem(lead, empty);
                setText(null);
                setGraphic(empty || lead == null ? null : LeadChips.status(lead.status()));
            }
        });
        return column;
    }

    private static VBox emptyState() {
        FontIcon icon = new FontIcon(Feather.INBOX);
        icon.getStyleClass().add("empty-icon");
        Label text = new Label(I18n.get("leads.empty"));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, icon, text);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
