package io.salesdesk.bench;

import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * One search keystroke on the Customers page of a 100,000-customer workspace: count and first
 * page of the customers whose name, phone or credit code contain the typed text.
 */
public class CustomerSearchBenchmark extends WorkspaceBenchmark {

    /** Texts a user types: a place name, one common character, an area code, a credit-code prefix. */
    @Param({"苏州", "康", "0512", "91320"})
    public String search;

    private boolean withProvinceFilter;

    /**
     * Count and first page for the typed text. A region filter that every demo customer passes
     * (East China, codes 3…) alternates on and off, so no call reads the previous call's result.
     */
    @Benchmark
    public List<Customer> searchKeystroke() {
        withProvinceFilter = !withProvinceFilter;
        CustomerQuery typed = CustomerQuery.all().withText(search).withRegionPrefix(withProvinceFilter ? "3" : null);
        workspace.customers.count(actor, typed);
        return workspace.customers.page(actor, typed, 0, PAGE);
    }
}
