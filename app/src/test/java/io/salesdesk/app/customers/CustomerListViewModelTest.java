package io.salesdesk.app.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.Tier;

class CustomerListViewModelTest {

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static Actor manager;

    private CustomerListViewModel model;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        manager = context.currentUser().asActor();
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @BeforeEach
    void newModel() {
        model = new CustomerListViewModel(context.customers(), () -> manager, context.executor());
    }

    @Test
    void reloadShowsEveryVisibleCustomerWithoutLoadingThemAll() {
        model.reload();

        int expected = context.customers().count(manager, CustomerQuery.all());
        assertThat(expected).isPositive();
        assertThat(model.countProperty().get()).isEqualTo(expected);
        assertThat(model.itemsProperty().get()).hasSize(expected);
        assertThat(model.itemsProperty().get().get(0)).isNotNull();
    }

    @Test
    void searchTextNarrowsTheList() {
        Customer wanted = context.customers().page(manager, CustomerQuery.all(), 20, 1).get(0);

        model.searchTextProperty().set(wanted.name());
        model.reload();

        List<Customer> rows = model.itemsProperty().get();
        assertThat(rows).isNotEmpty().contains(wanted);
        assertThat(rows).allSatisfy(c -> assertThat(c.name()).contains(wanted.name()));
    }

    @Test
    void tierFilterKeepsOnlyThatTier() {
        model.tierProperty().set(Tier.A);
        model.reload();

        List<Customer> rows = model.itemsProperty().get();
        assertThat(rows).isNotEmpty().allSatisfy(c -> assertThat(c.tier()).isEqualTo(Tier.A));
    }

    @Test
    void needsLocationFilterKeepsOnlyTheCustomersTheMapCannotPlace() {
        List<Customer> two = context.customers().page(manager, CustomerQuery.all(), 5, 2);
        model.setUnlocatedSource(actor -> java.util.Set.of(two.get(0).id(), two.get(1).id()));

        model.needsLocationProperty().set(true);
        model.reload();

        assertThat(model.itemsProperty().get()).containsExactlyInAnyOrderElementsOf(two);
        assertThat(model.countProperty().get()).isEqualTo(2);
        model.clearFilters();
        assertThat(model.needsLocationProperty().get()).isFalse();
    }

    @Test
    void needsLocationFilterAgreesWithTheMapsList() {
        model.setUnlocatedSource(actor -> context.customerLocations().needsLocation(actor).stream()
                .map(io.salesdesk.crm.CustomerLocation::id).collect(java.util.stream.Collectors.toSet()));

        model.needsLocationProperty().set(true);
        model.reload();

        assertThat(model.itemsProperty().get()).extracting(Customer::id).containsExactlyInAnyOrderElementsOf(
                context.customerLocations().needsLocation(manager).stream().map(io.salesdesk.crm.CustomerLocation::id)
                        .toList());
    }

    @Test
    void sortingByNameDescendingReversesTheFirstRow() {
        model.reload();
        Customer firstAscending = model.itemsProperty().get().get(0);

        model.sortBy(CustomerQuery.Sort.NAME, false);

        List<Customer> rows = model.itemsProperty().get();
        assertThat(rows.get(rows.size() - 1)).isEqualTo(firstAscending);
        assertThat(model.query().ascending()).isFalse();
    }

    @Test
    void queryCarriesTheFilters() {
        model.searchTextProperty().set("  瑞康 ");
        model.tierProperty().set(Tier.B);

        CustomerQuery query = model.query();

        assertThat(query.text()).isEqualTo("瑞康");
        assertThat(query.tier()).isEqualTo(Tier.B);
        assertThat(query.regionPrefix()).isNull();
    }
}
