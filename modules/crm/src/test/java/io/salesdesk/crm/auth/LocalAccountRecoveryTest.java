package io.salesdesk.crm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A locked-out administrator gets back in from the data folder, and the audit trail says so. */
class LocalAccountRecoveryTest {

    @TempDir
    Path dataDir;

    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));
    Database db;
    SalesOrgFixture org;
    SignInService signIn;
    LocalAccountRecovery recovery;

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dataDir);
        org = new SalesOrgFixture(db, clock);
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.FAST_FOR_TESTS);
        signIn = new SignInService(db, clock, hasher);
        recovery = new LocalAccountRecovery(db, clock, hasher);
        signIn.setPasswordBySystem(org.admin.id(), "forgotten one".toCharArray(), false,
                ChangeReason.of(ChangeReason.Kind.SYSTEM, "test"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aResetPasswordSignsInAndTheOldOneNoLonger() {
        lockOut();

        recovery.resetPassword("admin", "a new start 1".toCharArray());

        assertThat(signIn.signIn("admin", "a new start 1".toCharArray()).user().id()).isEqualTo(org.admin.id());
        failsWith(() -> signIn.signIn("admin", "forgotten one".toCharArray()), "signin.failed");
    }

    @Test
    void unlockLiftsTheLockoutAndTheOldPasswordWorksAgain() {
        lockOut();
        failsWith(() -> signIn.signIn("admin", "forgotten one".toCharArray()), "signin.locked");

        recovery.unlock("admin");

        assertThat(signIn.signIn("admin", "forgotten one".toCharArray()).user().id()).isEqualTo(org.admin.id());
    }

    @Test
    void bothAreInTheAuditTrailAsTheSystemFromTheDataFolder() {
        lockOut();
        clock.advance(java.time.Duration.ofMinutes(1));
        recovery.unlock("admin");
        clock.advance(java.time.Duration.ofMinutes(1));
        recovery.resetPassword("admin", "a new start 1".toCharArray());

        List<ChangeEntry> trail = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(org.admin.id()));

        List<ChangeEntry> ours = trail.stream().filter(e -> LocalAccountRecovery.DETAIL.equals(e.reasonDetail())).toList();
        assertThat(ours).hasSize(2).allSatisfy(e -> {
            assertThat(e.reasonKind()).isEqualTo("SYSTEM");
            assertThat(e.changedBy()).isNull();
        });
        assertThat(ours).anySatisfy(e -> assertThat(e.changes()).containsKey("passwordChangedAt"));
        assertThat(trail).allSatisfy(e -> assertThat(e.changes().toString()).doesNotContain("argon2"));
    }

    @Test
    void aWeakPasswordOrAnUnknownLoginIsRefused() {
        failsWith(() -> recovery.resetPassword("admin", "admin".toCharArray()), "password.tooShort");
        failsWith(() -> recovery.resetPassword("nobody", "a new start 1".toCharArray()), "cli.noSuchUser");
        failsWith(() -> recovery.unlock("nobody"), "cli.noSuchUser");
    }

    @Test
    void aSharedDatabaseIsRefused() {
        failsWith(() -> LocalAccountRecovery.requireLocal(DatabaseConfig.server("jdbc:postgresql://hq/salesdesk", "u", "p")),
                "error.recovery.notLocal");
        failsWith(() -> LocalAccountRecovery.requireLocal(DatabaseConfig.server("jdbc:hsqldb:hsql://hq/salesdesk", "u", "p")),
                "error.recovery.notLocal");
    }

    private void lockOut() {
        for (int i = 0; i < SignInService.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> signIn.signIn("admin", "guess".toCharArray())).isInstanceOf(SalesDeskException.class);
        }
    }

    private static void failsWith(ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOf(SalesDeskException.class)
                .extracting(e -> ((SalesDeskException) e).messageKey()).isEqualTo(key);
    }
}
