package io.salesdesk.app.settings;

import io.salesdesk.app.UiRobots;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpServer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
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
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.workflow.notify.channel.Channel;
import io.salesdesk.workflow.notify.channel.ChannelKind;
import io.salesdesk.workflow.notify.channel.ChannelRepository;
import io.salesdesk.workflow.notify.channel.ChannelSettings;
import io.salesdesk.workflow.notify.channel.Delivery;

/**
 * The administrator adds a DingTalk group robot in Settings, sends a test through it to a stand-in
 * robot on 127.0.0.1, and reads the channel log; the saved secret shows only as ••••.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationChannelsUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static HttpServer robotServer;
    static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void openWorkspace() throws IOException {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        context.setCurrentUser(context.users().byUsername("admin").orElseThrow());
        robotServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        robotServer.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getRawQuery() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ok);
            }
        });
        robotServer.start();
    }

    @AfterAll
    static void closeWorkspace() {
        robotServer.stop(0);
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @Test
    void aDingTalkRobotIsAddedTestedAndItsLogShown(FxRobot robot) throws TimeoutException {
        String url = "http://127.0.0.1:" + robotServer.getAddress().getPort() + "/robot/send?access_token=t0";
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#channelAdd");
        @SuppressWarnings("unchecked")
        ComboBox<ChannelKind> newKind = robot.lookup("#channelNewKind").queryAs(ComboBox.class);
        robot.interact(() -> newKind.setValue(ChannelKind.DINGTALK));
        robot.clickOn("#channelAdd");
        WaitForAsyncUtils.waitForFxEvents();

        UiRobots.reveal(robot, "#channelSave");
        robot.clickOn("#channelSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#channelResult").queryAs(Label.class).getText()).as("nothing filled in")
                .contains(I18n.get("channels.name.required")).contains(I18n.get("channels.url.required"));

        robot.clickOn("#channelName").write("SalesGroup");
        robot.clickOn("#channelUrl").write(url);
        robot.clickOn("#channelSecret").write("SECabc123");
        UiRobots.reveal(robot, "#channelSave");
        robot.clickOn("#channelSave");
        WaitForAsyncUtils.waitForFxEvents();

        List<Channel> saved = context.database().transactionResult(
                cfg -> ChannelRepository.using(cfg, context.clock()).all());
        assertThat(saved).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChannelKind.DINGTALK);
            assertThat(c.settings().secret()).isEqualTo("SECabc123");
        });
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#channelTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);

        UiRobots.reveal(robot, "#channelEdit-SalesGroup");
        robot.clickOn("#channelEdit-SalesGroup");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#channelSecret").queryAs(PasswordField.class).getText())
                .isEqualTo(ChannelSettings.MASK);
        UiRobots.reveal(robot, "#channelTest");
        robot.clickOn("#channelTest");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> I18n.get("channels.test.ok").equals(robot.lookup("#channelResult").queryAs(Label.class).getText()));
        assertThat(received).singleElement().satisfies(r -> assertThat(r)
                .startsWith("access_token=t0&timestamp=").contains("&sign=").contains("SalesDesk"));
        UiRobots.screenshot(robot, "#mainRoot", "notification-channels-form.png");

        robot.clickOn("#channelCancel");
        WaitForAsyncUtils.waitForFxEvents();
        UiRobots.reveal(robot, "#channelLog-SalesGroup");
        robot.clickOn("#channelLog-SalesGroup");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<Delivery> log = robot.lookup("#channelLogTable").queryAs(TableView.class);
        assertThat(log.getItems()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
            assertThat(d.outboxId()).as("a test send").isNull();
        });
        assertThat(table.getItems()).singleElement().satisfies(s -> assertThat(s.toString()).doesNotContain("SECabc123"));
        UiRobots.reveal(robot, "#channelLogTable");
        UiRobots.screenshot(robot, "#mainRoot", "notification-channels-log.png");
    }
}
