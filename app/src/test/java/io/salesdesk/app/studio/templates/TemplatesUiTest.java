package io.salesdesk.app.studio.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.board.BoardKind;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.studio.template.InstalledTemplate;
import io.salesdesk.studio.template.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Presses a gallery button wherever the card is scrolled to; later, as the dialog it opens waits on the FX thread. */
    private static void fire(FxRobot robot, String id) {
        Button button = robot.lookup(id).queryAs(Button.class);
        javafx.application.Platform.runLater(button::fire);
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
        assertThat(robot.lookup("#templateInstalled-key-account").queryAs(Label.class).getText()).startsWith("已安装 v2");

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

    @Test
    void aFieldOfAnotherTypeShowsAConflictAndTheInstallStaysOff(FxRobot robot) {
        CustomField mine = context.customFields().define(context.currentUser().asActor(), CustomEntity.CUSTOMER,
                new CustomFieldDraft("门店编号", "store_no", FieldType.NUMBER, List.of(), false, null, null));
        try {
            robot.clickOn("#nav-SETTINGS");
            WaitForAsyncUtils.waitForFxEvents();
            fire(robot, "#installTemplate-store-sales");

            DialogPane plan = robot.lookup("#templatePlanDialog").queryAs(DialogPane.class);
            assertThat(robot.from(plan).lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                    .contains("冲突，无法安装（1）：请先处理这些字段",
                            "字段 · 门店编号：工作区已有同一标识的字段，类型是“数字”，模板的是“单行文本”");
            assertThat(robot.lookup("#templatePlanInstall").queryAs(Button.class).isDisabled()).isTrue();
            press(robot, "#templatePlanDialog", ButtonType.CANCEL);
            assertThat(context.templates().installed()).extracting(InstalledTemplate::templateId)
                    .doesNotContain("store-sales");
        } finally {
            CustomField now = context.customFields().allFields(CustomEntity.CUSTOMER).stream()
                    .filter(f -> f.id().equals(mine.id())).findFirst().orElseThrow();
            context.customFields().retire(context.currentUser().asActor(), now.id(), now.version());
        }
    }

    @Test
    void anInstalledTemplateOlderThanTheBuiltInOffersAnUpgradeThatKeepsWhatWasChanged(FxRobot robot)
            throws Exception {
        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();
        TemplatesSection section = robot.lookup("#templatesSection").queryAs(TemplatesSection.class);
        // Version 1 of 大客户专项攻坚: no 攻坚阶段, escalation after 21 days, 技术对接人 for 技术联系人.
        String builtIn;
        try (var in = Template.class.getResourceAsStream("builtin/key-account.json")) {
            builtIn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int stage = builtIn.indexOf("    { \"entity\": \"CUSTOMER\", \"key\": \"attack_stage\"");
        String v1 = (builtIn.substring(0, stage) + builtIn.substring(builtIn.indexOf("},", stage) + 3))
                .replace("\"version\": 2", "\"version\": 1").replace("\"days\": 14", "\"days\": 21")
                .replace("\"label\": \"技术联系人\"", "\"label\": \"技术对接人\"");
        Path old = dir.resolve("key-account-v1.json");
        Files.writeString(old, v1);
        // Not robot.interact: the plan dialog waits for an answer on the FX thread.
        javafx.application.Platform.runLater(() -> section.installFrom(old));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#templatePlanInstall");
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, "#templateMessage", ButtonType.OK);
        CustomField contact = context.customFields().fields(CustomEntity.CUSTOMER).stream()
                .filter(f -> f.key().equals("tech_contact")).findFirst().orElseThrow();
        context.customFields().update(context.currentUser().asActor(), contact.id(), contact.version(),
                new CustomFieldDraft("技术负责人", null, FieldType.TEXT, List.of(), false, null, null));

        scrollTo(robot, "#templatesSection");
        assertThat(robot.lookup("#upgradeTemplate-key-account").queryAs(Button.class).getText()).isEqualTo("升级到 v2");
        fire(robot, "#upgradeTemplate-key-account");
        DialogPane plan = robot.lookup("#templatePlanDialog").queryAs(DialogPane.class);
        assertThat(plan.getHeaderText()).isEqualTo("将“大客户专项攻坚”从 v1 升级到 v2，做以下改动");
        assertThat(robot.from(plan).lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("字段 · 攻坚阶段", "将更新：新版本有修改，安装后没人改过（1）",
                        "自动化规则 · 大客户 14 天无拜访：升级督办并提醒经理",
                        "新版本有修改，但安装后被改过，保留不动（1）", "字段 · 技术联系人");
        robot.clickOn("#templatePlanInstall");
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, "#templateMessage", ButtonType.OK);

        assertThat(context.templates().installed()).filteredOn(i -> i.templateId().equals("key-account"))
                .singleElement().satisfies(i -> assertThat(i.version()).isEqualTo(2));
        assertThat(customerFieldKeys()).contains("attack_stage");
        assertThat(robot.lookup("#upgradeTemplate-key-account").tryQuery()).isEmpty();

        robot.clickOn("#uninstallTemplate-key-account");
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, "#templateUninstallConfirm", ButtonType.OK);
        press(robot, "#templateMessage", ButtonType.OK);
    }
}
