package io.salesdesk.app.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

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

import io.salesdesk.app.AppContext;
import io.salesdesk.app.MainWindowFixture;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.commerce.collection.CollectionItem;
import io.salesdesk.commerce.collection.OverdueItem;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.ContractStatus;
import io.salesdesk.commerce.contract.PaymentTerm;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityFilter;

/**
 * 商务 as the company's administrator uses it: a won deal becomes a contract that is submitted and
 * signed, which creates its collection schedule; an overdue item is paid in part from 回款.
 */
@ExtendWith(ApplicationExtension.class)
class ContractsUiTest {

    @RegisterExtension
    static final MainWindowFixture app = UiTestWorkspace.withMainWindow().signedInAs("admin");
    static AppContext context;
    static Actor admin;

    @BeforeAll
    static void openWorkspace() {
        context = app.context();
        admin = context.currentUser().asActor();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWonDealBecomesAContractAndSigningItCreatesTheCollectionSchedule(FxRobot robot) throws Exception {
        Opportunity won = context.opportunities().column(admin, "WON", OpportunityFilter.all()).get(0);
        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-CONTRACTS");
        robot.clickOn("#contractFromDeal");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Opportunity> deal = robot.lookup("#contractDeal").queryAs(ComboBox.class);
        robot.interact(() -> deal.setValue(deal.getItems().stream().filter(o -> o.id().equals(won.id()))
                .findFirst().orElseThrow()));
        // 30 + 60 + 20 is not 100: refused at the terms, nothing written.
        robot.interact(() -> robot.lookup("#termShare-2").queryAs(TextField.class).setText("20"));
        robot.clickOn("#contractCreate");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".field-problem").queryAllAs(Label.class))
                .anyMatch(l -> l.isVisible() && l.getText().contains("110"));
        assertThat(context.contracts().list(admin, null, null)).noneMatch(c -> won.id().equals(c.opportunityId()));

        robot.interact(() -> robot.lookup("#termShare-2").queryAs(TextField.class).setText("10"));
        robot.clickOn("#contractCreate");
        WaitForAsyncUtils.waitForFxEvents();
        Contract draft = context.contracts().list(admin, null, null).stream()
                .filter(c -> won.id().equals(c.opportunityId())).findFirst().orElseThrow();
        assertThat(draft.status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(robot.lookup("#contractDetailNo").queryAs(Label.class).getText()).isEqualTo(draft.contractNo());

        robot.clickOn("#contractSubmit");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#contractSign");
        robot.clickOn("#promptOk");
        WaitForAsyncUtils.waitForFxEvents();

        Contract signed = context.contracts().find(admin, draft.id()).orElseThrow();
        assertThat(signed.status()).isEqualTo(ContractStatus.SIGNED);
        TableView<CollectionItem> schedule = robot.lookup("#contractSchedule").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> schedule.getItems().size() == 3);
        assertThat(schedule.getItems().stream().map(CollectionItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(signed.amount());
        assertThat(schedule.getItems().get(0).dueOn()).as("30 days after signing")
                .isEqualTo(signed.signedOn().plusDays(30));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOverdueItemIsPaidInPartFromCollections(FxRobot robot) throws Exception {
        Opportunity won = context.opportunities().column(admin, "WON", OpportunityFilter.all()).get(1);
        Contract contract = context.contracts().createFromOpportunity(admin, won.id(), PaymentTerm.defaults());
        contract = context.contracts().submitForApproval(admin, contract.id(), contract.version());
        LocalDate today = LocalDate.now(UiTestWorkspace.CLOCK);
        context.contracts().sign(admin, contract.id(), contract.version(), today.minusDays(75));
        CollectionItem signing = context.collections().schedule(admin, contract.id()).get(0);

        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-COLLECTIONS");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<OverdueItem> overdue = robot.lookup("#overdueTable").queryAs(TableView.class);
        OverdueItem item = overdue.getItems().stream().filter(o -> o.itemId().equals(signing.id())).findFirst()
                .orElseThrow();
        assertThat(item.daysOverdue()).isEqualTo(45);
        assertThat(robot.lookup("#ageing-UP_TO_60").queryAs(Label.class).getText()).isNotEqualTo("¥0");

        robot.interact(() -> overdue.getSelectionModel().select(item));
        robot.clickOn("#recordPayment");
        TextField amount = robot.lookup("#paymentAmount").queryAs(TextField.class);
        assertThat(new BigDecimal(amount.getText())).isEqualByComparingTo(signing.amount());
        robot.interact(() -> amount.setText(signing.amount().add(BigDecimal.ONE).toPlainString()));
        robot.clickOn("#paymentSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#paymentSave").tryQuery()).as("more than is open is refused; the dialog stays")
                .isPresent();

        robot.interact(() -> amount.setText("1000"));
        robot.clickOn("#paymentSave");
        WaitForAsyncUtils.waitForFxEvents();

        CollectionItem after = context.collections().schedule(admin, contract.id()).get(0);
        assertThat(after.collected()).isEqualByComparingTo("1000");
        assertThat(overdue.getItems()).filteredOn(o -> o.itemId().equals(signing.id())).singleElement()
                .extracting(OverdueItem::open).isEqualTo(signing.amount().subtract(new BigDecimal("1000.00")));
    }
}
