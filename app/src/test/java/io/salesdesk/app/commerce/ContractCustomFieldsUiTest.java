package io.salesdesk.app.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.MainWindowFixture;
import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.PaymentTerm;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityFilter;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A company's own contract fields: asked for when a won deal becomes a contract (a required one
 * refused empty, nothing created), shown on the contract, and edited later with 编辑字段.
 */
@ExtendWith(ApplicationExtension.class)
class ContractCustomFieldsUiTest {

    @RegisterExtension
    static final MainWindowFixture app = UiTestWorkspace.withMainWindow().signedInAs("admin");
    static AppContext context;
    static Actor admin;

    @BeforeAll
    static void openWorkspace() {
        context = app.context();
        admin = context.currentUser().asActor();
        context.customFields().define(admin, CustomEntity.CONTRACT,
                new CustomFieldDraft("招标编号", "tender_no", FieldType.TEXT, List.of(), true, null, null));
        context.customFields().define(admin, CustomEntity.CONTRACT,
                new CustomFieldDraft("质保年限", "warranty_years", FieldType.NUMBER, List.of(), false, null, null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRequiredContractFieldIsAskedForWhenADealBecomesAContractAndShownOnIt(FxRobot robot) throws Exception {
        Opportunity won = context.opportunities().column(admin, "WON", OpportunityFilter.all()).get(0);
        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-CONTRACTS");
        robot.clickOn("#contractFromDeal");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Opportunity> deal = robot.lookup("#contractDeal").queryAs(ComboBox.class);
        robot.interact(() -> deal.setValue(deal.getItems().stream().filter(o -> o.id().equals(won.id()))
                .findFirst().orElseThrow()));
        robot.clickOn("#contractCreate");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(UiRobots.problemAt(robot, "custom-tender_no")).contains("必填");
        assertThat(context.contracts().list(admin, null, null)).noneMatch(c -> won.id().equals(c.opportunityId()));

        robot.interact(() -> robot.lookup("#custom-tender_no").queryAs(TextField.class).setText("ZJYY-2026-118"));
        robot.clickOn("#contractCreate");
        WaitForAsyncUtils.waitForFxEvents();
        Contract draft = context.contracts().list(admin, null, null).stream()
                .filter(c -> won.id().equals(c.opportunityId())).findFirst().orElseThrow();
        assertThat(context.customFields().values(CustomEntity.CONTRACT, draft.id()))
                .containsExactly(entry("tender_no", "ZJYY-2026-118"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shows(robot, "ZJYY-2026-118"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aContractsFieldsAreEditedLaterFromItsDetail(FxRobot robot) throws Exception {
        Opportunity won = context.opportunities().column(admin, "WON", OpportunityFilter.all()).get(1);
        Contract contract = context.contracts().createFromOpportunity(admin, won.id(), PaymentTerm.defaults());
        context.customFields().setValues(admin, CustomEntity.CONTRACT, contract.id(),
                java.util.Map.of("tender_no", "HZ-001"));
        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-CONTRACTS");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Contract> table = robot.lookup("#contractTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(c -> c.id().equals(contract.id())));
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(c -> c.id().equals(contract.id())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shows(robot, "HZ-001"));

        robot.clickOn("#contractFields");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#custom-warranty_years").queryAs(TextField.class).setText("三年"));
        robot.clickOn("#contractFieldsSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(UiRobots.problemAt(robot, "custom-warranty_years")).as("not a number").isNotBlank();

        robot.interact(() -> robot.lookup("#custom-warranty_years").queryAs(TextField.class).setText("3"));
        robot.clickOn("#contractFieldsSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(context.customFields().values(CustomEntity.CONTRACT, contract.id()))
                .containsEntry("tender_no", "HZ-001").containsEntry("warranty_years", "3");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shows(robot, "质保年限"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theContractListFiltersByAContractFieldAndShowsItAsAColumn(FxRobot robot) throws Exception {
        Opportunity won = context.opportunities().column(admin, "WON", OpportunityFilter.all()).get(2);
        Contract tendered = context.contracts().createFromOpportunity(admin, won.id(), PaymentTerm.defaults());
        context.customFields().setValues(admin, CustomEntity.CONTRACT, tendered.id(),
                java.util.Map.of("tender_no", "NB-ZB-077"));
        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-CONTRACTS");
        TableView<Contract> table = robot.lookup("#contractTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(c -> c.id().equals(tendered.id())));

        robot.clickOn("#customFilterButton");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<io.salesdesk.studio.field.CustomField> field = robot.lookup("#customFilterField").queryAs(ComboBox.class);
        robot.interact(() -> field.setValue(field.getItems().stream().filter(f -> f.key().equals("tender_no"))
                .findFirst().orElseThrow()));
        robot.interact(() -> robot.lookup("#customFilterText").queryAs(TextField.class).setText("NB-ZB"));
        robot.clickOn("#customFilterApply");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems()).extracting(Contract::id).containsExactly(tendered.id());

        robot.clickOn("#removeCustomFilter-tender_no");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() > 1);
    }

    private static boolean shows(FxRobot robot, String text) {
        return robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> text.equals(l.getText()) && visible(l));
    }

    private static boolean visible(Node node) {
        return node.getScene() != null && node.isVisible();
    }
}
