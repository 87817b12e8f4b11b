package io.salesdesk.app.studio;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.User;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A list's 按字段筛选: the button that asks for a filter on one of the entity's custom fields, and
 * the row of active filters under the list's filters (a click edits one, its cross removes it),
 * shown while there are any. One filter per field: a new one on the same field replaces the old.
 */
public final class CustomFilterBar {

    private final AppContext context;
    private final CustomEntity entity;
    private final ObservableList<CustomFieldFilterDialog.Chosen> chosen;
    private final HBox chips = new HBox(6);

    /**
     * @param chosen the list's active filters; the list reads again when they change
     */
    public CustomFilterBar(AppContext context, CustomEntity entity, ObservableList<CustomFieldFilterDialog.Chosen> chosen) {
        this.context = context;
        this.entity = entity;
        this.chosen = chosen;
        chips.setId("customFilterChips");
        chips.setAlignment(Pos.CENTER_LEFT);
        chips.setPadding(new Insets(8, 0, 0, 0));
        chips.setVisible(false);
        chips.setManaged(false);
        chosen.addListener((ListChangeListener<CustomFieldFilterDialog.Chosen>) c -> {
            chips.getChildren().setAll(chosen.stream().map(this::chip).toList());
            chips.setVisible(!chosen.isEmpty());
            chips.setManaged(!chosen.isEmpty());
        });
    }

    /** The 按字段筛选 button of the list's filters. */
    public Button button() {
        Button byField = new Button(I18n.get("customFilter.button"), new FontIcon(Feather.FILTER));
        byField.setId("customFilterButton");
        byField.setTooltip(new Tooltip(I18n.get("customFilter.tooltip")));
        byField.setOnAction(e -> add(null));
        byField.setMinWidth(Region.USE_PREF_SIZE);
        return byField;
    }

    /** The row of active filters. */
    public Node chips() {
        return chips;
    }

    private void add(CustomField on) {
        List<CustomField> fields = context.customFields().fields(entity);
        if (fields.isEmpty()) {
            Alert none = new Alert(Alert.AlertType.INFORMATION, I18n.get("customFilter.noFields"));
            none.setHeaderText(null);
            none.showAndWait();
            return;
        }
        List<User> people = fields.stream().anyMatch(f -> f.type() == FieldType.USER)
                ? context.users().visibleOwners(context.currentUser().asActor()) : List.of();
        CustomFieldFilterDialog dialog = new CustomFieldFilterDialog(fields, people, context.clock());
        if (on != null) {
            dialog.on(on);
        }
        dialog.showAndWait().ifPresent(picked -> {
            chosen.removeIf(c -> c.field().id().equals(picked.field().id()));
            chosen.add(picked);
        });
    }

    private Node chip(CustomFieldFilterDialog.Chosen filter) {
        Button text = new Button(filter.description());
        text.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT, Styles.BUTTON_OUTLINED);
        text.setOnAction(e -> add(filter.field()));
        Button remove = new Button(null, new FontIcon(Feather.X));
        remove.setId("removeCustomFilter-" + filter.field().key());
        remove.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_ICON, Styles.FLAT);
        remove.setTooltip(new Tooltip(I18n.get("customFilter.remove")));
        remove.setOnAction(e -> chosen.remove(filter));
        HBox chip = new HBox(0, text, remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("custom-filter-chip");
        return chip;
    }
}
