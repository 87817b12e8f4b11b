package io.salesdesk.app.studio;

import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.User;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A list's custom-field columns: the column of each field, showing the values a page read, and the
 * chooser where the user ticks the fields they want as columns.
 *
 * @param <T> the list's row type
 */
public final class CustomFieldColumns<T> {

    private final List<User> users;
    private final Clock clock;
    private final Function<T, UUID> idOf;
    private final Map<UUID, Map<String, String>> values;

    /**
     * @param values the values of the rows read so far, by record id and field key; the list fills it
     *               as it reads pages
     */
    public CustomFieldColumns(List<User> users, Clock clock, Function<T, UUID> idOf,
                              Map<UUID, Map<String, String>> values) {
        this.users = users;
        this.clock = clock;
        this.idOf = idOf;
        this.values = values;
    }

    /** A sortable column of a field's values; its user data is the field. */
    public TableColumn<T, String> column(CustomField field) {
        TableColumn<T, String> column = new TableColumn<>(field.label());
        column.setId("customColumn-" + field.key());
        column.setUserData(field);
        column.setPrefWidth(field.type() == FieldType.LONG_TEXT ? 160 : 90);
        column.setMinWidth(60);
        column.setCellValueFactory(f -> {
            T row = f.getValue();
            Map<String, String> rowValues = row == null ? null : values.get(idOf.apply(row));
            String value = rowValues == null ? null : rowValues.get(field.key());
            return new ReadOnlyObjectWrapper<>(CustomFieldEditors.display(field, value, users, clock)
                    .replace('\n', ' '));
        });
        if (field.type() == FieldType.NUMBER || field.type() == FieldType.MONEY) {
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
            // Lists sorted in memory: numbers by value, not 9 after 10 (they show as plain decimals).
            column.setComparator(Comparator.nullsLast(Comparator.comparing(CustomFieldColumns::number,
                    Comparator.nullsLast(Comparator.naturalOrder()))));
        }
        return column;
    }

    private static BigDecimal number(String display) {
        try {
            return display == null || display.isBlank() ? null : new BigDecimal(display);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The "columns" button: one tick per field, in the fields' order.
     *
     * @param fields  reads the fields in use when the menu opens (they may have changed in Settings)
     * @param shown   the keys of the fields shown now
     * @param changed called with the keys to show after each tick
     */
    public static MenuButton chooser(java.util.function.Supplier<List<CustomField>> fields, Set<String> shown,
                                     Consumer<Set<String>> changed) {
        MenuButton button = new MenuButton(I18n.get("customColumns.button"), new FontIcon(Feather.COLUMNS));
        button.setId("customColumns");
        button.setAlignment(Pos.CENTER_LEFT);
        Set<String> ticked = new LinkedHashSet<>(shown);
        button.setOnShowing(e -> {
            button.getItems().clear();
            List<CustomField> inUse = fields.get();
            MenuItem title = new MenuItem(I18n.get("customColumns.title"));
            title.setDisable(true);
            button.getItems().addAll(title, new SeparatorMenuItem());
            if (inUse.isEmpty()) {
                MenuItem none = new MenuItem(I18n.get("customColumns.none"));
                none.setDisable(true);
                button.getItems().add(none);
            }
            for (CustomField field : inUse) {
                CheckMenuItem item = new CheckMenuItem(field.label());
                item.setId("customColumnTick-" + field.key());
                item.setSelected(ticked.contains(field.key()));
                item.selectedProperty().addListener((o, was, now) -> {
                    if (now) {
                        ticked.add(field.key());
                    } else {
                        ticked.remove(field.key());
                    }
                    changed.accept(Set.copyOf(ticked));
                });
                button.getItems().add(item);
            }
        });
        // An empty menu does not open: give it one item until the first showing fills it.
        button.getItems().add(new MenuItem(I18n.get("customColumns.title")));
        return button;
    }
}
