package io.salesdesk.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
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
import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.User;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.SyncService;

/**
 * A branch laptop made from a head office where 石玲 (manager.sh) has a password: the replica asks
 * for sign-in, takes her head-office password, and in Settings says that passwords are changed at
 * the head office instead of offering a change it would refuse.
 */
@ExtendWith(ApplicationExtension.class)
class ReplicaSignInUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    private static final String HUB_PASSWORD = "Kangrui2026";

    @TempDir
    static Path dir;
    static Database branch;
    static AppContext context;
    static User manager;
    static Preferences preferences;
    MainWindow window;

    @BeforeAll
    static void branchOfAHeadOfficeWithPasswords() {
        try (UiTestWorkspace hub = UiTestWorkspace.create(dir.resolve("hub"))) {
            manager = hub.context().users().byUsername("manager.sh").orElseThrow();
            hub.context().signIn().setPasswordBySystem(manager.id(), HUB_PASSWORD.toCharArray(), false,
                    ChangeReason.of(ChangeReason.Kind.SYSTEM, "test"));
            // An admin at the head office gave 冯晶丽 (rep.sh1) a first password she is to change.
            User rep = hub.context().users().byUsername("rep.sh1").orElseThrow();
            hub.context().signIn().setPasswordBySystem(rep.id(), "Chushi2026".toCharArray(), true,
                    ChangeReason.of(ChangeReason.Kind.SYSTEM, "test"));
            SyncService.createReplica(new LocalHub(hub.context().database(), UiTestWorkspace.CLOCK),
                    DatabaseConfig.embedded(dir.resolve("branch")), manager.orgUnitId(), UiTestWorkspace.CLOCK, 100)
                    .close();
        }
        branch = Database.open(DatabaseConfig.embedded(dir.resolve("branch")));
        // The app as it starts on the branch: nobody chosen.
        context = new AppContext(branch, UiTestWorkspace.CLOCK, UiTestWorkspace.SAME_THREAD, null);
    }

    @AfterAll
    static void close() throws Exception {
        branch.close();
        preferences.removeNode();
    }

    @Start
    void start(Stage stage) {
        preferences = Preferences.userRoot().node("io/salesdesk/test/" + UUID.randomUUID());
        AppearancePreferences appearance = AppearancePreferences.load(preferences, Locale.SIMPLIFIED_CHINESE);
        appearance.setLanguage(AppearancePreferences.Language.CHINESE);
        appearance.setTheme(AppearancePreferences.Theme.LIGHT);
        window = new MainWindow(appearance);
        stage.setScene(window.createScene());
        stage.show();
    }

    @Test
    void theBranchAsksForSignInTakesTheHeadOfficePasswordAndSendsChangesThere(FxRobot robot) {
        assertThat(context.signInRequired()).isTrue();
        robot.interact(() -> window.attach(context));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signInPane").tryQuery()).isPresent();
        assertThat(robot.lookup("#mainRoot").tryQuery()).isEmpty();

        robot.clickOn("#signInUsername").write("manager.sh");
        robot.clickOn("#signInPassword").write(HUB_PASSWORD).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#mainRoot").tryQuery()).isPresent();
        assertThat(context.currentUser().id()).isEqualTo(manager.id());

        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#changePasswordButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#passwordAtHeadOffice").queryAs(Label.class).getText())
                .isEqualTo("分支副本：密码在总部修改，下次同步后到达本机。");
        // No switching to another user without their password.
        assertThat(robot.lookup("#userPicker").query().isDisabled()).isTrue();
        UiRobots.screenshot(robot, "#mainRoot", "replica-settings-password");
    }

    @Test
    void aPasswordToChangeSignsInOnTheBranchAndSaysToChangeItAtTheHeadOffice(FxRobot robot) {
        AppContext fresh = new AppContext(branch, UiTestWorkspace.CLOCK, UiTestWorkspace.SAME_THREAD, null);
        robot.interact(() -> window.attach(fresh));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#signInUsername").write("rep.sh1");
        robot.clickOn("#signInPassword").write("Chushi2026").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        // Not the change dialog, which the branch would refuse: a notice, then the work.
        assertThat(robot.lookup("#changePasswordSave").tryQuery()).isEmpty();
        DialogPane notice = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(notice.getContentText()).contains("分支副本上不能修改密码").contains("请在总部");
        robot.clickOn(notice.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#mainRoot").tryQuery()).isPresent();
        assertThat(fresh.currentUser().username()).isEqualTo("rep.sh1");
    }
}
