package io.salesdesk.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.AppearancePreferences.Language;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.db.WorkspaceLanguage;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.ComboBox;
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

/** The administrator chooses the language the system's messages are written in, for the whole company. */
@ExtendWith(ApplicationExtension.class)
class MessageLanguageUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        context.setCurrentUser(context.users().byUsername("admin").orElseThrow());
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @Test
    void theAdministratorSwitchesTheMessagesToEnglishForEveryClient(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#messageLanguagePicker");
        @SuppressWarnings("unchecked")
        ComboBox<Language> picker = robot.lookup("#messageLanguagePicker").queryAs(ComboBox.class);
        assertThat(picker.getValue()).isEqualTo(Language.forLocale(context.messageLanguage()));

        robot.interact(() -> picker.setValue(Language.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#messageLanguageSaved").queryAs(Label.class).getText()).contains("重新启动后生效");
        // The next client to start, on a Chinese computer, writes in English.
        assertThat(WorkspaceLanguage.settle(context.database(), Locale.SIMPLIFIED_CHINESE)).isEqualTo(Locale.ENGLISH);
    }
}
