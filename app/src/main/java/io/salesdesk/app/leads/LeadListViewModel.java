package io.salesdesk.app.leads;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
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

    LeadListViewModel(LeadService leads, Supplier<Actor> viewer, Executor executor) {
        this.leads = leads;
        this.viewer = viewer;
        this.executor = executor;
    }

    /** The filter the search text and status describe. */
    LeadFilter filter() {
        String text = searchText.get() == null ? "" : searchText.get().strip();
        return new LeadFilter(status.get() == null ? null : Set.of(status.get()), null, false,
                text.isEmpty() ? null : text);
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
        BackgroundTask.wrap(() -> new Rows(leads.list(actor, filter), leads.count(actor, filter)))
                .onFinished(() -> loading.set(mine != generation))
                .onSuccess(rows -> {
                    if (mine != generation) {
                        return; // a newer query has started since; its result wins
                    }
                    items.setAll(rows.leads());
                    count.set(rows.total());
                    then.run();
                })
                .executeWith(executor);
    }

    void clearFilters() {
        status.set(null);
        searchText.set("");
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

    private record Rows(List<Lead> leads, int total) {
    }
}
