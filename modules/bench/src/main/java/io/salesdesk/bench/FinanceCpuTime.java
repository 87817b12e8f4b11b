package io.salesdesk.bench;

/**
 * {@link FinanceBenchmark}'s figures on the embedded database when the machine is shared: HSQLDB
 * runs on the calling thread, so that thread's CPU time is the cost of a call without the waiting
 * for a CPU that a busy machine adds to wall-clock figures. Logs the median CPU and wall time of
 * each call after two to warm up. Meaningless on PostgreSQL, whose work is in the server.
 */
public final class FinanceCpuTime {

    private static final int RUNS = 7;
    private static final CpuTimeMeter METER = new CpuTimeMeter(2, RUNS);

    private FinanceCpuTime() {
    }

    public static void main(String[] args) {
        FinanceBenchmark bench = new FinanceBenchmark();
        bench.open();
        try {
            METER.measure("ageingTotal", bench::ageingTotal);
            METER.measure("ageingByCustomer", bench::ageingByCustomer);
            METER.measure("cacPerCustomer (500 most costly)", bench::cacPerCustomer);
            METER.measure("cacPerCustomerAll", bench::cacPerCustomerAll);
        } finally {
            bench.close();
        }
    }
}
