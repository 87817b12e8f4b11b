package io.salesdesk.crm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First run's blank workspace on a real HSQLDB: the company and its administrator, once. */
class NewWorkspaceTest {

    @TempDir
    Path dataDir;
    Database db;
    final TestClock clock = new TestClock(Instant.parse("2026-11-28T02:00:00Z"));
    final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.FAST_FOR_TESTS);
    NewWorkspace workspace;

    @BeforeEach
    void open() {
        db = TestDatabases.hsqldb(dataDir);
        workspace = new NewWorkspace(db, clock, hasher);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void makesTheCompanyAndItsAdministratorWhoOpensWithoutSignInWhenGivenNoPassword() {
        User admin = workspace.create("  杭州云帆医疗科技有限公司 ", "admin", "陈晓", new char[0]);

        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.orgUnitName()).isEqualTo("杭州云帆医疗科技有限公司");
        assertThat(new UserService(db, clock).all()).extracting(User::username).containsExactly("admin");
        assertThat(new SignInService(db, clock, hasher).passwordsInUse()).isFalse();
    }

    @Test
    void withAPasswordTheAdministratorSignsInWithIt() {
        workspace.create("云帆医疗", "chen.xiao", "陈晓", "Yunfan#2026".toCharArray());

        SignInService signIn = new SignInService(db, clock, hasher);
        assertThat(signIn.passwordsInUse()).isTrue();
        assertThat(signIn.signIn("chen.xiao", "Yunfan#2026".toCharArray()).user().username()).isEqualTo("chen.xiao");
    }

    @Test
    void aSecondWorkspaceInTheSameFolderIsRefused() {
        workspace.create("云帆医疗", "admin", "陈晓", new char[0]);

        assertThatThrownBy(() -> workspace.create("另一家公司", "boss", "王总", new char[0]))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("firstrun.notEmpty");
    }

    @Test
    void blankNamesAndOddLoginsAreRefusedByKey() {
        assertThatThrownBy(() -> workspace.create(" ", "admin", "陈晓", new char[0]))
                .hasMessageContaining("firstrun.company.blank");
        assertThatThrownBy(() -> workspace.create("云帆", "陈 晓", "陈晓", new char[0]))
                .hasMessageContaining("firstrun.username.invalid");
        assertThatThrownBy(() -> workspace.create("云帆", "admin", "", new char[0]))
                .hasMessageContaining("firstrun.adminName.blank");
        assertThat(new UserService(db, clock).all()).isEmpty();
    }
}
