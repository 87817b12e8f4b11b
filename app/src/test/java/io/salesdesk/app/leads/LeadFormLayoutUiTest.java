package io.salesdesk.app.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.form.FormPlacement;
import io.salesdesk.studio.form.FormSection;
import io.salesdesk.studio.form.VisibleWhen;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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

/** 新建线索 drawn from the lead form's layout: its sections, a required phone, a note asked for trade fairs only. */
@ExtendWith(ApplicationExtension.class)
class LeadFormLayoutUiTest {

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

    @Test
    void aLeadFromATradeFairNeedsANoteAndEveryLeadAPhone(FxRobot robot) throws Exception {
        context.formLayouts().save(context.currentUser().asActor(), CustomEntity.LEAD, 0, List.of(
                new FormSection("来源", "Source", 1, List.of(
                        FormPlacement.of("source", false),
                        new FormPlacement("note", true, true,
                                new VisibleWhen("source", VisibleWhen.Operator.EQUALS, "展会"), Set.of()))),
                new FormSection("线索", "Lead", 2, List.of(
                        FormPlacement.of("name", true).withRequired(true),
                        FormPlacement.of("phone", false).withRequired(true),
                        FormPlacement.of("address", true)))));

        robot.clickOn("#nav-LEADS");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#newLead");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".form-section-title").queryAllAs(Label.class)).extracting(Label::getText)
                .startsWith("来源", "线索");
        FormField note = (FormField) robot.lookup("#leadNote").query().getParent();
        assertThat(note.isVisible()).isFalse();
        @SuppressWarnings("unchecked")
        ComboBox<String> source = robot.lookup("#leadSource").queryAs(ComboBox.class);
        robot.interact(() -> {
            robot.lookup("#leadName").queryAs(TextField.class).setText("宁波展会咨询");
            source.getEditor().setText("展会");
        });
        assertThat(note.isVisible()).isTrue();

        robot.clickOn("#leadSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.problemLabel().getText()).isEqualTo("“备注”为必填项。");
        FormField phone = (FormField) robot.lookup("#leadPhone").query().getParent();
        assertThat(phone.problemLabel().getText()).isEqualTo("“电话”为必填项。");

        robot.interact(() -> {
            robot.lookup("#leadPhone").queryAs(TextField.class).setText("13812345678");
            robot.lookup("#leadNote").queryAs(TextArea.class).setText("展会上要了报价单");
        });
        robot.clickOn("#leadSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#leadSave").tryQuery().isEmpty());
    }
}
