package io.salesdesk.app.studio.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.board.BoardKind;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.template.InstalledTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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

/** A manager installs 大客户专项攻坚 from the gallery, sees what it adds, and uninstalls it again. */
@ExtendWith(ApplicationExtension.class)
class TemplatesUiTest {

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

    private static void scrollTo(FxRobot robot, String id) {
        Node section = robot.lookup(id).query();
        ScrollPane scroll = robot.lookup(".scroll-pane").match(n -> ((ScrollPane) n).getContent() != null
                && ((ScrollPane) n).getContent().lookup(id) != null).queryAs(ScrollPane.class);
        robot.interact(() -> {
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double view = scroll.getViewportBounds().getHeight();
            double top = section.getBoundsInParent().getMinY();
            scroll.setVvalue(Math.min(1, top / Math.max(1, content - view)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void press(FxRobot robot, String dialogId, ButtonType type) {
        DialogPane pane = robot.lookup(dialogId).queryAs(DialogPane.class);
        robot.clickOn(pane.lookupButton(type));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static java.util.List<String> customerFieldKeys() {
        return context.customFields().fields(CustomEntity.CUSTOMER).stream().map(CustomField::key).toList();
    }

    @Test
    void aTemplateInstalledFromTheGalleryAddsItsFieldsBoardAndRuleAndUninstallsAgain(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();
        scrollTo(robot, "#templatesSection");
        // A manager may not install a template with approval flows and SLAs: the card says so.
        assertThat(robot.lookup("#installTemplate-medical-regional").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#installTemplate-key-account");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane plan = robot.lookup("#templatePlanDialog").queryAs(DialogPane.class);
        assertThat(robot.from(plan).lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("字段 · 技术联系人", "字段 · 竞争对手", "看板 · 大客户专项攻坚看板");
        robot.clickOn("#templatePlanInstall");
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, "#templateMessage", ButtonType.OK);

        assertThat(customerFieldKeys()).contains("key_account", "tech_contact", "tech_contact_title", "competitor",
                "attack_stage");
        assertThat(context.boards().boards(BoardKind.OPPORTUNITY)).extracting(b -> b.name()).contains("大客户专项攻坚看板");
        assertThat(context.templates().installed()).extracting(InstalledTemplate::templateId).containsExactly("key-account");
        assertThat(robot.lookup("#templateInstalled-key-account").queryAs(Label.class).getText()).startsWith("已安装 v1");

        robot.clickOn("#uninstallTemplate-key-account");
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, "#templateUninstallConfirm", ButtonType.OK);
        press(robot, "#templateMessage", ButtonType.OK);

        assertThat(customerFieldKeys()).doesNotContain("key_account", "tech_contact");
        assertThat(context.templates().installed()).isEmpty();
        assertThat(robot.lookup("#installTemplate-key-account").tryQuery()).isPresent();
    }

    @Test
    void aBrokenOrNewerTemplateFileIsRefusedWithAMessageAndInstallsNothing(FxRobot robot) throws Exception {
        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();
        TemplatesSection section = robot.lookup("#templatesSection").queryAs(TemplatesSection.class);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"format\": 1,\n  \"id\": \"x\"\n  \"name\": 1\n}");
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, "{\"format\": 2, \"id\": \"future\", \"version\": 1, \"name\": {\"zh\": \"未来\"}}");
        int fieldsBefore = customerFieldKeys().size();

        robot.interact(() -> section.installFrom(broken));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane message = robot.lookup("#templateMessage").queryAs(DialogPane.class);
        assertThat(message.getContentText()).startsWith("模板文件不是有效的 JSON：第 4 行");
        press(robot, "#templateMessage", ButtonType.OK);

        robot.interact(() -> section.installFrom(newer));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#templateMessage").queryAs(DialogPane.class).getContentText())
                .isEqualTo("这个模板使用第 2 版文件格式，当前 SalesDesk 只支持到第 1 版。请升级 SalesDesk 后再安装。");
        press(robot, "#templateMessage", ButtonType.OK);

        assertThat(customerFieldKeys()).hasSize(fieldsBefore);
        assertThat(context.templates().installed()).extracting(InstalledTemplate::templateId).doesNotContain("future");
    }
}
