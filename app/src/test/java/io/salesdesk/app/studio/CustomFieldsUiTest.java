package io.salesdesk.app.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.crm.Customer;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
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

/** A manager adds custom fields in Settings; they appear in the customer form, are checked, saved and shown. */
@ExtendWith(ApplicationExtension.class)
class CustomFieldsUiTest {

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

    private static void addField(FxRobot robot, String label, FieldType type, String choices, boolean required) {
        robot.clickOn("#addCustomField");
        WaitForAsyncUtils.waitForFxEvents();
        TextField name = robot.lookup("#customFieldLabel").queryAs(TextField.class);
        @SuppressWarnings("unchecked")
        ComboBox<FieldType> kind = robot.lookup("#customFieldType").queryAs(ComboBox.class);
        robot.interact(() -> {
            name.setText(label);
            kind.setValue(type);
            if (choices != null) {
                robot.lookup("#customFieldChoices").queryAs(TextArea.class).setText(choices);
            }
            robot.lookup("#customFieldRequired").queryAs(CheckBox.class).setSelected(required);
        });
        robot.clickOn("#customFieldSave");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void fieldsAddedInSettingsAreFilledInTheCustomerFormCheckedAndShown(FxRobot robot) throws Exception {
        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();
        // Settings is taller than the window: bring the section into view as a user scrolls to it.
        Node section = robot.lookup("#customFieldsSection").query();
        ScrollPane scroll = robot.lookup(".scroll-pane").match(n -> ((ScrollPane) n).getContent() != null
                && ((ScrollPane) n).getContent().lookup("#customFieldsSection") != null).queryAs(ScrollPane.class);
        robot.interact(() -> {
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double view = scroll.getViewportBounds().getHeight();
            double top = section.getBoundsInParent().getMinY();
            scroll.setVvalue(Math.min(1, top / Math.max(1, content - view)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        addField(robot, "床位数", FieldType.NUMBER, null, false);
        addField(robot, "医院等级", FieldType.SINGLE_CHOICE, "三甲\n三乙\n二甲", true);

        @SuppressWarnings("unchecked")
        TableView<CustomField> fields = robot.lookup("#customFieldTable").queryAs(TableView.class);
        assertThat(fields.getItems()).extracting(CustomField::label).containsExactly("床位数", "医院等级");

        robot.clickOn("#nav-CUSTOMERS");
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<Customer> customers = robot.lookup("#customerTable").queryAs(TableView.class);
        robot.clickOn(robot.lookup("#customerTable .table-row-cell").nth(1).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        Customer chosen = customers.getSelectionModel().getSelectedItem();
        robot.clickOn("#editCustomer");
        WaitForAsyncUtils.waitForFxEvents();

        TextField beds = robot.lookup("#custom-number_1").queryAs(TextField.class);
        robot.interact(() -> beds.setText("五百"));
        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitForFxEvents();
        // Both problems at their fields, and nothing saved.
        assertThat(((FormField) beds.getParent()).hasProblem()).isTrue();
        Node grade = robot.lookup("#custom-single_choice_1").query();
        assertThat(((FormField) grade.getParent()).problemLabel().getText()).contains("医院等级");
        assertThat(context.customFields().values(CustomEntity.CUSTOMER, chosen.id())).isEmpty();

        @SuppressWarnings("unchecked")
        ComboBox<String> gradeBox = (ComboBox<String>) grade;
        robot.interact(() -> {
            beds.setText("500");
            gradeBox.setValue("三甲");
        });
        robot.clickOn("#customerSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#customerSave").tryQuery().isEmpty());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.customFields().values(CustomEntity.CUSTOMER, chosen.id()))
                .containsOnly(entry("number_1", "500"), entry("single_choice_1", "三甲"));
        // The detail pane lists each field beside its value.
        assertThat(robot.lookup("#customerDetail .label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsSubsequence("床位数", "500", "医院等级", "三甲");
    }
}
