package io.salesdesk.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.crm.User;
import io.salesdesk.workflow.notify.Notification;
import io.salesdesk.workflow.notify.NotificationRepository;

/** The inbox in the navigation: the unread count, and opening it lists the messages and reads them. */
@ExtendWith(ApplicationExtension.class)
class InboxUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static User manager;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        manager = context.users().byUsername("manager.zj").orElseThrow();
        context.setCurrentUser(manager);
        context.database().transaction(cfg -> NotificationRepository.using(cfg, context.clock()).send(
                List.of(manager.id()), "sla.escalate", "督办：杭州西湖医院", "客户「杭州西湖医院」已 3 天未跟进。",
                "customer", null));
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
    void theUnreadCountShowsAndOpeningTheInboxReadsTheMessages(FxRobot robot) throws Exception {
        Label badge = robot.lookup("#inboxBadge").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, badge::isVisible);
        assertThat(badge.getText()).isEqualTo("1");

        robot.clickOn("#inboxButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#inboxList").tryQuery().isPresent());
        ListView<Notification> list = robot.lookup("#inboxList").queryAs(ListView.class);

        assertThat(list.getItems()).extracting(Notification::title).containsExactly("督办：杭州西湖医院");
        assertThat(badge.isVisible()).isFalse();
        assertThat(context.notifications().unreadCount(manager.asActor())).isZero();

        robot.interact(() -> robot.lookup("#inboxButton").query().getScene().getWindow().hide());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#inboxList").tryQuery()).as("the list closes with its window").isEmpty();
    }
}
