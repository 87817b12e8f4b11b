package io.salesdesk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.ReplicaSettings;
import io.salesdesk.sync.ReplicaStatus;
import io.salesdesk.sync.SyncService;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A branch office's laptop, a replica of the head office's database: the status bar says when it last
 * synced and what waits; 立即同步 asks once for the head office's profile, sends a customer edited at the
 * branch and says so in words; with the head office unreachable the status says 离线 and nothing changes;
 * when it answers again, the next check syncs by itself.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaSyncUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static AppContext context;
    static User manager;
    static Customer customer;
    static AppearancePreferences appearance;
    static Preferences preferences;

    @BeforeAll
    static void branchReplicaOfAHeadOffice() {
        System.setProperty("salesdesk.config.dir", dir.resolve("config").toString());
        Path hubDir = dir.resolve("hub");
        try (UiTestWorkspace hub = UiTestWorkspace.create(hubDir)) {
            User atHub = hub.context().currentUser();
            try (Database branch = SyncService.createReplica(new LocalHub(hub.context().database(), UiTestWorkspace.CLOCK),
                    DatabaseConfig.embedded(dir.resolve("branch")), atHub.orgUnitId(), UiTestWorkspace.CLOCK, 100)) {
                assertThat(ReplicaStatus.of(branch)).isPresent();
            }
        }
        new ConnectionProfiles(dir.resolve("config")).save(new ConnectionProfile("总部", ConnectionProfile.Kind.EMBEDDED,
                hubDir.toString(), null, 0, null, null), null);
        Database branch = Database.open(DatabaseConfig.embedded(dir.resolve("branch")));
        manager = new UserService(branch, UiTestWorkspace.CLOCK).defaultUser(DemoWorkspace.DEFAULT_USER).orElseThrow();
        context = new AppContext(branch, UiTestWorkspace.CLOCK, UiTestWorkspace.SAME_THREAD, manager);
        customer = context.customers().page(manager.asActor(), CustomerQuery.all(), 0, 10).get(0);
        preferences = Preferences.userRoot().node("io/salesdesk/test/" + UUID.randomUUID());
        appearance = AppearancePreferences.load(preferences, Locale.SIMPLIFIED_CHINESE);
        appearance.setLanguage(AppearancePreferences.Language.CHINESE);
        appearance.setTheme(AppearancePreferences.Theme.LIGHT);
    }

    @AfterAll
    static void close() throws Exception {
        context.database().close();
        preferences.removeNode();
        System.clearProperty("salesdesk.config.dir");
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new MainWindow(context, appearance).createScene());
        stage.show();
    }

    @Test
    @Order(1)
    void syncNowAsksForTheHeadOfficeOnceSendsTheBranchsEditAndSaysSo(FxRobot robot) throws Exception {
        // At the branch, a customer's phone is changed in the customer form.
        robot.clickOn(robot.lookup("#customerTable .table-row-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        Customer edited = ((TableView<Customer>) robot.lookup("#customerTable").queryAs(TableView.class))
                .getSelectionModel().getSelectedItem();
        robot.clickOn("#editCustomer");
        TextField phone = robot.lookup("#customerPhone").queryAs(TextField.class);
        robot.clickOn(phone).eraseText(phone.getText().length()).write("0512-99990001");
        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ((SyncControl) robot.lookup("#syncControl").query()).sync().refresh());
        assertThat(status(robot)).contains("1 条修改待上传");

        robot.clickOn("#syncNow");
        DialogPane choice = robot.lookup("#hubChoiceDialog").queryAs(DialogPane.class);
        robot.clickOn(choice.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> "关闭".equals(robot.lookup("#syncDialogButton").queryAs(Button.class).getText()));

        assertThat(robot.lookup("#syncProgressText").queryAs(Label.class).getText())
                .startsWith("同步完成：上传 1 条本地修改").endsWith("没有冲突。");
        assertThat(status(robot)).startsWith("已同步 · 今天 09:30").endsWith("没有待上传的修改");
        robot.clickOn("#syncDialogButton");
        try (Database hub = Database.open(DatabaseConfig.embedded(dir.resolve("hub")))) {
            CustomerService atHub = new CustomerService(hub, UiTestWorkspace.CLOCK, new RegionService(hub));
            assertThat(atHub.open(manager.asActor(), edited.id()).orElseThrow().customer().phone())
                    .isEqualTo("0512-99990001");
        }
        String remembered = context.database().transactionResult(cfg -> ReplicaSettings.using(cfg).hubProfile())
                .orElseThrow();
        assertThat(remembered).isEqualTo("总部");
    }

    @Test
    @Order(2)
    void anUnreachableHeadOfficeLeavesTheStatusOfflineAndTheDataAsItWas(FxRobot robot) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        new ConnectionProfiles(dir.resolve("config")).save(new ConnectionProfile("断网的总部",
                ConnectionProfile.Kind.HSQLDB_SERVER, null, "127.0.0.1", closedPort, "salesdesk", "sa"), "secret");
        context.database().transaction(cfg -> ReplicaSettings.using(cfg).setHubProfile("断网的总部"));
        rename("离线时改的名称");
        int waiting = ReplicaStatus.of(context.database()).orElseThrow().waiting();
        robot.interact(() -> ((SyncControl) robot.lookup("#syncControl").query()).sync().refresh());

        robot.clickOn("#syncNow");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> "关闭".equals(robot.lookup("#syncDialogButton").queryAs(Button.class).getText()));

        assertThat(robot.lookup("#syncProgressText").queryAs(Label.class).getText())
                .startsWith("离线：连接不到总部数据库").contains("本地数据没有任何改动");
        assertThat(status(robot)).startsWith("离线 · ").contains(waiting + " 条修改待上传");
        assertThat(robot.lookup(".dialog-pane").queryAll()).hasSize(1); // the sync window, no error dialog
        robot.clickOn("#syncDialogButton");
        assertThat(ReplicaStatus.of(context.database()).orElseThrow().waiting()).isEqualTo(waiting);
        assertThat(context.customers().open(manager.asActor(), customer.id()).orElseThrow().customer().name())
                .isEqualTo("离线时改的名称");
    }

    @Test
    @Order(3)
    void whenTheHeadOfficeAnswersAgainTheNextCheckSyncsByItself(FxRobot robot) throws Exception {
        SyncControl control = (SyncControl) robot.lookup("#syncControl").query();
        robot.interact(() -> control.sync().refresh());
        assertThat(status(robot)).startsWith("离线 · "); // the last attempt, in the test before, found no hub
        // The line is back: the replica's head office is reachable again (not yet five minutes later).
        context.database().transaction(cfg -> ReplicaSettings.using(cfg).setHubProfile("总部"));

        robot.interact(control.sync()::tick);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot).startsWith("已同步"));
        assertThat(status(robot)).endsWith("没有待上传的修改");
        assertThat(robot.lookup(".dialog-pane").queryAll()).isEmpty(); // automatic: no window
        try (Database hub = Database.open(DatabaseConfig.embedded(dir.resolve("hub")))) {
            CustomerService atHub = new CustomerService(hub, UiTestWorkspace.CLOCK, new RegionService(hub));
            assertThat(atHub.open(manager.asActor(), customer.id()).orElseThrow().customer().name())
                    .isEqualTo("离线时改的名称");
        }
    }

    @Test
    @Order(4)
    void aPhoneChangedAtTheHeadOfficeShowsInTheBranchsListAndDetailAfterTheSync(FxRobot robot) throws Exception {
        try (Database hub = Database.open(DatabaseConfig.embedded(dir.resolve("hub")))) {
            CustomerService atHub = new CustomerService(hub, UiTestWorkspace.CLOCK, new RegionService(hub));
            Customer now = atHub.open(manager.asActor(), customer.id()).orElseThrow().customer();
            CustomerDraft d = now.toDraft();
            atHub.update(manager.asActor(), now.id(), now.version(), new CustomerDraft(d.name(), d.creditCode(),
                    d.tier(), d.industry(), d.regionCode(), d.address(), "0512-66668888", d.ownerId()));
        }
        @SuppressWarnings("unchecked")
        TableView<Customer> table = robot.lookup("#customerTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(shownRow(table)));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#syncNow");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> "关闭".equals(robot.lookup("#syncDialogButton").queryAs(Button.class).getText()));
        robot.clickOn("#syncDialogButton");

        // The list kept in memory and the open detail both show the head office's number, without reopening.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "0512-66668888".equals(table.getItems().get(shownRow(table)).phone()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("0512-66668888").tryQuery().isPresent());
    }

    @Test
    @Order(5)
    void theReplicasSettingsShowTheHeadOfficesFieldsWithoutWaysToChangeThem(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#customFieldsAtHeadOffice").queryAs(Label.class).getText())
                .contains("字段由总部定义");
        assertThat(robot.lookup("#addCustomField").tryQuery()).isEmpty();
        assertThat(robot.lookup("#retireCustomField").tryQuery()).isEmpty();
    }

    private static int shownRow(TableView<Customer> table) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).id().equals(customer.id())) {
                return i;
            }
        }
        throw new AssertionError("the customer is not in the list");
    }

    private static void rename(String name) {
        Actor actor = manager.asActor();
        Customer now = context.customers().open(actor, customer.id()).orElseThrow().customer();
        CustomerDraft d = now.toDraft();
        context.customers().update(actor, now.id(), now.version(), new CustomerDraft(name, d.creditCode(), d.tier(),
                d.industry(), d.regionCode(), d.address(), d.phone(), d.ownerId()));
    }

    private static String status(FxRobot robot) {
        Node label = robot.lookup("#syncStatus").query();
        return ((Label) label).getText();
    }
}
