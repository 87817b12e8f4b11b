package io.salesdesk.app.leads;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.core.Actor;
import io.salesdesk.db.custom.CustomValueFilter;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadFilter;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.crm.lead.LeadStatus;

/**
 * The state of the lead list: the search text and status filter, and the leads they select,
 * newest first. The list holds at most {@link LeadService#LIST_LIMIT} leads; the count is all of them.
 */
final class LeadListViewModel {

    private final LeadService leads;
    private final Supplier<Actor> viewer;
    private final Executor executor;

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<LeadStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ObservableList<Lead> items = FXCollections.observableArrayList();
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private long generation;
    private CustomFields custom = new CustomFields(List::of, ids -> Map.of(), values -> { }, () -> { });

    /**
     * The list's custom-field filters, the values its custom columns show, and how to clear them.
     *
     * @param filters the active filters, read on the FX thread with the others
     * @param read    the values of the listed leads, read off the FX thread
     * @param show    shows values read, on the FX thread, before the rows
     * @param clear   removes the filters (without reading the list)
     */
    record CustomFields(Supplier<List<CustomValueFilter>> filters, Function<List<UUID>, Map<UUID, Map<String, String>>> read,
                        Consumer<Map<UUID, Map<String, String>>> show, Runnable clear) {
    }

    LeadListViewModel(LeadService leads, Supplier<Actor> viewer, Executor executor) {
        this.leads = leads;
        this.viewer = viewer;
        this.executor = executor;
    }

    void setCustomFields(CustomFields custom) {
        this.custom = custom;
    }

    /** The filter the search text, status and custom-field filters describe. */
    LeadFilter filter() {
        String text = searchText.get() == null ? "" : searchText.get().strip();
        return new LeadFilter(status.get() == null ? null : Set.of(status.get()), null, false,
                text.isEmpty() ? null : text, custom.filters().get());
    }

    void reload() {
        reload(() -> { });
    }

    /** Reads the list again off the FX thread; {@code then} runs once the rows are in. */
    void reload(Runnable then) {
        LeadFilter filter = filter();
        Actor actor = viewer.get();
        long mine = ++generation;
        loading.set(true);
        CustomFields fields = custom;
        BackgroundTask.wrap(() -> {
                    List<Lead> listed = leads.list(actor, filter);
                    return new Rows(listed, leads.count(actor, filter),
                            fields.read().apply(listed.stream().map(Lead::id).toList()));
                })
                .onFinished(() -> loading.set(mine != generation))
                .onSuccess(rows -> {
                    if (mine != generation) {
                        return; // a newer query has started since; its result wins
                    }
                    fields.show().accept(rows.customValues());
                    items.setAll(rows.leads());
                    count.set(rows.total());
                    then.run();
                })
                .executeWith(executor);
    }

    void clearFilters() {
        status.set(null);
        searchText.set("");
        custom.clear().run();
    }

    StringProperty searchTextProperty() {
        return searchText;
    }

    ObjectProperty<LeadStatus> statusProperty() {
        return status;
    }

    ObservableList<Lead> items() {
        return items;
    }

    ReadOnlyIntegerProperty countProperty() {
        return count;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    private record Rows(List<Lead> leads, int total, Map<UUID, Map<String, String>> customValues) {
    }
}
