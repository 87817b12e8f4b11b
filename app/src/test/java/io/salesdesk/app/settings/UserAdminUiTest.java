package io.salesdesk.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.auth.UserAdminService.UserRow;

/**
 * The admin adds a user with a first password in Settings → 用户与组织; that user then signs in,
 * must choose their own password first, and lands in the shell.
 */
@ExtendWith(ApplicationExtension.class)
class UserAdminUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    Stage stage;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        context.setCurrentUser(context.users().byUsername("admin").orElseThrow());
        // Whoever gives out passwords has one of their own first (UserAdminService).
        context.signIn().setPasswordBySystem(context.currentUser().id(), "admin-secret".toCharArray(), false,
                ChangeReason.of(ChangeReason.Kind.SYSTEM, "test"));
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @Test
    void anAddedUserSignsInAndChoosesTheirOwnPasswordFirst(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#userAdd");
        robot.clickOn("#userAdd");
        robot.interact(() -> {
            robot.lookup("#newUserLogin").queryAs(TextField.class).setText("sun.qi");
            robot.lookup("#newUserName").queryAs(TextField.class).setText("孙七");
            robot.lookup("#newUserPassword").queryAs(PasswordField.class).setText("Welcome2026");
        });
        robot.clickOn("#userAddSave");
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<UserRow> table = robot.lookup("#userTable").queryAs(TableView.class);
        assertThat(table.getItems()).anySatisfy(row -> {
            assertThat(row.username()).isEqualTo("sun.qi");
            assertThat(row.credential().mustChange()).isTrue();
        });
        UiRobots.screenshot(robot, "#userAdminSection", "user-admin");

        // The next start asks for sign-in (someone has a password now); 孙七 signs in.
        AppContext next = new AppContext(context.database(), UiTestWorkspace.CLOCK, UiTestWorkspace.SAME_THREAD, null);
        MainWindow window = new MainWindow(workspace.appearance());
        robot.interact(() -> {
            stage.setScene(window.createScene());
            window.attach(next);
        });
        robot.clickOn("#signInUsername").write("sun.qi");
        robot.clickOn("#signInPassword").write("Welcome2026");
        robot.clickOn("#signInButton");
        WaitForAsyncUtils.waitForFxEvents();

        // An admin-set password is changed before anything else.
        robot.interact(() -> {
            robot.lookup("#newPassword").queryAs(PasswordField.class).setText("only-sun-knows");
            robot.lookup("#repeatPassword").queryAs(PasswordField.class).setText("only-sun-knows");
        });
        robot.clickOn("#changePasswordSave");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#mainRoot").tryQuery()).isPresent();
        assertThat(next.currentUser().username()).isEqualTo("sun.qi");
        assertThat(next.signIn().signIn("sun.qi", "only-sun-knows".toCharArray()).mustChangePassword()).isFalse();
    }
}
