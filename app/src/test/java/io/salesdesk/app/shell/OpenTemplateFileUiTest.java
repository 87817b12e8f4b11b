package io.salesdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.template.InstalledTemplate;
import io.salesdesk.studio.template.Template;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * A manager double-clicks a .sdtemplate file a colleague sent: SalesDesk starts as usual, and once the
 * workspace is open it shows what the template adds; 安装 installs it. A file that went missing is explained.
 */
@ExtendWith(ApplicationExtension.class)
class OpenTemplateFileUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    MainWindow window;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        // As SalesDeskApplication starts it: the window first, the workspace attached when it is open.
        window = new MainWindow(workspace.appearance());
        stage.setScene(window.createScene());
        stage.show();
    }

    private void startWith(FxRobot robot, Path file) {
        startWith(robot, file, workspace.context());
    }

    private void startWith(FxRobot robot, Path file, io.salesdesk.app.AppContext context) {
        robot.interact(() -> window.openAfterSignIn(file));
        // Not robot.interact: the plan dialog waits for an answer on the FX thread.
        javafx.application.Platform.runLater(() -> window.attach(context));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aTemplateFileOpenedAtStartShowsItsPlanAndInstallsWithTheButton(FxRobot robot) throws Exception {
        Path file = dir.resolve("大客户 攻坚.sdtemplate");
        try (InputStream in = Template.class.getResourceAsStream("builtin/key-account.json")) {
            Files.write(file, in.readAllBytes());
        }

        startWith(robot, file);

        DialogPane plan = robot.lookup("#templatePlanDialog").queryAs(DialogPane.class);
        assertThat(plan.getHeaderText()).isEqualTo("安装“大客户专项攻坚”（v2）将做以下改动");
        assertThat(robot.from(plan).lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("字段 · 技术联系人", "看板 · 大客户专项攻坚看板");
        assertThat(workspace.context().templates().installed()).isEmpty();
        robot.clickOn("#templatePlanInstall");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane done = robot.lookup("#templateMessage").queryAs(DialogPane.class);
        assertThat(done.getContentText()).startsWith("已安装“大客户专项攻坚”");
        robot.clickOn(done.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(workspace.context().templates().installed()).extracting(InstalledTemplate::templateId)
                .containsExactly("key-account");
        assertThat(workspace.context().customFields().fields(CustomEntity.CUSTOMER)).extracting(CustomField::key)
                .contains("tech_contact", "competitor");
        // The window is usable under it, and the tour stays away this start (it would point past the plan).
        assertThat(robot.lookup("#nav-CUSTOMERS").tryQuery()).isPresent();
        robot.interact(window::startTourIfNew);
        assertThat(robot.lookup("#tourLayer").tryQuery()).isEmpty();

        // The same file opened again is a check of what is there, not an "upgrade from v2 to v2".
        javafx.application.Platform.runLater(() -> window.openTemplate(file));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane again = robot.lookup("#templatePlanDialog").queryAs(DialogPane.class);
        assertThat(again.getHeaderText()).isEqualTo("“大客户专项攻坚” v2 已安装在这个工作区");
        assertThat(again.lookup("#templatePlanInstall").isDisabled()).isTrue();
        robot.clickOn(again.lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void whereSignInIsRequiredThePlanWaitsUntilSomeoneHasSignedIn(FxRobot robot) throws Exception {
        io.salesdesk.crm.User manager = workspace.context().users().byUsername("manager.sh").orElseThrow();
        workspace.context().signIn().setPasswordBySystem(manager.id(), "salesdesk".toCharArray(), false,
                io.salesdesk.core.ChangeReason.of(io.salesdesk.core.ChangeReason.Kind.SYSTEM, "test"));
        // The app as it starts on this workspace now: nobody chosen, sign-in required.
        io.salesdesk.app.AppContext signInContext = new io.salesdesk.app.AppContext(
                workspace.context().database(), UiTestWorkspace.CLOCK, UiTestWorkspace.SAME_THREAD, null);
        Path file = dir.resolve("trial.sdtemplate");
        try (InputStream in = Template.class.getResourceAsStream("builtin/edtech-trial.json")) {
            Files.write(file, in.readAllBytes());
        }

        startWith(robot, file, signInContext);

        assertThat(robot.lookup("#signInPane").tryQuery()).isPresent();
        assertThat(robot.lookup("#templatePlanDialog").tryQuery()).isEmpty();
        robot.clickOn("#signInUsername").write("manager.sh");
        robot.clickOn("#signInPassword").write("salesdesk").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane plan = robot.lookup("#templatePlanDialog").queryAs(DialogPane.class);
        assertThat(plan.getHeaderText()).isEqualTo("安装“教育科技试听转化”（v1）将做以下改动");
        robot.clickOn(plan.lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workspace.context().templates().installed()).extracting(InstalledTemplate::templateId)
                .doesNotContain("edtech-trial");
    }

    @Test
    void aTemplateFileThatIsGoneOrNoTemplateIsExplainedAndTheWindowStays(FxRobot robot) throws Exception {
        Path gone = dir.resolve("moved-away.sdtemplate");

        startWith(robot, gone);

        DialogPane message = robot.lookup("#templateMessage").queryAs(DialogPane.class);
        assertThat(message.getHeaderText()).isEqualTo("无法从“moved-away.sdtemplate”安装模板");
        assertThat(message.getContentText()).startsWith("找不到模板文件 " + gone.toAbsolutePath() + "。");
        robot.clickOn(message.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.attached()).isTrue();

        Path notATemplate = Files.writeString(dir.resolve("notes.sdtemplate"), "客户名单\n张三, 13800000000\n");
        robot.interact(() -> new io.salesdesk.app.studio.templates.TemplateInstall(workspace.context(), () -> { })
                .file(notATemplate));
        WaitForAsyncUtils.waitForFxEvents();
        message = robot.lookup("#templateMessage").queryAs(DialogPane.class);
        assertThat(message.getHeaderText()).isEqualTo("无法从“notes.sdtemplate”安装模板");
        assertThat(message.getContentText()).startsWith("模板文件不是有效的 JSON：第 1 行");
        robot.clickOn(message.lookupButton(ButtonType.OK));
    }
}
