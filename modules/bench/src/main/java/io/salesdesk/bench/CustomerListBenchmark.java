package io.salesdesk.bench;

import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDetail;
import io.salesdesk.crm.CustomerQuery;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * What the Customers page asks of the database on a 100,000-customer workspace: the first page
 * (count + 100 rows) and opening a customer with 500 follow-ups.
 */
public class CustomerListBenchmark extends WorkspaceBenchmark {

    private boolean ascending;

    /**
     * Count and first page of the whole list. The sort direction alternates so that every call
     * filters and orders all rows afresh rather than reading the previous call's result.
     */
    @Benchmark
    public List<Customer> firstPage() {
        ascending = !ascending;
        CustomerQuery all = CustomerQuery.all().sortedBy(CustomerQuery.Sort.NAME, ascending);
        workspace.customers.count(actor, all);
        return workspace.customers.page(actor, all, 0, PAGE);
    }

    @Benchmark
    public CustomerDetail openCustomerWith500Activities() {
        return workspace.customers.open(workspace.admin.asActor(), workspace.busyCustomerId).orElseThrow();
    }
}
