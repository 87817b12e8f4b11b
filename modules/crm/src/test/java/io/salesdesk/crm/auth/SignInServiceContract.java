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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, lockout and password changes on a real database; HSQLDB and, when configured, PostgreSQL. */
abstract class SignInServiceContract {

    private static final ChangeReason SETUP = ChangeReason.of(ChangeReason.Kind.SYSTEM, "test");

    @TempDir
    Path dataDir;

    Database db;
    // 2026-11-27 10:00 in Shanghai.
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));
    SalesOrgFixture org;
    SignInService signIn;

    abstract Database open(Path dir);

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        org = new SalesOrgFixture(db, clock);
        signIn = new SignInService(db, clock, new PasswordHasher(PasswordHasher.Cost.FAST_FOR_TESTS));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static char[] pw(String text) {
        return text.toCharArray();
    }

    private void givePassword(String password) {
        signIn.setPasswordBySystem(org.wang.id(), pw(password), false, SETUP);
    }

    private static void failsWith(ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOf(SalesDeskException.class)
                .extracting(e -> ((SalesDeskException) e).messageKey()).isEqualTo(key);
    }

    @Test
    void aPersonalWorkspaceWithoutPasswordsNeedsNoSignInUntilSomeoneHasOne() {
        assertThat(signIn.signInRequired()).isEqualTo(!db.config().isInProcess());
        givePassword("correct horse");
        assertThat(signIn.signInRequired()).isTrue();
    }

    @Test
    void theRightPasswordSignsTheUserIn() {
        givePassword("correct horse");

        SignedIn signedIn = signIn.signIn(" wang ", pw("correct horse"));

        assertThat(signedIn.user().id()).isEqualTo(org.wang.id());
        assertThat(signedIn.mustChangePassword()).isFalse();
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameMessage() {
        givePassword("correct horse");

        failsWith(() -> signIn.signIn("wang", pw("wrong horse")), "signin.failed");
        failsWith(() -> signIn.signIn("nobody", pw("correct horse")), "signin.failed");
        // A user with no password in a password workspace cannot sign in either, and is told the same.
        failsWith(() -> signIn.signIn("li", pw("correct horse")), "signin.failed");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesAndSayUntilWhen() {
        givePassword("correct horse");
        for (int i = 0; i < SignInService.MAX_FAILURES - 1; i++) {
            failsWith(() -> signIn.signIn("wang", pw("guess")), "signin.failed");
        }

        assertThatThrownBy(() -> signIn.signIn("wang", pw("guess")))
                .isInstanceOfSatisfying(SalesDeskException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("signin.locked");
                    // 10:00 Shanghai time + 15 minutes.
                    assertThat(e.arguments()).containsExactly(5, "10:15", 15L);
                });
        // Locked: even the right password is refused until the lockout ends.
        clock.advance(Duration.ofMinutes(14));
        failsWith(() -> signIn.signIn("wang", pw("correct horse")), "signin.locked");
    }

    @Test
    void theLockoutEndsAfterFifteenMinutes() {
        givePassword("correct horse");
        for (int i = 0; i < SignInService.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> signIn.signIn("wang", pw("guess"))).isInstanceOf(SalesDeskException.class);
        }

        clock.advance(SignInService.LOCKOUT);

        assertThat(signIn.signIn("wang", pw("correct horse")).user().username()).isEqualTo("wang");
    }

    @Test
    void aGoodPasswordStartsTheFailureCountAgain() {
        givePassword("correct horse");
        for (int i = 0; i < SignInService.MAX_FAILURES - 1; i++) {
            failsWith(() -> signIn.signIn("wang", pw("guess")), "signin.failed");
        }
        signIn.signIn("wang", pw("correct horse"));

        failsWith(() -> signIn.signIn("wang", pw("guess")), "signin.failed");
    }

    @Test
    void theLockoutIsInTheAuditTrailOfTheUser() {
        givePassword("correct horse");
        for (int i = 0; i < SignInService.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> signIn.signIn("wang", pw("guess"))).isInstanceOf(SalesDeskException.class);
        }

        List<ChangeEntry> trail = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(org.wang.id()));

        assertThat(trail).anySatisfy(e -> assertThat(e.changes()).containsKey("lockedUntil"));
        assertThat(trail).allSatisfy(e -> assertThat(e.changes().toString()).doesNotContain("argon2"));
    }

    @Test
    void aUserChangesTheirPasswordWithTheOldOne() {
        givePassword("correct horse");

        signIn.changePassword(org.wang, pw("correct horse"), pw("battery staple"));

        failsWith(() -> signIn.signIn("wang", pw("correct horse")), "signin.failed");
        assertThat(signIn.signIn("wang", pw("battery staple")).mustChangePassword()).isFalse();
    }

    @Test
    void aFirstPasswordNeedsNoOldOneAndTurnsSignInOn() {
        assertThat(signIn.hasPassword(org.li.id())).isFalse();

        signIn.changePassword(org.li, new char[0], pw("li's own secret"));

        assertThat(signIn.hasPassword(org.li.id())).isTrue();
        assertThat(signIn.signInRequired()).isTrue();
        assertThat(signIn.signIn("li", pw("li's own secret")).mustChangePassword()).isFalse();
    }

    @Test
    void aPasswordChangeNeedsTheRightOldPassword() {
        givePassword("correct horse");

        failsWith(() -> signIn.changePassword(org.wang, pw("not it"), pw("battery staple")), "password.wrongOld");
    }

    @Test
    void aNewPasswordHasEightCharactersAndIsNotTheLogin() {
        givePassword("correct horse");

        failsWith(() -> signIn.changePassword(org.wang, pw("correct horse"), pw("short7c")), "password.tooShort");
        failsWith(() -> signIn.changePassword(org.wang, pw("correct horse"), pw("correct horse")), "password.sameAsOld");
        failsWith(() -> PasswordPolicy.check("manager.sh", pw("Manager.SH")), "password.isUsername");
        PasswordPolicy.check("manager.sh", pw("manager.sh2"));
    }
}
