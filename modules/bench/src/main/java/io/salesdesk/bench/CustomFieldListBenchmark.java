package io.salesdesk.bench;

import io.salesdesk.crm.Customer;
import io.salesdesk.db.custom.CustomValueFilter.Operator;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.studio.field.CustomFieldCriteria;
import java.time.Clock;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The Customers page of a 100,000-customer workspace filtered and sorted by custom fields (issue
 * #10): count and first page, as the list asks when a filter or sort changes. The sort direction
 * alternates so no call reads the previous call's result; on the embedded database the custom
 * values read for a filter or sort are reused while nothing changed, except in
 * {@code firstPageFilteredByANewNumberRange}. {@code …InSql} runs the repository's SQL
 * on the embedded database, the path a shared database takes.
 */
public class CustomFieldListBenchmark extends WorkspaceBenchmark {

    private CustomFieldWorkspace fields;
    private RegionService regions;
    private boolean ascending;
    private int from = 500;

    /** Opens the workspace, then adds the fields (JMH would run a subclass's own setup first). */
    @Override
    public void open() {
        super.open();
        fields = CustomFieldWorkspace.open(workspace);
        regions = new RegionService(workspace.db);
    }

    /** 床位数 from 500 to 800: about one customer in seven. */
    @Benchmark
    public List<Customer> firstPageFilteredByNumberRange() {
        return firstPage(bedRange());
    }

    /**
     * A range that changes with every call (500 to 800, then 501 to 800, …), so nothing read for an
     * earlier filter helps: what the first application of a filter costs.
     */
    @Benchmark
    public List<Customer> firstPageFilteredByANewNumberRange() {
        ascending = !ascending;
        from = from >= 700 ? 500 : from + 1;
        return firstPage(CustomerQuery.all().sortedBy(CustomerQuery.Sort.NAME, ascending).withCustomFilters(List.of(
                CustomFieldCriteria.filter(fields.beds, Operator.BETWEEN, List.of(Integer.toString(from), "800")))));
    }

    /** 医院等级 is 三甲: one customer in four. */
    @Benchmark
    public List<Customer> firstPageFilteredByChoice() {
        ascending = !ascending;
        return firstPage(CustomerQuery.all().sortedBy(CustomerQuery.Sort.NAME, ascending).withCustomFilters(List.of(
                CustomFieldCriteria.filter(fields.level, Operator.ONE_OF, List.of("三甲")))));
    }

    /** Every customer, sorted by 床位数. */
    @Benchmark
    public List<Customer> firstPageSortedByNumber() {
        ascending = !ascending;
        return firstPage(CustomerQuery.all().sortedBy(CustomFieldCriteria.sort(fields.beds), ascending));
    }

    /** The number range in the repository's SQL (what PostgreSQL and the HSQLDB server run). */
    @Benchmark
    public List<Customer> firstPageFilteredByNumberRangeInSql() {
        CustomerQuery query = bedRange();
        return workspace.db.transactionResult(cfg -> {
            CustomerRepository repository = CustomerRepository.using(cfg, Clock.systemUTC(), regions::fullName);
            repository.count(actor, query);
            return repository.page(actor, query, 0, PAGE);
        });
    }

    private CustomerQuery bedRange() {
        ascending = !ascending;
        return CustomerQuery.all().sortedBy(CustomerQuery.Sort.NAME, ascending).withCustomFilters(List.of(
                CustomFieldCriteria.filter(fields.beds, Operator.BETWEEN, List.of("500", "800"))));
    }

    private List<Customer> firstPage(CustomerQuery query) {
        workspace.customers.count(actor, query);
        return workspace.customers.page(actor, query, 0, PAGE);
    }
}
