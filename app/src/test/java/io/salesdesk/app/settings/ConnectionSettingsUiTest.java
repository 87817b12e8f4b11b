package io.salesdesk.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
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
import io.salesdesk.db.DatabaseServer;
import io.salesdesk.db.backup.BackupRotation;
import io.salesdesk.db.backup.BackupSchedule;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;

/**
 * Settings, 连接 and 备份: a user adds the team's server, tries it, and picks it for the next start;
 * backs the workspace up now and sets how many daily backups are kept.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionSettingsUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static DatabaseServer server;
    static int port;

    @BeforeAll
    static void openWorkspaceAndServer() throws IOException {
        System.setProperty("salesdesk.config.dir", dir.resolve("config").toString());
        workspace = UiTestWorkspace.create(dir.resolve("workspace"));
        context = workspace.context();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = DatabaseServer.start(dir.resolve("office"), new DatabaseServer.Options(port, "team", "s3cret", false));
    }

    @AfterAll
    static void close() {
        server.close();
        workspace.close();
        System.clearProperty("salesdesk.config.dir");
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @Test
    void aServerProfileIsTestedSavedAndMarkedForTheNextStart(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#connectionAdd");
        robot.clickOn("#connectionAdd");
        WaitForAsyncUtils.waitForFxEvents();
        fill(robot, "#connectionName", "office");
        fill(robot, "#connectionHost", "localhost");
        fill(robot, "#connectionPort", Integer.toString(port));
        fill(robot, "#connectionUser", "team");
        fill(robot, "#connectionPassword", "wrong");

        robot.clickOn("#connectionTest");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#connectionTestResult").queryAs(Label.class).getText()).startsWith("无法连接：");

        fill(robot, "#connectionPassword", "s3cret");
        robot.clickOn("#connectionTest");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#connectionTestResult").queryAs(Label.class).getText()).isEqualTo("连接成功。");

        robot.clickOn("#connectionProfileSave");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<ConnectionProfile> list = robot.lookup("#connectionProfiles").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(ConnectionProfile::name).containsExactly("office");
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#connectionStartWith");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#connectionStatus").queryAs(Label.class).getText())
                .isEqualTo("已设为启动时使用：“office”。重新启动 SalesDesk 后切换到该连接。");
        ConnectionProfiles saved = new ConnectionProfiles(dir.resolve("config"));
        assertThat(saved.startWith()).hasValue("office");
        assertThat(saved.config("office").password()).isEqualTo("s3cret");
    }

    @Test
    void anEmbeddedProfileNeedsAFolder(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#connectionAdd");
        robot.clickOn("#connectionAdd");
        WaitForAsyncUtils.waitForFxEvents();
        fill(robot, "#connectionName", "laptop");
        @SuppressWarnings("unchecked")
        ComboBox<ConnectionProfile.Kind> kind = robot.lookup("#connectionKind").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue(ConnectionProfile.Kind.EMBEDDED));

        robot.clickOn("#connectionProfileSave");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".general-problem").queryAs(Label.class).getText())
                .isEqualTo("连接配置“laptop”需要一个数据文件夹。");
        robot.interact(() -> robot.lookup("#connectionProfileSave").query().getScene().getWindow().hide());
    }

    @Test
    void backUpNowWritesABackupAndTheNumberKeptIsSaved(FxRobot robot) throws IOException {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#backupNow");
        robot.clickOn("#backupNow");
        WaitForAsyncUtils.waitForFxEvents();

        Path folder = BackupRotation.folder(context.database().config().dataDir());
        try (Stream<Path> files = Files.list(folder)) {
            Path made = files.filter(p -> p.getFileName().toString().startsWith("salesdesk-manual-")).findFirst()
                    .orElseThrow();
            assertThat(robot.lookup("#backupStatus").queryAs(Label.class).getText())
                    .startsWith("备份已写入 " + made);
        }

        @SuppressWarnings("unchecked")
        Spinner<Integer> keep = robot.lookup("#backupKeep").queryAs(Spinner.class);
        assertThat(keep.getValue()).isEqualTo(BackupRotation.DEFAULT_KEEP);
        robot.interact(() -> keep.getValueFactory().setValue(3));
        robot.clickOn("#saveBackupKeep");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(BackupSchedule.keep(context.database())).isEqualTo(3);
    }

    private static void fill(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }
}
