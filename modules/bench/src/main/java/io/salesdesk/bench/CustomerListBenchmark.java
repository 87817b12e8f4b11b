package io.salesdesk.bench;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDetail;
import io.salesdesk.crm.CustomerQuery;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the Customers page asks of the database on a 100,000-customer workspace: the first page
 * (count + 100 rows) and opening a customer with 500 follow-ups. Measured as the admin, who sees all 100,000, and as the Shanghai
 * regional manager, whose visibility filter applies.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CustomerListBenchmark {

    private static final int PAGE = 100;

    @Param({"admin", "manager"})
    public String viewer;

    private BenchWorkspace workspace;
    private Actor actor;

    @Setup(Level.Trial)
    public void open() {
        workspace = BenchWorkspace.open();
        actor = "admin".equals(viewer) ? workspace.admin.asActor() : workspace.manager.asActor();
    }

    @TearDown(Level.Trial)
    public void close() {
        workspace.close();
    }

    @Benchmark
    public List<Customer> firstPage() {
        CustomerQuery all = CustomerQuery.all();
        workspace.customers.count(actor, all);
        return workspace.customers.page(actor, all, 0, PAGE);
    }

    @Benchmark
    public CustomerDetail openCustomerWith500Activities() {
        return workspace.customers.open(workspace.admin.asActor(), workspace.busyCustomerId).orElseThrow();
    }
}
