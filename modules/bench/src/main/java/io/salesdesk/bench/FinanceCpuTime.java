package io.salesdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FinanceBenchmark}'s figures on the embedded database when the machine is shared: HSQLDB
 * runs on the calling thread, so that thread's CPU time is the cost of a call without the waiting
 * for a CPU that a busy machine adds to wall-clock figures. Logs the median CPU and wall time of
 * each call after two to warm up. Meaningless on PostgreSQL, whose work is in the server.
 */
public final class FinanceCpuTime {

    private static final Logger LOG = LoggerFactory.getLogger(FinanceCpuTime.class);
    private static final int RUNS = 7;

    private FinanceCpuTime() {
    }

    public static void main(String[] args) {
        FinanceBenchmark bench = new FinanceBenchmark();
        bench.open();
        try {
            measure("ageingTotal", bench::ageingTotal);
            measure("ageingByCustomer", bench::ageingByCustomer);
            measure("cacPerCustomer (500 most costly)", bench::cacPerCustomer);
            measure("cacPerCustomerAll", bench::cacPerCustomerAll);
        } finally {
            bench.close();
        }
    }

    private static void measure(String name, Supplier<Object> call) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[RUNS];
        long[] wall = new long[RUNS];
        for (int i = 0; i < RUNS + 2; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            call.get();
            if (i >= 2) {
                cpu[i - 2] = threads.getCurrentThreadCpuTime() - c;
                wall[i - 2] = System.nanoTime() - w;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        LOG.warn("{}: median CPU {} ms, median wall {} ms", name, cpu[RUNS / 2] / 1_000_000,
                wall[RUNS / 2] / 1_000_000);
    }
}
