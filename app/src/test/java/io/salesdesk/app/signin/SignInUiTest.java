package io.salesdesk.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
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
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.User;

/**
 * A workspace where 石玲 (manager.sh) has a password: the window asks for sign-in, a wrong password
 * says so without opening anything, and the right one opens the shell as her.
 */
@ExtendWith(ApplicationExtension.class)
class SignInUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext signInContext;
    static User manager;
    MainWindow window;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        manager = workspace.context().users().byUsername("manager.sh").orElseThrow();
        workspace.context().signIn().setPasswordBySystem(manager.id(), "salesdesk".toCharArray(), false,
                ChangeReason.of(ChangeReason.Kind.SYSTEM, "test"));
        // The app as it starts on this workspace now: nobody chosen, sign-in required.
        signInContext = new AppContext(workspace.context().database(), UiTestWorkspace.CLOCK,
                UiTestWorkspace.SAME_THREAD, null);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(workspace.appearance());
        stage.setScene(window.createScene());
        stage.show();
    }

    @Test
    void aWrongPasswordSaysSoAndTheRightOneOpensTheShell(FxRobot robot) {
        assertThat(signInContext.signInRequired()).isTrue();
        robot.interact(() -> window.attach(signInContext));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signInPane").tryQuery()).isPresent();
        assertThat(robot.lookup("#mainRoot").tryQuery()).isEmpty();

        robot.clickOn("#signInUsername").write("manager.sh");
        robot.clickOn("#signInPassword").write("not-her-password");
        robot.clickOn("#signInButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#signInProblem").queryAs(Label.class).getText()).isEqualTo(I18n.get("signin.failed"))
                .isEqualTo("用户名或密码错误，请重新输入。");
        assertThat(robot.lookup("#mainRoot").tryQuery()).isEmpty();
        UiRobots.screenshot(robot, "#signInPane", "sign-in-wrong-password");

        // Enter in the password field signs in.
        robot.clickOn("#signInPassword").write("salesdesk").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#signInPane").tryQuery()).isEmpty();
        assertThat(robot.lookup("#mainRoot").tryQuery()).isPresent();
        assertThat(signInContext.currentUser().id()).isEqualTo(manager.id());
        assertThat(robot.lookup("#statusUser").queryAs(Label.class).getText()).contains(manager.displayName());
    }
}
