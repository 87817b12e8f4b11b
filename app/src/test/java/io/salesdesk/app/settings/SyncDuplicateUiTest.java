package io.salesdesk.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.SyncService;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/**
 * A branch created offline a company the head office created meanwhile: after the branch syncs, an
 * administrator sees the duplicate in words in 同步冲突 and merges the two with 合并.
 */
@ExtendWith(ApplicationExtension.class)
class SyncDuplicateUiTest {

    private static final String COMPANY = "杭州某某有限公司";

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static Customer atHub;
    static Customer fromBranch;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir.resolve("hub"));
        context = workspace.context();
        context.setCurrentUser(context.users().byUsername("admin").orElseThrow());
        Actor admin = context.currentUser().asActor();
        Customer any = context.customers().page(admin, CustomerQuery.all(), 0, 50).stream()
                .filter(c -> c.ownerId() != null).findFirst().orElseThrow();
        User owner = context.users().all().stream().filter(u -> u.id().equals(any.ownerId())).findFirst()
                .orElseThrow();
        LocalHub hub = new LocalHub(context.database(), UiTestWorkspace.CLOCK);
        try (Database branch = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("branch")),
                owner.orgUnitId(), UiTestWorkspace.CLOCK, 500)) {
            atHub = context.customers().create(admin, new CustomerDraft(COMPANY, null, Tier.B, null, "330106", null,
                    null, owner.id()));
            CustomerService atBranch = new CustomerService(branch, UiTestWorkspace.CLOCK, new RegionService(branch));
            fromBranch = atBranch.create(owner.asActor(), new CustomerDraft(COMPANY, null, Tier.A, null, "330106",
                    "西湖区文三路 9 号", null, owner.id()));
            atBranch.addContact(owner.asActor(), fromBranch.id(), new ContactDraft("刘主任", null, "13800138000", null,
                    null, null, true, null));
            new SyncService(branch, UiTestWorkspace.CLOCK).sync(hub);
        }
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
    @SuppressWarnings("unchecked")
    void anAdministratorMergesTheTwoCustomersOfADuplicate(FxRobot robot) throws Exception {
        robot.clickOn("#nav-SETTINGS");
        TableView<SyncConflictsSection.Line> table = robot.lookup("#syncConflictTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        SyncConflictsSection.Line line = table.getItems().get(0);
        assertThat(line.record()).isEqualTo("两个分支都新建了“杭州某某有限公司”");
        assertThat(line.field()).isEqualTo("名称相同");
        assertThat(line.hubValue()).startsWith("已有：杭州某某有限公司（");
        assertThat(line.field()).isNotEmpty();

        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(robot.lookup("#syncKeepHub").query().isDisabled()).isTrue();
        // The merge dialog waits for the user: fired later on the FX thread, not inside interact().
        javafx.application.Platform.runLater(() -> robot.lookup("#syncDuplicateMerge").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customerMergeConfirm").tryQuery().isPresent());
        UiRobots.screenshot(robot, "#customerMergeConfirm", "sync-duplicate-merge.png");
        robot.clickOn("#customerMergeConfirm");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customerMergeSummary").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#customerMergeSummary").query().getScene().getWindow().hide());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().isEmpty());

        Actor admin = context.currentUser().asActor();
        assertThat(context.customers().open(admin, fromBranch.id())).isEmpty();
        assertThat(context.customers().open(admin, atHub.id()).orElseThrow().contacts())
                .extracting(c -> c.name()).containsExactly("刘主任");
    }
}
