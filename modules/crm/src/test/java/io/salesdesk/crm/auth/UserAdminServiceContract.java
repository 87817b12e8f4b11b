package io.salesdesk.crm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.UserDraft;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user admin on a real database; HSQLDB and, when configured, PostgreSQL. */
abstract class UserAdminServiceContract {

    @TempDir
    Path dataDir;

    Database db;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));
    SalesOrgFixture org;
    UserAdminService admin;
    SignInService signIn;

    abstract Database open(Path dir);

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        org = new SalesOrgFixture(db, clock);
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.FAST_FOR_TESTS);
        admin = new UserAdminService(db, clock, hasher);
        signIn = new SignInService(db, clock, hasher);
        // Whoever gives out passwords has one: see anAdminWithoutAPasswordSetsTheirOwnFirst.
        ChangeReason setup = ChangeReason.of(ChangeReason.Kind.SYSTEM, "test");
        signIn.setPasswordBySystem(org.admin.id(), "admin-secret".toCharArray(), false, setup);
        signIn.setPasswordBySystem(org.zjManager.id(), "manager-secret".toCharArray(), false, setup);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private UserAdminService.UserRow row(String username) {
        return admin.users(org.admin.asActor()).stream().filter(r -> r.username().equals(username)).findFirst()
                .orElseThrow();
    }

    private static String key(Throwable e) {
        return ((SalesDeskException) e).messageKey();
    }

    @Test
    void aNewUserSignsInWithTheFirstPasswordAndMustChangeIt() {
        UUID id = admin.addUser(org.admin.asActor(), new UserDraft("sun.qi", "孙七", Role.REP, org.zjManager.orgUnitId(),
                org.zjManager.id(), null, null), "Welcome2026".toCharArray());

        SignedIn signedIn = signIn.signIn("sun.qi", "Welcome2026".toCharArray());

        assertThat(signedIn.user().id()).isEqualTo(id);
        assertThat(signedIn.user().displayName()).isEqualTo("孙七");
        assertThat(signedIn.mustChangePassword()).isTrue();
        signIn.changePassword(signedIn.user(), "Welcome2026".toCharArray(), "my own secret".toCharArray());
        assertThat(signIn.signIn("sun.qi", "my own secret".toCharArray()).mustChangePassword()).isFalse();
    }

    @Test
    void aLoginIsTakenForEverAndNeedsAName() {
        UserDraft again = new UserDraft("WANG", "王一二", Role.REP, org.zjManager.orgUnitId(), null, null, null);

        assertThatThrownBy(() -> admin.addUser(org.admin.asActor(), again, "Welcome2026".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("users.loginTaken"));
    }

    @Test
    void aManagerManagesOnlyTheirOwnSubtreeAndMakesNoAdmins() {
        var manager = org.zjManager.asActor();

        assertThat(admin.users(manager)).extracting(UserAdminService.UserRow::username)
                .contains("wang", "li").doesNotContain("zhang", "admin");
        UserDraft south = new UserDraft("qian", "钱八", Role.REP, org.jsManager.orgUnitId(), null, null, null);
        assertThatThrownBy(() -> admin.addUser(manager, south, "Welcome2026".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("users.notAllowed"));
        assertThatThrownBy(() -> admin.changeRoleAndUnit(manager, row("wang"), Role.ADMIN, org.wang.orgUnitId()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("users.notAllowed"));
    }

    @Test
    void aDeactivatedUserCannotSignInUntilBroughtBack() {
        admin.resetPassword(org.admin.asActor(), row("wang"), "Welcome2026".toCharArray());

        admin.setActive(org.admin.asActor(), row("wang"), false);

        assertThatThrownBy(() -> signIn.signIn("wang", "Welcome2026".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("signin.failed"));
        assertThat(row("wang").account().active()).isFalse();
        admin.setActive(org.admin.asActor(), row("wang"), true);
        assertThat(signIn.signIn("wang", "Welcome2026".toCharArray()).mustChangePassword()).isTrue();
    }

    @Test
    void anAdminWithoutAPasswordSetsTheirOwnFirst() {
        var southManager = org.jsManager.asActor();
        UserDraft rep = new UserDraft("qian", "钱八", Role.REP, org.jsManager.orgUnitId(), null, null, null);

        assertThatThrownBy(() -> admin.addUser(southManager, rep, "Welcome2026".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("users.setOwnPasswordFirst"));
        signIn.changePassword(org.jsManager, new char[0], "south-secret".toCharArray());
        admin.addUser(southManager, rep, "Welcome2026".toCharArray());
    }

    @Test
    void nobodyDeactivatesThemselves() {
        assertThatThrownBy(() -> admin.setActive(org.admin.asActor(), row("admin"), false))
                .satisfies(e -> assertThat(key(e)).isEqualTo("users.cannotDisableSelf"));
    }

    @Test
    void anAdminUnlocksALockedAccountAndTheListShowsIt() {
        admin.resetPassword(org.admin.asActor(), row("wang"), "Welcome2026".toCharArray());
        for (int i = 0; i < SignInService.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> signIn.signIn("wang", "guess".toCharArray()));
        }
        assertThat(row("wang").lockedAt(clock.instant())).isTrue();

        admin.unlock(org.admin.asActor(), row("wang"));

        assertThat(row("wang").lockedAt(clock.instant())).isFalse();
        assertThat(signIn.signIn("wang", "Welcome2026".toCharArray()).user().username()).isEqualTo("wang");
        assertThat(row("wang").lastSignIn()).isEqualTo(clock.instant());
    }

    @Test
    void aRoleAndUnitChangeDecidesWhatTheUserSees() {
        admin.changeRoleAndUnit(org.admin.asActor(), row("wang"), Role.MANAGER, org.jsManager.orgUnitId());

        var wang = new UserService(db, clock).byUsername("wang").orElseThrow();
        assertThat(wang.role()).isEqualTo(Role.MANAGER);
        assertThat(wang.orgUnitId()).isEqualTo(org.jsManager.orgUnitId());
    }

    @Test
    void orgUnitsAreAddedRenamedAndMovedWithTheirSubtree() {
        var actor = org.admin.asActor();
        OrgUnit zj = unit(org.zjManager.orgUnitId());
        OrgUnit js = unit(org.jsManager.orgUnitId());
        OrgUnit team = admin.addOrgUnit(actor, zj, " 杭州二组 ", OrgUnit.Kind.TEAM);
        admin.renameOrgUnit(actor, team, "杭州三组");

        admin.moveOrgUnit(actor, zj, js);

        OrgUnit moved = unit(team.id());
        assertThat(moved.name()).isEqualTo("杭州三组");
        assertThat(moved.path()).isEqualTo(js.path() + zj.id() + "/" + team.id() + "/");
        // The 浙江 manager now sits under 江苏: the 江苏 manager sees their people.
        assertThat(admin.users(org.jsManager.asActor())).extracting(UserAdminService.UserRow::username)
                .contains("wang", org.zjManager.username());
        assertThatThrownBy(() -> admin.moveOrgUnit(actor, js, unit(team.id())))
                .satisfies(e -> assertThat(key(e)).isEqualTo("orgUnit.moveIntoItself"));
    }

    @Test
    void twoAdminsChangingTheSameUnitFromTheSameListDoNotOverwriteEachOther() {
        var actor = org.admin.asActor();
        OrgUnit zj = unit(org.zjManager.orgUnitId());
        OrgUnit js = unit(org.jsManager.orgUnitId());
        OrgUnit team = admin.addOrgUnit(actor, zj, "杭州二组", OrgUnit.Kind.TEAM);
        // Both admins have the list open; the first renames the team, then moves 浙江 under 江苏.
        OrgUnit teamAsSeen = unit(team.id());
        OrgUnit zjAsSeen = unit(zj.id());
        admin.renameOrgUnit(actor, teamAsSeen, "杭州三组");

        assertThatThrownBy(() -> admin.renameOrgUnit(actor, teamAsSeen, "杭州四组"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("orgUnit.stale"));
        admin.moveOrgUnit(actor, zjAsSeen, js);
        assertThatThrownBy(() -> admin.moveOrgUnit(actor, teamAsSeen, zjAsSeen))
                .satisfies(e -> assertThat(key(e)).isEqualTo("orgUnit.stale"));

        assertThat(unit(team.id()).name()).isEqualTo("杭州三组");
        assertThat(unit(team.id()).path()).isEqualTo(js.path() + zj.id() + "/" + team.id() + "/");
    }

    private OrgUnit unit(UUID id) {
        return admin.orgUnits(org.admin.asActor()).stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
    }
}
