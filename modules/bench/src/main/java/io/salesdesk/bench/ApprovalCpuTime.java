package io.salesdesk.bench;

/**
 * {@link ApprovalBenchmark}'s figures when the machine is shared: the embedded database runs on
 * the calling thread, so that thread's CPU time is the cost without the wait for a CPU that a busy
 * machine adds to wall-clock figures. Logs the median CPU and wall time of 50 runs after 30.
 */
public final class ApprovalCpuTime {

    private static final int WARM_UP = 30;
    private static final int RUNS = 50;
    private static final CpuTimeMeter METER = new CpuTimeMeter(WARM_UP, RUNS);

    private ApprovalCpuTime() {
    }

    public static void main(String[] args) {
        ApprovalBenchmark bench = new ApprovalBenchmark();
        bench.open();
        try {
            METER.measure("open the legal approver's inbox of 10,000 tasks (first 500 and the count)",
                    bench::openLegalInbox);
            METER.measure("load all 10,000 tasks of that inbox", bench::loadWholeLegalInbox);
            METER.measure("timeout scan over 100,000 open steps", bench::timeoutScan);
        } finally {
            bench.close();
        }
    }
}
