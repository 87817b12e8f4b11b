package io.salesdesk.bench;

/**
 * {@link RuleChangeBenchmark}'s figure as CPU time, for a shared machine: the median CPU and wall time
 * of 200 evaluations of 200 rules on one changed customer, after 200 to warm up.
 */
public final class RuleChangeCpuTime {

    private static final CpuTimeMeter METER = new CpuTimeMeter(200, 200);

    private RuleChangeCpuTime() {
    }

    public static void main(String[] args) {
        RuleChangeBenchmark bench = new RuleChangeBenchmark();
        bench.open();
        try {
            METER.measure("200 rules on one record change", bench::recordChanged);
        } finally {
            bench.close();
        }
    }
}
