package io.salesdesk.app.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.core.Role;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.profile.ConnectionProfiles;

/** First run on an empty data folder: the language, then 空白工作区 with the company and its administrator. */
@ExtendWith(ApplicationExtension.class)
class FirstRunUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    Path dir;
    final AtomicReference<Optional<DatabaseConfig>> result = new AtomicReference<>();
    final AppearancePreferences appearance = AppearancePreferences.load(
            Preferences.userRoot().node("io/salesdesk/test/" + UUID.randomUUID()), Locale.ENGLISH);

    @Start
    void start(Stage stage) {
        FirstRunWindow window = new FirstRunWindow(dir.resolve("data"), appearance,
                new ConnectionProfiles(dir.resolve("config")), UiTestWorkspace.SAME_THREAD, result::set);
        Scene scene = new Scene(window.root(), 900, 660);
        scene.getStylesheets().add(Stylesheets.APP);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void blankWorkspaceIsMadeWithTheCompanyAndItsAdministratorInTheChosenLanguage(FxRobot robot) {
        robot.clickOn("#firstRunChinese");
        assertThat(appearance.getLanguage()).isEqualTo(AppearancePreferences.Language.CHINESE);
        assertThat(robot.lookup("#firstRunBlank").tryQuery()).isPresent();

        robot.clickOn("#firstRunBlank");
        robot.interact(() -> {
            robot.lookup("#firstRunCompany").queryAs(TextField.class).setText("杭州云帆医疗科技有限公司");
            robot.lookup("#firstRunAdminName").queryAs(TextField.class).setText("陈晓");
            robot.lookup("#firstRunUsername").queryAs(TextField.class).setText("chenxiao");
        });
        robot.clickOn("#firstRunCreate");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(result.get()).isPresent();
        DatabaseConfig config = result.get().orElseThrow();
        assertThat(config.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(FirstRun.isNew(config)).isFalse();
        try (Database db = Database.open(config)) {
            List<User> users = new UserService(db, Clock.systemUTC()).all();
            assertThat(users).singleElement().satisfies(admin -> {
                assertThat(admin.username()).isEqualTo("chenxiao");
                assertThat(admin.displayName()).isEqualTo("陈晓");
                assertThat(admin.role()).isEqualTo(Role.ADMIN);
                assertThat(admin.orgUnitName()).isEqualTo("杭州云帆医疗科技有限公司");
            });
        }
    }

    @Test
    void blankCompanyNameIsRefusedInWordsAndNothingIsMade(FxRobot robot) {
        robot.clickOn("#firstRunEnglish");
        robot.clickOn("#firstRunBlank");
        robot.interact(() -> robot.lookup("#firstRunAdminName").queryAs(TextField.class).setText("Chen Xiao"));
        robot.clickOn("#firstRunCreate");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#firstRunProblem").queryAs(Label.class).getText()).isEqualTo("Enter the company name.");
        assertThat(result.get()).isNull();
        assertThat(FirstRun.isNew(DatabaseConfig.embedded(dir.resolve("data"))))
                .as("a refused form leaves no workspace behind for the next start to fill with the demo").isTrue();
    }
}
