package io.salesdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ApprovalBenchmark}'s figures when the machine is shared: the embedded database runs on
 * the calling thread, so that thread's CPU time is the cost without the wait for a CPU that a busy
 * machine adds to wall-clock figures. Logs the median CPU and wall time of 50 runs after 30.
 */
public final class ApprovalCpuTime {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalCpuTime.class);
    private static final int WARM_UP = 30;
    private static final int RUNS = 50;

    private ApprovalCpuTime() {
    }

    public static void main(String[] args) {
        ApprovalBenchmark bench = new ApprovalBenchmark();
        bench.open();
        try {
            measure("open the legal approver's inbox of 10,000 tasks (first 500 and the count)",
                    bench::openLegalInbox);
            measure("load all 10,000 tasks of that inbox", bench::loadWholeLegalInbox);
            measure("timeout scan over 100,000 open steps", bench::timeoutScan);
        } finally {
            bench.close();
        }
    }

    private static void measure(String name, Supplier<Object> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[RUNS];
        long[] wall = new long[RUNS];
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            work.get();
            if (i >= WARM_UP) {
                cpu[i - WARM_UP] = threads.getCurrentThreadCpuTime() - c;
                wall[i - WARM_UP] = System.nanoTime() - w;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        LOG.warn("{}: median CPU {} ms, median wall {} ms, 90th percentile wall {} ms", name,
                String.format("%.1f", cpu[RUNS / 2] / 1e6), String.format("%.1f", wall[RUNS / 2] / 1e6),
                String.format("%.1f", wall[RUNS * 9 / 10] / 1e6));
    }
}
