package io.salesdesk.app.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.PagedList;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;

/**
 * The state of the customer list: search text, filters and sort, and the paged rows they select.
 * Every change of the query replaces {@link #itemsProperty()} with a new {@link PagedList}.
 */
public final class CustomerListViewModel {

    private final CustomerService customers;
    private final Supplier<Actor> viewer;
    private final Executor executor;

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<Tier> tier = new SimpleObjectProperty<>(this, "tier");
    private final ObjectProperty<Region> province = new SimpleObjectProperty<>(this, "province");
    private final ObjectProperty<Region> city = new SimpleObjectProperty<>(this, "city");
    private final ObjectProperty<User> owner = new SimpleObjectProperty<>(this, "owner");
    private final ObjectProperty<CustomerQuery.Sort> sort =
            new SimpleObjectProperty<>(this, "sort", CustomerQuery.Sort.NAME);
    private final BooleanProperty ascending = new SimpleBooleanProperty(this, "ascending", true);
    private final ObjectProperty<ObservableList<Customer>> items =
            new SimpleObjectProperty<>(this, "items", FXCollections.observableArrayList());
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty needsLocation = new SimpleBooleanProperty(this, "needsLocation");
    /** The customers the map cannot place (待定位), for the needs-location filter. */
    private Function<Actor, Set<UUID>> unlocated = actor -> Set.of();
    private long generation;

    public CustomerListViewModel(CustomerService customers, Supplier<Actor> viewer, Executor executor) {
        this.customers = customers;
        this.viewer = viewer;
        this.executor = executor;
    }

    /** The query the current filters describe. */
    public CustomerQuery query() {
        String prefix = null;
        if (city.get() != null) {
            prefix = city.get().code().substring(0, 4);
        } else if (province.get() != null) {
            prefix = province.get().code().substring(0, 2);
        }
        UUID ownerId = owner.get() == null ? null : owner.get().id();
        String text = searchText.get() == null ? "" : searchText.get().trim();
        return new CustomerQuery(text, tier.get(), prefix, ownerId, sort.get(), ascending.get());
    }

    /** Counts and re-reads the list for the current query; the first page is fetched at once. */
    public void reload() {
        reload(() -> { });
    }

    public void reload(Runnable then) {
        CustomerQuery query = query();
        Actor actor = viewer.get();
        long mine = ++generation;
        loading.set(true);
        boolean onlyUnlocated = needsLocation.get();
        BackgroundTask.wrap(() -> {
            if (onlyUnlocated) {
                return unlocatedRows(actor, query);
            }
            int total = customers.count(actor, query);
            PagedList<Customer> rows = new PagedList<>(total, (offset, limit) -> customers.page(actor, query, offset, limit));
            if (total > 0) {
                rows.get(0);
            }
            return rows;
        }).onFinished(() -> loading.set(false)).onSuccess(rows -> {
            if (mine != generation) {
                return; // a newer query has been started since; its result wins
            }
            count.set(rows.size());
            items.set(FXCollections.observableList(rows));
            then.run();
        }).executeWith(executor);
    }

    /**
     * 待定位: the customers of the query that have neither a region nor coordinates; few, so they
     * are read at once rather than page by page.
     */
    private PagedList<Customer> unlocatedRows(Actor actor, CustomerQuery query) {
        Set<UUID> ids = unlocated.apply(actor);
        List<Customer> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            customers.forEach(actor, query, c -> {
                if (ids.contains(c.id())) {
                    found.add(c);
                }
            });
        }
        return new PagedList<>(found.size(),
                (offset, limit) -> found.subList(Math.min(offset, found.size()), Math.min(offset + limit, found.size())));
    }

    /** Where the needs-location filter learns which customers the map cannot place. */
    public void setUnlocatedSource(Function<Actor, Set<UUID>> source) {
        this.unlocated = source;
    }

    /** Only customers that need a location (no region, no coordinates). */
    public BooleanProperty needsLocationProperty() {
        return needsLocation;
    }

    /** Sorts by a column; reloads only when the sort really changed. */
    public void sortBy(CustomerQuery.Sort newSort, boolean newAscending) {
        if (newSort == sort.get() && newAscending == ascending.get()) {
            return;
        }
        sort.set(newSort);
        ascending.set(newAscending);
        reload();
    }

    public void clearFilters() {
        tier.set(null);
        city.set(null);
        province.set(null);
        owner.set(null);
        needsLocation.set(false);
        searchText.set("");
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<Tier> tierProperty() {
        return tier;
    }

    public ObjectProperty<Region> provinceProperty() {
        return province;
    }

    public ObjectProperty<Region> cityProperty() {
        return city;
    }

    public ObjectProperty<User> ownerProperty() {
        return owner;
    }

    public ReadOnlyObjectProperty<CustomerQuery.Sort> sortProperty() {
        return sort;
    }

    public ReadOnlyObjectProperty<ObservableList<Customer>> itemsProperty() {
        return items;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }
}
