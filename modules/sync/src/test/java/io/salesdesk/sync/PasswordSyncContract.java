package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.USER_CREDENTIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.auth.Credential;
import io.salesdesk.crm.auth.CredentialRepository;
import io.salesdesk.crm.auth.LocalAccountRecovery;
import io.salesdesk.crm.auth.PasswordHasher;
import io.salesdesk.crm.auth.SignInService;
import io.salesdesk.crm.auth.SignedIn;
import io.salesdesk.crm.auth.UserAdminService;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords come down with the users: a replica of 华东大区 signs its people in with the head
 * office's passwords, takes the hub's changes on every sync, keeps its own lockouts, and sets no
 * password itself. A hub (the subclass's database) and a replica on a real HSQLDB file.
 */
abstract class PasswordSyncContract {

    private static final String HUB_PASSWORD = "Kangrui2026";
    private static final ChangeReason SETUP = ChangeReason.of(ChangeReason.Kind.SYSTEM, "test");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.FAST_FOR_TESTS);
    private Database hubDb;
    private SyncFixture org;
    private LocalHub hub;
    private Database replica;

    abstract Database openHub(Path hubDir);

    @BeforeEach
    void setUp() {
        hubDb = openHub(dir.resolve("hub"));
        org = new SyncFixture(hubDb, clock);
        hub = new LocalHub(hubDb, clock);
        // 王一 works in 华东 (the replica's subtree), 张三 in 华南.
        signIn(hubDb).setPasswordBySystem(org.wang.id(), HUB_PASSWORD.toCharArray(), false, SETUP);
        signIn(hubDb).setPasswordBySystem(org.zhang.id(), HUB_PASSWORD.toCharArray(), false, SETUP);
    }

    @AfterEach
    void tearDown() {
        for (Database db : new Database[] {replica, hubDb}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void aNewReplicaAsksForSignInAndTakesTheHubsPasswordOfItsOwnPeopleOnly() {
        createReplica();

        assertThat(signIn(replica).signInRequired()).isTrue();
        assertThat(signIn(replica).signIn("wang", HUB_PASSWORD.toCharArray()).user().id()).isEqualTo(org.wang.id());
        assertThat(credential(replica, org.wang.id()).orElseThrow().passwordHash())
                .isEqualTo(credential(hubDb, org.wang.id()).orElseThrow().passwordHash());
        // 张三 is outside the subtree: no hash of his on the laptop, and no way in as him.
        assertThat(credential(replica, org.zhang.id())).isEmpty();
        refused(() -> signIn(replica).signIn("zhang", HUB_PASSWORD.toCharArray()), "signin.failed");
    }

    @Test
    void aPasswordChangedAtTheHubWorksOnTheReplicaAfterTheNextSyncAndTheOldOneNoLonger() {
        createReplica();
        signIn(hubDb).changePassword(org.wang, HUB_PASSWORD.toCharArray(), "Xinmima2027".toCharArray());
        // Offline, the replica still knows only the old one.
        assertThat(signIn(replica).signIn("wang", HUB_PASSWORD.toCharArray()).user().id()).isEqualTo(org.wang.id());

        sync();

        assertThat(signIn(replica).signIn("wang", "Xinmima2027".toCharArray()).user().id()).isEqualTo(org.wang.id());
        refused(() -> signIn(replica).signIn("wang", HUB_PASSWORD.toCharArray()), "signin.failed");
    }

    @Test
    void aFirstPasswordGivenAtTheHubArrivesOnTheNextSync() {
        createReplica();
        refused(() -> signIn(replica).signIn("li", "Lier2026".toCharArray()), "signin.failed");
        signIn(hubDb).setPasswordBySystem(org.li.id(), "Lier2026".toCharArray(), false, SETUP);

        sync();

        assertThat(signIn(replica).signIn("li", "Lier2026".toCharArray()).user().id()).isEqualTo(org.li.id());
    }

    @Test
    void aPasswordRemovedAtTheHubIsRemovedOnTheReplica() {
        createReplica();
        hubDb.dsl().deleteFrom(USER_CREDENTIAL).where(USER_CREDENTIAL.USER_ID.eq(org.wang.id())).execute();

        sync();

        assertThat(credential(replica, org.wang.id())).isEmpty();
        refused(() -> signIn(replica).signIn("wang", HUB_PASSWORD.toCharArray()), "signin.failed");
    }

    @Test
    void aLockoutStaysOnTheComputerWhereItHappened() {
        createReplica();
        for (int i = 0; i < SignInService.MAX_FAILURES - 1; i++) {
            refused(() -> signIn(replica).signIn("wang", "wrong-guess".toCharArray()), "signin.failed");
        }
        refused(() -> signIn(replica).signIn("wang", "wrong-guess".toCharArray()), "signin.locked");

        sync();

        // Still locked here, even with the right password; the hub never heard of it.
        refused(() -> signIn(replica).signIn("wang", HUB_PASSWORD.toCharArray()), "signin.locked");
        assertThat(credential(hubDb, org.wang.id()).orElseThrow().lockedUntil()).isNull();
        assertThat(signIn(hubDb).signIn("wang", HUB_PASSWORD.toCharArray()).user().id()).isEqualTo(org.wang.id());

        // Once it ends here and the user is back in, a lockout at the hub does not travel down either.
        clock.advance(SignInService.LOCKOUT.plusMinutes(1));
        assertThat(signIn(replica).signIn("wang", HUB_PASSWORD.toCharArray()).user().id()).isEqualTo(org.wang.id());
        for (int i = 0; i < SignInService.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> signIn(hubDb).signIn("wang", "wrong-guess".toCharArray()))
                    .isInstanceOf(SalesDeskException.class);
        }
        assertThat(credential(hubDb, org.wang.id()).orElseThrow().lockedAt(clock.instant())).isTrue();
        sync();
        assertThat(credential(replica, org.wang.id()).orElseThrow().lockedUntil()).isNull();
        assertThat(signIn(replica).signIn("wang", HUB_PASSWORD.toCharArray()).user().id()).isEqualTo(org.wang.id());
    }

    @Test
    void aResetAtTheHubSignsInOnTheReplicaWithoutForcingAChangeItWouldRefuse() {
        createReplica();
        UserAdminService admin = new UserAdminService(hubDb, clock, hasher);
        Actor hubAdmin = new Actor(org.zhang.id(), "总部管理员", Role.ADMIN, org.company.path());
        UserAdminService.UserRow wangRow = admin.users(hubAdmin).stream()
                .filter(r -> r.id().equals(org.wang.id())).findFirst().orElseThrow();
        admin.resetPassword(hubAdmin, wangRow, "Chongzhi2026".toCharArray());

        sync();

        SignedIn signedIn = signIn(replica).signIn("wang", "Chongzhi2026".toCharArray());
        assertThat(signedIn.mustChangePassword()).isFalse();
        assertThat(signedIn.changeAtHeadOffice()).isTrue();
        // At the hub the same password still demands a change.
        assertThat(signIn(hubDb).signIn("wang", "Chongzhi2026".toCharArray()).mustChangePassword()).isTrue();
    }

    @Test
    void theReplicaRefusesEveryWayOfSettingAPasswordAndChangesNothing() {
        createReplica();
        String before = credential(replica, org.wang.id()).orElseThrow().passwordHash();

        refused(() -> signIn(replica).changePassword(org.wang, HUB_PASSWORD.toCharArray(),
                "Bendi2026x".toCharArray()), "password.atHeadOffice");
        refused(() -> signIn(replica).setPasswordBySystem(org.wang.id(), "Bendi2026x".toCharArray(), false, SETUP),
                "password.atHeadOffice");
        UserAdminService admin = new UserAdminService(replica, clock, hasher);
        Actor eastManager = new Actor(org.li.id(), "李二", Role.MANAGER, org.east.path());
        UserAdminService.UserRow wangRow = admin.users(eastManager).stream()
                .filter(r -> r.id().equals(org.wang.id())).findFirst().orElseThrow();
        refused(() -> admin.resetPassword(eastManager, wangRow, "Bendi2026x".toCharArray()), "password.atHeadOffice");
        refused(() -> new LocalAccountRecovery(replica, clock, hasher).resetPassword("wang", "Bendi2026x".toCharArray()),
                "password.atHeadOffice");

        assertThat(credential(replica, org.wang.id()).orElseThrow().passwordHash()).isEqualTo(before);
        assertThat(credential(replica, org.li.id())).isEmpty();
        assertThat(signIn(replica).signIn("wang", HUB_PASSWORD.toCharArray()).user().id()).isEqualTo(org.wang.id());
    }

    @Test
    void theReplicaRefusesToEditRolesUnitsAndTheOrgTreeWhichTheNextSyncWouldOverwrite() {
        createReplica();
        UserAdminService admin = new UserAdminService(replica, clock, hasher);
        Actor eastManager = new Actor(org.li.id(), "李二", Role.MANAGER, org.east.path());
        UserAdminService.UserRow wangRow = admin.users(eastManager).stream()
                .filter(r -> r.id().equals(org.wang.id())).findFirst().orElseThrow();
        OrgUnit east = admin.orgUnits(eastManager).stream().filter(u -> u.id().equals(org.east.id()))
                .findFirst().orElseThrow();
        int unitsBefore = admin.orgUnits(eastManager).size();

        refused(() -> admin.changeRoleAndUnit(eastManager, wangRow, Role.REP, org.east.id()), "directory.atHeadOffice");
        refused(() -> admin.setActive(eastManager, wangRow, false), "directory.atHeadOffice");
        refused(() -> admin.addOrgUnit(eastManager, east, "新网点", OrgUnit.Kind.TEAM), "directory.atHeadOffice");
        refused(() -> admin.renameOrgUnit(eastManager, east, "改名"), "directory.atHeadOffice");

        UserAdminService.UserRow after = admin.users(eastManager).stream()
                .filter(r -> r.id().equals(org.wang.id())).findFirst().orElseThrow();
        assertThat(after.account().version()).isEqualTo(wangRow.account().version());
        assertThat(after.account().active()).isTrue();
        assertThat(admin.orgUnits(eastManager)).hasSize(unitsBefore)
                .anySatisfy(u -> assertThat(u.name()).isEqualTo(east.name()));
        // Unlocking stays: lockouts count on each computer.
        admin.unlock(eastManager, wangRow);
    }

    @Test
    void aHubWithoutPasswordsMakesAReplicaWithoutSignIn() {
        hubDb.dsl().deleteFrom(USER_CREDENTIAL).execute();

        createReplica();

        assertThat(signIn(replica).signInRequired()).isFalse();
    }

    private void createReplica() {
        replica = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("r1")), org.east.id(), clock,
                SyncService.DEFAULT_PAGE);
    }

    private SyncReport sync() {
        return new SyncService(replica, clock).sync(hub);
    }

    private SignInService signIn(Database db) {
        return new SignInService(db, clock, hasher);
    }

    private Optional<Credential> credential(Database db, UUID userId) {
        return db.transactionResult(cfg -> CredentialRepository.using(cfg, clock).byUser(userId));
    }

    private static void refused(ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SalesDeskException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
