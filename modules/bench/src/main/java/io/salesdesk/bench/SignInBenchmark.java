package io.salesdesk.bench;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.UserDraft;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.auth.PasswordHasher;
import io.salesdesk.crm.auth.SignInService;
import io.salesdesk.crm.auth.SignedIn;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.crypt.WorkspaceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One sign-in as the sign-in window does it, on an embedded workspace of 500 users with the
 * shipped Argon2id cost: the right password (user lookup, one verify, the sign-in noted), and an
 * unknown login, which must take about as long so the time tells a guesser nothing. Goal: sign-in
 * within 500 ms.
 *
 * <p>The {@code WallClock} benchmarks sample single sign-ins on one thread (percentiles of the time
 * a user waits, not the CPU time {@link SignInCpuTime} reports), and the unlock of an encrypted
 * workspace's key from its passphrase, which the user waits for once before signing in there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class SignInBenchmark {

    static final int USERS = 500;
    static final String PASSWORD = "correct horse battery";

    private Path dir;
    private Database db;
    private SignInService signIn;
    private Path keyDir;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("salesdesk-signin-bench");
        db = Database.open(DatabaseConfig.embedded(dir));
        Clock clock = Clock.systemUTC();
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "bench");
        UUID companyId = Ids.newId(clock);
        List<UserRepository.NewUser> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(new UserRepository.NewUser(Ids.newId(clock), new UserDraft("rep" + i, "销售" + i, Role.REP,
                    companyId, null, null, null)));
        }
        db.transaction(cfg -> {
            OrgUnitRepository.using(cfg, clock).insert(null, reason,
                    new OrgUnit(companyId, null, "基准公司", OrgUnit.Kind.COMPANY, OrgUnit.rootPath(companyId), null));
            UserRepository.using(cfg, clock).insertAll(null, reason, users);
        });
        signIn = new SignInService(db, clock, PasswordHasher.standard());
        signIn.setPasswordBySystem(users.get(USERS / 2).id(), PASSWORD.toCharArray(), false, reason);
        keyDir = dir.resolve("encrypted-db");
        WorkspaceKey.create(PASSPHRASE.toCharArray(), WorkspaceKey.Cost.DEFAULT).writeHeader(keyDir);
    }

    static final String PASSPHRASE = "a data passphrase";

    @TearDown
    public void tearDown() throws IOException {
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The right login and password. */
    @Benchmark
    public SignedIn signInRightPassword() {
        return signIn.signIn("rep" + USERS / 2, PASSWORD.toCharArray());
    }

    /** One sign-in with the right password, as the user waits for it: sampled, one thread. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Threads(1)
    public SignedIn signInWallClock() {
        return signIn.signIn("rep" + USERS / 2, PASSWORD.toCharArray());
    }

    /** The encrypted workspace's key from its passphrase (Argon2id, shipped cost), as the window does before the database opens. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Threads(1)
    public String unlockEncryptedWorkspaceWallClock() {
        return WorkspaceKey.unlock(keyDir, PASSPHRASE.toCharArray()).hsqldbKey();
    }

    /** A login that does not exist: refused after the same work. */
    @Benchmark
    public String signInUnknownUser() {
        try {
            signIn.signIn("nobody", PASSWORD.toCharArray());
            throw new IllegalStateException("an unknown user signed in");
        } catch (io.salesdesk.core.SalesDeskException expected) {
            return expected.messageKey();
        }
    }
}
