package io.salesdesk.app.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.app.studio.ListColumnPreferences;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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

/**
 * A manager shows a custom field as a column of the customer list, sorts by it and filters by a
 * range of it; the column stays chosen the next time the list opens.
 */
@ExtendWith(ApplicationExtension.class)
class CustomerListCustomFieldsUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static CustomField beds;
    static List<Customer> withBeds;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        Actor manager = context.currentUser().asActor();
        beds = context.customFields().define(manager, CustomEntity.CUSTOMER,
                new CustomFieldDraft("床位数", "beds", FieldType.NUMBER, List.of(), false, null, null));
        withBeds = context.customers().page(manager, CustomerQuery.all(), 0, 3);
        String[] values = {"1200", "300", "650"};
        for (int i = 0; i < 3; i++) {
            context.customFields().setValues(manager, CustomEntity.CUSTOMER, withBeds.get(i).id(),
                    Map.of("beds", values[i]));
        }
    }

    @AfterAll
    static void closeWorkspace() {
        ListColumnPreferences.of("customers", context.currentUser().id()).setShown(Set.of());
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @Test
    void aCustomFieldBecomesAColumnThatSortsAndARangeFiltersTheList(FxRobot robot) {
        openCustomers(robot);
        TableView<Customer> table = table(robot);
        int everyone = table.getItems().size();

        robot.clickOn("#customColumns");
        robot.clickOn("床位数");
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        TableColumn<Customer, ?> column = table.getColumns().stream().filter(c -> "customColumn-beds".equals(c.getId()))
                .findFirst().orElseThrow();
        assertThat(column.getText()).isEqualTo("床位数");
        assertThat(ListColumnPreferences.of("customers", context.currentUser().id()).shown()).containsExactly("beds");

        // Sorting by the column puts the smallest value first, in SQL order, without a value last.
        robot.clickOn(robot.lookup(".column-header").match(n -> n.getId() != null && n.getId().equals("customColumn-beds"))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(List.of(table.getItems().get(0).name(), table.getItems().get(1).name(),
                table.getItems().get(2).name())).containsExactly(withBeds.get(1).name(), withBeds.get(2).name(),
                withBeds.get(0).name());
        assertThat(column.getCellData(0)).isEqualTo("300");

        // A letter in a number range is refused at the value, and the dialog stays open.
        robot.clickOn("#customFilterButton");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<CustomField> field = robot.lookup("#customFilterField").queryAs(ComboBox.class);
        assertThat(field.getValue().key()).isEqualTo("beds");
        robot.clickOn("#customFilterFrom").write("abc");
        robot.clickOn("#customFilterApply");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".label").match(n -> ((Label) n).getText() != null
                && ((Label) n).getText().contains("不是数字")).tryQuery()).isPresent();

        TextField from = robot.lookup("#customFilterFrom").queryAs(TextField.class);
        robot.interact(() -> from.setText("500"));
        robot.clickOn("#customFilterApply");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(Customer::name)
                .containsExactly(withBeds.get(2).name(), withBeds.get(0).name());
        assertThat(robot.lookup("#customerCount").queryAs(Label.class).getText()).contains("2");
        assertThat(robot.lookup("床位数：≥ 500").tryQuery()).isPresent();

        robot.clickOn("#removeCustomFilter-beds");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(everyone);
    }

    private static void openCustomers(FxRobot robot) {
        robot.clickOn("#nav-CUSTOMERS");
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Customer> table(FxRobot robot) {
        return robot.lookup("#customerTable").queryAs(TableView.class);
    }
}
