package io.salesdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a call on a shared machine: the embedded database runs on the calling thread, so that
 * thread's CPU time is the call's cost without the wait for a CPU that a busy machine adds to
 * wall-clock figures. Logs the median CPU and wall time and the 90th percentile wall time.
 */
final class CpuTimeMeter {

    private static final Logger LOG = LoggerFactory.getLogger(CpuTimeMeter.class);

    private final int warmUp;
    private final int runs;

    /** @param warmUp calls made first and not counted; @param runs calls measured */
    CpuTimeMeter(int warmUp, int runs) {
        this.warmUp = warmUp;
        this.runs = runs;
    }

    void measure(String name, Supplier<?> call) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[runs];
        long[] wall = new long[runs];
        for (int i = 0; i < warmUp + runs; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            call.get();
            if (i >= warmUp) {
                cpu[i - warmUp] = threads.getCurrentThreadCpuTime() - c;
                wall[i - warmUp] = System.nanoTime() - w;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        LOG.warn("{}: median CPU {} ms, median wall {} ms, 90th percentile wall {} ms ({} runs)", name,
                String.format("%.1f", cpu[runs / 2] / 1e6), String.format("%.1f", wall[runs / 2] / 1e6),
                String.format("%.1f", wall[runs * 9 / 10] / 1e6), runs);
    }
}
