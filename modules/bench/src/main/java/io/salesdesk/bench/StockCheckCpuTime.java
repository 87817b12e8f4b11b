package io.salesdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stock check's figures when the machine is shared: the embedded database runs on the calling
 * thread, so that thread's CPU time per check is the cost of the check without the waiting for a
 * CPU that a busy machine adds to {@link StockCheckBenchmark}'s wall-clock figures. Logs the
 * median CPU and wall time of 300 checks after 300 to warm up.
 */
public final class StockCheckCpuTime {

    private static final Logger LOG = LoggerFactory.getLogger(StockCheckCpuTime.class);
    private static final int RUNS = 300;

    private StockCheckCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        StockCheckBenchmark bench = new StockCheckBenchmark();
        bench.create();
        try {
            measure("preview", bench::preview);
            measure("checkAndKeep", bench::checkAndKeep);
        } finally {
            bench.close();
        }
    }

    private static void measure(String name, Supplier<Object> check) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[RUNS];
        long[] wall = new long[RUNS];
        for (int i = 0; i < 2 * RUNS; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            check.get();
            if (i >= RUNS) {
                cpu[i - RUNS] = threads.getCurrentThreadCpuTime() - c;
                wall[i - RUNS] = System.nanoTime() - w;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        LOG.warn("{}: median CPU {} ms, median wall {} ms, 90th percentile wall {} ms", name,
                String.format("%.1f", cpu[RUNS / 2] / 1e6), String.format("%.1f", wall[RUNS / 2] / 1e6),
                String.format("%.1f", wall[RUNS * 9 / 10] / 1e6));
    }
}
