package io.salesdesk.bench;

/**
 * The stock check's figures when the machine is shared: the embedded database runs on the calling
 * thread, so that thread's CPU time per check is the cost of the check without the waiting for a
 * CPU that a busy machine adds to {@link StockCheckBenchmark}'s wall-clock figures. Logs the
 * median CPU and wall time of 300 checks after 300 to warm up.
 */
public final class StockCheckCpuTime {

    private static final int RUNS = 300;
    private static final CpuTimeMeter METER = new CpuTimeMeter(RUNS, RUNS);

    private StockCheckCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        StockCheckBenchmark bench = new StockCheckBenchmark();
        bench.create();
        try {
            METER.measure("preview", bench::preview);
            METER.measure("checkAndKeep", bench::checkAndKeep);
        } finally {
            bench.close();
        }
    }
}
