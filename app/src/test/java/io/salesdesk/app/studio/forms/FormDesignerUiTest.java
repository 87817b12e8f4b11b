package io.salesdesk.app.studio.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.studio.form.FormLayout;
import io.salesdesk.studio.form.FormLayouts;
import io.salesdesk.studio.form.FormPlacement;
import io.salesdesk.studio.form.FormSection;
import io.salesdesk.studio.form.PlaceableField;
import io.salesdesk.studio.form.VisibleWhen;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * A manager opens Settings → 表单设计, drags a custom field from the palette into the 基本信息 section, marks
 * it required and saves; the 新建客户 form then shows it there, required.
 */
@ExtendWith(ApplicationExtension.class)
class FormDesignerUiTest {

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
        var manager = context.currentUser().asActor();
        context.customFields().define(manager, CustomEntity.CUSTOMER, new CustomFieldDraft("客户来源", "source",
                FieldType.SINGLE_CHOICE, List.of("展会", "招标", "转介绍"), false, null, null));
        context.customFields().define(manager, CustomEntity.CUSTOMER, new CustomFieldDraft("招标编号", "tender_no",
                FieldType.TEXT, List.of(), false, null, null));
    }

    /** An earlier layout left the custom fields off the form: they wait in the designer's palette. */
    private static void startFromStandardFieldsOnly() {
        long version = context.formLayouts().layout(CustomEntity.CUSTOMER).version();
        context.formLayouts().save(context.currentUser().asActor(), CustomEntity.CUSTOMER, version,
                FormLayouts.defaultSections(CustomEntity.CUSTOMER));
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

    private static void openDesigner(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();
        Node section = robot.lookup("#formLayoutsSection").query();
        ScrollPane scroll = robot.lookup(".scroll-pane").match(n -> ((ScrollPane) n).getContent() != null
                && ((ScrollPane) n).getContent().lookup("#formLayoutsSection") != null).queryAs(ScrollPane.class);
        robot.interact(() -> {
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double view = scroll.getViewportBounds().getHeight();
            double top = section.getBoundsInParent().getMinY();
            scroll.setVvalue(Math.min(1, top / Math.max(1, content - view)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#openFormDesigner");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> tilesOf(FxRobot robot, String sectionId) {
        Parent section = robot.lookup("#" + sectionId).queryAs(Parent.class);
        return section.lookupAll(".fm-tile").stream().map(Node::getId).toList();
    }

    @Test
    void aFieldDraggedIntoASectionAndMarkedRequiredIsRequiredThereInTheNewCustomerForm(FxRobot robot)
            throws Exception {
        startFromStandardFieldsOnly();
        openDesigner(robot);
        assertThat(robot.lookup("#palette-custom_tender_no").tryQuery()).isPresent();

        robot.drag("#palette-custom_tender_no").dropTo("#tile-phone");
        WaitForAsyncUtils.waitForFxEvents();

        // Dropped on 电话: it sits just before it in 基本信息, and has left the palette.
        assertThat(tilesOf(robot, "section-0")).containsSubsequence("tile-creditCode", "tile-custom_tender_no",
                "tile-phone");
        assertThat(robot.lookup("#palette-custom_tender_no").tryQuery()).isEmpty();

        robot.clickOn("#tile-custom_tender_no");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#placementName").queryAs(Label.class).getText()).isEqualTo("招标编号");
        robot.clickOn("#placementRequired");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tile-custom_tender_no .fm-required").tryQuery()).isPresent();

        robot.clickOn("#saveForm");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#formDesignerStatus").queryAs(Label.class).getText()).contains("已保存");
        FormLayout saved = context.formLayouts().layout(CustomEntity.CUSTOMER);
        FormSection basics = saved.sections().get(0);
        assertThat(basics.fields()).extracting(FormPlacement::field)
                .containsSubsequence("creditCode", "custom.tender_no", "phone");
        assertThat(saved.placement("custom.tender_no").orElseThrow().required()).isTrue();

        Window designer = robot.lookup("#formDesigner").query().getScene().getWindow();
        robot.interact(designer::hide);
        robot.clickOn("#nav-CUSTOMERS");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#newCustomer");
        WaitForAsyncUtils.waitForFxEvents();

        FormField tender = (FormField) robot.lookup("#custom-tender_no").query().getParent();
        assertThat(tender.labelText()).isEqualTo("招标编号");
        assertThat(((Label) tender.getChildren().get(0)).getText()).isEqualTo("招标编号 *");
        Node sectionBox = tender.getParent().getParent();
        assertThat(((Label) sectionBox.lookup(".form-section-title")).getText()).isEqualTo("基本信息");

        robot.interact(() -> robot.lookup("#customerName").queryAs(TextField.class).setText("温州设计器测试医院"));
        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertThat(tender.problemLabel().getText()).isEqualTo("“招标编号”为必填项。");
        robot.interact(() -> robot.lookup("#customerSave").query().getScene().getWindow().hide());
    }

    @Test
    void aTenderSectionBuiltInTheDesignerShowsTheTenderNumberOnlyForTenders(FxRobot robot) {
        startFromStandardFieldsOnly();
        openDesigner(robot);
        robot.clickOn("#addFormSection");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#sectionTitle-1").queryAs(TextField.class).setText("招投标"));
        robot.clickOn("#sectionOneColumn-1");
        WaitForAsyncUtils.waitForFxEvents();
        robot.drag("#palette-custom_source").dropTo("#sectionDrop-1");
        WaitForAsyncUtils.waitForFxEvents();
        robot.drag("#palette-custom_tender_no").dropTo("#sectionDrop-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tilesOf(robot, "section-1")).containsExactly("tile-custom_source", "tile-custom_tender_no");

        robot.clickOn("#tile-custom_tender_no");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#placementConditional");
        @SuppressWarnings("unchecked")
        ComboBox<PlaceableField> on = robot.lookup("#conditionField").queryAs(ComboBox.class);
        robot.interact(() -> on.setValue(on.getItems().stream().filter(f -> f.name().equals("custom.source"))
                .findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        ComboBox<String> value = robot.lookup("#conditionValue").queryAs(ComboBox.class);
        robot.interact(() -> value.setValue("招标"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tile-custom_tender_no .fm-badge").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("客户来源 等于 招标");

        // 预览 draws the real form from the unsaved layout.
        robot.clickOn("#previewForm");
        WaitForAsyncUtils.waitForFxEvents();
        FormField tender = (FormField) robot.lookup("#custom-tender_no").query().getParent();
        assertThat(tender.isVisible()).isFalse();
        @SuppressWarnings("unchecked")
        ComboBox<String> source = robot.lookup("#custom-source").queryAs(ComboBox.class);
        robot.interact(() -> source.setValue("招标"));
        assertThat(tender.isVisible()).isTrue();
        robot.interact(() -> tender.getScene().getWindow().hide());

        robot.clickOn("#saveForm");
        WaitForAsyncUtils.waitForFxEvents();
        FormLayout saved = context.formLayouts().layout(CustomEntity.CUSTOMER);
        FormSection tenders = saved.sections().get(1);
        assertThat(tenders.titleZh()).isEqualTo("招投标");
        assertThat(tenders.columns()).isEqualTo(1);
        assertThat(saved.placement("custom.tender_no").orElseThrow().visibleWhen())
                .isEqualTo(new VisibleWhen("custom.source", VisibleWhen.Operator.EQUALS, "招标"));
        robot.interact(() -> robot.lookup("#formDesigner").query().getScene().getWindow().hide());
    }
}
