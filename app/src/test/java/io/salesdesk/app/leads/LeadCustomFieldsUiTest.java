package io.salesdesk.app.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
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

/** A lead's own fields are filled in the new-lead form, saved with the lead and shown in its detail. */
@ExtendWith(ApplicationExtension.class)
class LeadCustomFieldsUiTest {

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
        context.customFields().define(context.currentUser().asActor(), CustomEntity.LEAD,
                new CustomFieldDraft("预算", "budget", FieldType.TEXT, List.of(), false, null, null));
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
    void aLeadFieldIsSavedWithTheLeadAndShownInItsDetail(FxRobot robot) {
        robot.clickOn("#nav-LEADS");
        robot.clickOn("#newLead");
        robot.clickOn("#leadName").write("Hangzhou Dental Clinic");
        TextField budget = robot.lookup("#custom-budget").queryAs(TextField.class);
        robot.interact(() -> budget.setText("80 万，明年一季度"));
        robot.clickOn("#leadSave");
        WaitForAsyncUtils.waitForFxEvents();

        Lead shown = robot.lookup("#leadDetail").queryAs(LeadDetailPane.class).current();
        assertThat(shown).isNotNull();
        assertThat(shown.name()).isEqualTo("Hangzhou Dental Clinic");
        assertThat(context.customFields().values(CustomEntity.LEAD, shown.id()))
                .containsExactly(entry("budget", "80 万，明年一季度"));
        assertThat(robot.lookup("#leadDetail .label").match(n -> "80 万，明年一季度".equals(((Label) n).getText()))
                .tryQuery()).isPresent();
    }
}
