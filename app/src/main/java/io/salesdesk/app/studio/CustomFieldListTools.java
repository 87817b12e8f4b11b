package io.salesdesk.app.studio;

import io.salesdesk.app.AppContext;
import io.salesdesk.db.custom.CustomValueFilter;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A list's custom-field tools for a list read whole and sorted in memory (leads, deals): the
 * columns chooser, the 按字段筛选 button with its row of active filters, the columns themselves,
 * and the values they show. The list reads {@link #filters()} into its query and calls
 * {@link #readValues} with the ids it read; the table sorts the columns itself.
 *
 * @param <T> the list's row type
 */
public final class CustomFieldListTools<T> {

    private final AppContext context;
    private final CustomEntity entity;
    private final TableView<T> table;
    private final ListColumnPreferences preferences;
    private final Map<UUID, Map<String, String>> values = new HashMap<>();
    private final CustomFieldColumns<T> columns;
    private final ObservableList<CustomFieldFilterDialog.Chosen> chosen = FXCollections.observableArrayList();
    private final CustomFilterBar filterBar;
    private final Runnable reload;
    /** Whether any custom column is shown; set on the FX thread, read by the list's background read. */
    private volatile boolean columnsShown;

    /**
     * @param list           the list's name in the user's column preferences, e.g. {@code leads}
     * @param reload called when a filter is added, changed or removed, or a column shown: the list
     *               reads again
     */
    public CustomFieldListTools(AppContext context, CustomEntity entity, TableView<T> table, Function<T, UUID> idOf,
                                String list, Runnable reload) {
        this.context = context;
        this.entity = entity;
        this.table = table;
        this.reload = reload;
        this.preferences = ListColumnPreferences.of(list, context.currentUser().id());
        List<CustomField> fields = fields();
        this.columns = new CustomFieldColumns<>(
                fields.stream().anyMatch(f -> f.type() == FieldType.USER) ? context.users().all() : List.of(),
                context.clock(), idOf, values);
        this.filterBar = new CustomFilterBar(context, entity, chosen);
        chosen.addListener((ListChangeListener<CustomFieldFilterDialog.Chosen>) c -> reload.run());
        showColumns(fields, preferences.shown());
    }

    /** The "columns" button of the list's header. */
    public MenuButton columnsButton() {
        return CustomFieldColumns.chooser(this::fields, preferences.shown(), keys -> {
            boolean added = showColumns(fields(), keys);
            preferences.setShown(keys);
            if (added) {
                reload.run(); // the rows read so far lack the new column's values
            }
        });
    }

    /** The 按字段筛选 button of the list's filters. */
    public Button filterButton() {
        return filterBar.button();
    }

    /** The row of active filters, shown under the list's filters while there are any. */
    public Node chips() {
        return filterBar.chips();
    }

    /** The active filters, for the list's query. */
    public List<CustomValueFilter> filters() {
        return chosen.stream().map(CustomFieldFilterDialog.Chosen::filter).toList();
    }

    /** Removes every filter (the list's "clear filters"), without reading the list for each. */
    public void clear() {
        if (!chosen.isEmpty()) {
            chosen.clear();
        }
    }

    /**
     * The values the shown columns need for these rows, read off the FX thread; nothing when no
     * custom column is shown.
     */
    public Map<UUID, Map<String, String>> readValues(Collection<UUID> ids) {
        return !columnsShown || ids.isEmpty() ? Map.of() : context.customFields().values(entity, ids);
    }

    /** Shows values read by {@link #readValues}, on the FX thread. */
    public void showValues(Map<UUID, Map<String, String>> read) {
        values.clear();
        values.putAll(read);
        table.refresh();
    }

    /** The fields in use, read afresh: they may have changed in Settings since the list opened. */
    private List<CustomField> fields() {
        return context.customFields().fields(entity);
    }

    /** The columns of these keys after the list's own, in the fields' order; whether any was added. */
    private boolean showColumns(List<CustomField> fields, Set<String> keys) {
        // Removed and added one by one: replacing them all would drop the table's sort.
        table.getColumns().removeIf(c -> c.getUserData() instanceof CustomField f && !keys.contains(f.key()));
        Set<String> present = new HashSet<>();
        for (TableColumn<T, ?> c : table.getColumns()) {
            if (c.getUserData() instanceof CustomField f) {
                present.add(f.key());
            }
        }
        columnsShown = fields.stream().anyMatch(f -> keys.contains(f.key()));
        boolean added = false;
        for (CustomField field : fields) {
            if (keys.contains(field.key()) && !present.contains(field.key())) {
                table.getColumns().add(columns.column(field));
                added = true;
            }
        }
        return added;
    }
}
