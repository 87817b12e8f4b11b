package io.salesdesk.bench;

/**
 * {@link RuleScanBenchmark}'s figures when the machine is shared: the embedded database runs on the
 * calling thread, so that thread's CPU time is the scan's cost without the wait for a CPU that a busy
 * machine adds to wall-clock figures. Logs the median CPU and wall time of 20 minute scans and 20 test
 * mode runs, after 5 of each to warm up.
 */
public final class RuleScanCpuTime {

    private static final CpuTimeMeter METER = new CpuTimeMeter(5, 20);

    private RuleScanCpuTime() {
    }

    public static void main(String[] args) {
        RuleScanBenchmark bench = new RuleScanBenchmark();
        bench.open();
        try {
            METER.measure("rule scan (100,000 customers)", bench::scan);
            METER.measure("rule test mode (count and first 20)", bench::testMode);
        } finally {
            bench.close();
        }
    }
}
