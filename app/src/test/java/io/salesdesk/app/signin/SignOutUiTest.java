package io.salesdesk.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import io.salesdesk.app.common.Page;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.User;

/**
 * 退出登录 on a shared computer: a rep signs out and the regional manager signs in, in the same window
 * without a restart, and sees her own data on the start page, not the rep's page or customers.
 */
@ExtendWith(ApplicationExtension.class)
class SignOutUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    private static final ChangeReason SETUP = ChangeReason.of(ChangeReason.Kind.SYSTEM, "test");

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static User manager;
    static User rep;
    MainWindow window;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        manager = workspace.context().users().byUsername("manager.sh").orElseThrow();
        rep = workspace.context().users().all().stream()
                .filter(u -> u.role() == Role.REP && u.orgPath().startsWith(manager.orgPath()))
                .findFirst().orElseThrow();
        workspace.context().signIn().setPasswordBySystem(manager.id(), "manager-pass".toCharArray(), false, SETUP);
        workspace.context().signIn().setPasswordBySystem(rep.id(), "rep-password".toCharArray(), false, SETUP);
        context = new AppContext(workspace.context().database(), UiTestWorkspace.CLOCK, UiTestWorkspace.SAME_THREAD, null);
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
    void aRepSignsOutAndTheManagerSignsInToHerOwnData(FxRobot robot) {
        robot.interact(() -> window.attach(context));
        WaitForAsyncUtils.waitForFxEvents();
        signIn(robot, rep.username(), "rep-password");
        assertThat(robot.lookup("#statusUser").queryAs(Label.class).getText()).contains(rep.displayName());
        List<Customer> repCustomers = customersShown(robot);
        assertThat(repCustomers).isNotEmpty().allSatisfy(c -> assertThat(c.ownerId()).isEqualTo(rep.id()));
        // The rep moves on to the task page: the next user must not land there.
        robot.interact(() -> window.show(Page.TASKS));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#userMenu");
        robot.clickOn("#signOutItem");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#signInPane").tryQuery()).isPresent();
        assertThat(robot.lookup("#mainRoot").tryQuery()).isEmpty();
        assertThat(context.currentUser()).isNull();
        UiRobots.screenshot(robot, "#signInPane", "signed-out");

        signIn(robot, manager.username(), "manager-pass");

        assertThat(context.currentUser().id()).isEqualTo(manager.id());
        assertThat(robot.lookup("#statusUser").queryAs(Label.class).getText()).contains(manager.displayName())
                .doesNotContain(rep.displayName());
        assertThat(robot.lookup("#customerTable").tryQuery()).as("the start page, not the rep's tasks").isPresent();
        List<Customer> managerCustomers = customersShown(robot);
        assertThat(managerCustomers.size()).isGreaterThan(repCustomers.size());
        assertThat(managerCustomers).anySatisfy(c -> assertThat(c.ownerId()).isNotEqualTo(rep.id()));
    }

    private static void signIn(FxRobot robot, String login, String password) {
        robot.clickOn("#signInUsername").eraseText(40).write(login);
        robot.clickOn("#signInPassword").write(password).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#mainRoot").tryQuery()).isPresent();
    }

    @SuppressWarnings("unchecked")
    private static List<Customer> customersShown(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Customer> table = robot.lookup("#customerTable").queryAs(TableView.class);
        return List.copyOf(table.getItems());
    }
}
