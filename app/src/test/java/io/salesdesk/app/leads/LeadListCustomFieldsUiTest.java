package io.salesdesk.app.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.app.studio.ListColumnPreferences;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
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
 * The lead list as the customer list: a lead field becomes a column that sorts by value (9 before
 * 10), and a range on it narrows the list, its count and its export.
 */
@ExtendWith(ApplicationExtension.class)
class LeadListCustomFieldsUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static List<Lead> withBudget;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        context.setCurrentUser(context.users().byUsername("admin").orElseThrow());
        Actor manager = context.currentUser().asActor();
        context.customFields().define(manager, CustomEntity.LEAD,
                new CustomFieldDraft("预算(万)", "budget", FieldType.NUMBER, List.of(), false, null, null));
        String[] names = {"杭州第一人民医院采购", "余杭区口腔诊所", "萧山区妇幼保健院"};
        String[] values = {"120", "9", "65"};
        withBudget = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Lead lead = context.dispatch().capture(manager, new LeadDraft(names[i], null, null,
                    "浙江省杭州市西湖区文三路 " + (100 + i) + " 号", null, "HOSPITAL", null, "展会", null),
                    ChangeReason.user()).lead();
            withBudget.add(lead);
            context.customFields().setValues(manager, CustomEntity.LEAD, lead.id(), Map.of("budget", values[i]));
        }
    }

    @AfterAll
    static void closeWorkspace() {
        ListColumnPreferences.of("leads", context.currentUser().id()).setShown(Set.of());
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLeadFieldBecomesAColumnThatSortsByValueAndARangeFiltersTheList(FxRobot robot) throws Exception {
        robot.clickOn("#nav-LEADS");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Lead> table = robot.lookup("#leadTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() >= 3);
        int everyone = table.getItems().size();

        // The detail pane shows the field's label too: the tick is found in the menu, not by its text.
        robot.clickOn("#customColumns");
        MenuButton columns = robot.lookup("#customColumns").queryAs(MenuButton.class);
        robot.interact(() -> columns.getItems().stream().filter(i -> "customColumnTick-budget".equals(i.getId()))
                .map(CheckMenuItem.class::cast).findFirst().orElseThrow().setSelected(true));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        TableColumn<Lead, ?> column = table.getColumns().stream().filter(c -> "customColumn-budget".equals(c.getId()))
                .findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(l -> "9".equals(column.getCellData(l))));
        assertThat(ListColumnPreferences.of("leads", context.currentUser().id()).shown()).containsExactly("budget");

        // The new column is past the table's right edge here; sorted as a click on its header would.
        robot.interact(() -> table.getSortOrder().setAll(List.of(column)));
        assertThat(table.getItems().subList(0, 3)).extracting(Lead::id).as("by value, leads without one last")
                .containsExactly(withBudget.get(1).id(), withBudget.get(2).id(), withBudget.get(0).id());

        robot.clickOn("#customFilterButton");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<CustomField> field = robot.lookup("#customFilterField").queryAs(ComboBox.class);
        assertThat(field.getValue().key()).isEqualTo("budget");
        TextField from = robot.lookup("#customFilterFrom").queryAs(TextField.class);
        robot.interact(() -> from.setText("50"));
        robot.clickOn("#customFilterApply");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(Lead::id)
                .containsExactlyInAnyOrder(withBudget.get(0).id(), withBudget.get(2).id());
        assertThat(robot.lookup("#leadCount").queryAs(Label.class).getText()).contains("2");

        robot.clickOn("#removeCustomFilter-budget");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == everyone);
    }
}
