package io.salesdesk.bench;

/**
 * Sign-in's figures when the machine is shared: the hashing and the embedded database run on the
 * calling thread, so its CPU time per sign-in is the cost without the wait for a CPU that a busy
 * machine adds to {@link SignInBenchmark}'s wall-clock figures. Logs the median CPU and wall time
 * of 30 sign-ins after 10 to warm up, for the right password and for an unknown login, and of the
 * unlock of an encrypted workspace's key from its passphrase.
 */
public final class SignInCpuTime {

    private static final CpuTimeMeter METER = new CpuTimeMeter(10, 30);

    private SignInCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        SignInBenchmark bench = new SignInBenchmark();
        bench.setUp();
        try {
            METER.measure("signInRightPassword", bench::signInRightPassword);
            METER.measure("signInUnknownUser", bench::signInUnknownUser);
            METER.measure("unlockEncryptedWorkspace", bench::unlockEncryptedWorkspaceWallClock);
        } finally {
            bench.tearDown();
        }
    }
}
