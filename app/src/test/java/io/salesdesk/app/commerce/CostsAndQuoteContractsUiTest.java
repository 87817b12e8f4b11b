package io.salesdesk.app.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.ContractStatus;
import io.salesdesk.commerce.cost.CostBasis;
import io.salesdesk.commerce.cost.CostDraft;
import io.salesdesk.commerce.cost.CostEntry;
import io.salesdesk.commerce.cost.CostKind;
import io.salesdesk.commerce.cost.CostSubkind;
import io.salesdesk.commerce.cost.CustomerCac;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteDraft;
import io.salesdesk.commerce.quote.QuoteLineDraft;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;

/**
 * 成本与获客 and 报价 as the company's administrator uses them: a cost recorded through the form shows
 * in the customer's entries and in the CAC figures, a bad amount is refused at its field, pre-sales
 * is hours × rate, an entry is deleted after asking; and an accepted quote becomes a draft contract,
 * shown on the contracts.
 */
@ExtendWith(ApplicationExtension.class)
class CostsAndQuoteContractsUiTest {

    @RegisterExtension
    static final MainWindowFixture app = UiTestWorkspace.withMainWindow().signedInAs("admin");
    static AppContext context;
    static Actor admin;
    static LocalDate today;
    /** Customers won this year, the period the costs view opens on; each test takes its own. */
    static List<CustomerCac> won;

    @BeforeAll
    static void openWorkspace() {
        context = app.context();
        admin = context.currentUser().asActor();
        today = LocalDate.now(UiTestWorkspace.CLOCK);
        won = context.costs().cacByCustomer(admin, today.withDayOfYear(1), today);
        assertThat(won).as("the demo has customers won this year").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCostRecordedThroughTheFormShowsInTheCustomersEntriesAndTheFigures(FxRobot robot) {
        CustomerCac customer = won.get(0);
        String figureBefore = Columns.yuan(context.costs().cac(admin, today.withDayOfYear(1), today).perCustomer());
        TableView<CustomerCac> byCustomer = openCustomer(robot, customer);
        TableView<CostEntry> entries = robot.lookup("#costEntries").queryAs(TableView.class);
        assertThat(entries.getItems()).isEmpty();
        assertThat(robot.lookup("#cacFigure").queryAs(Label.class).getText()).isEqualTo(figureBefore);

        robot.clickOn("#costRecord");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Customer> customers = robot.lookup("#costCustomer").queryAs(ComboBox.class);
        assertThat(customers.getValue().id()).as("the customer shown is the form's").isEqualTo(customer.customerId());
        ComboBox<CostSubkind> subkinds = robot.lookup("#costSubkind").queryAs(ComboBox.class);
        assertThat(subkinds.getItems()).as("only acquisition's sub-kinds")
                .containsExactly(null, CostSubkind.CAMPAIGN, CostSubkind.CHANNEL_FEE);
        robot.interact(() -> {
            subkinds.setValue(CostSubkind.CHANNEL_FEE);
            robot.lookup("#costAmount").queryAs(TextField.class).setText("12,500");
            robot.lookup("#costChannel").queryAs(ComboBox.class).getEditor().setText("渠道代理");
            robot.lookup("#costNote").queryAs(TextField.class).setText("华东代理服务费");
        });
        robot.clickOn("#costSave");
        WaitForAsyncUtils.waitForFxEvents();

        CostEntry saved = context.costs().forCustomer(admin, customer.customerId()).stream().findFirst().orElseThrow();
        assertThat(saved.amount()).isEqualByComparingTo("12500");
        assertThat(saved.kind()).isEqualTo(CostKind.ACQUISITION);
        assertThat(saved.subkind()).isEqualTo(CostSubkind.CHANNEL_FEE);
        assertThat(saved.channel()).isEqualTo("渠道代理");
        assertThat(saved.basis()).isEqualTo(CostBasis.MEASURED);
        assertThat(saved.incurredOn()).isEqualTo(today);
        waitUntil(() -> entries.getItems().size() == 1);
        assertThat(entries.getItems().get(0).id()).isEqualTo(saved.id());
        CustomerCac row = byCustomer.getItems().stream().filter(c -> c.customerId().equals(customer.customerId()))
                .findFirst().orElseThrow();
        assertThat(row.total()).isEqualByComparingTo(customer.total().add(new BigDecimal("12500")));
        assertThat(byCustomer.getSelectionModel().getSelectedItem()).as("the customer stays selected").isEqualTo(row);
        String figureAfter = Columns.yuan(context.costs().cac(admin, today.withDayOfYear(1), today).perCustomer());
        assertThat(figureAfter).isNotEqualTo(figureBefore);
        assertThat(robot.lookup("#cacFigure").queryAs(Label.class).getText()).isEqualTo(figureAfter);
    }

    @Test
    void aNegativeAmountIsRefusedAtItsFieldAndNothingIsSaved(FxRobot robot) {
        CustomerCac customer = won.get(1);
        openCustomer(robot, customer);
        robot.clickOn("#costRecord");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#costAmount").queryAs(TextField.class).setText("-500"));
        robot.clickOn("#costSave");
        WaitForAsyncUtils.waitForFxEvents();

        FormField amount = (FormField) robot.lookup("#costAmount").queryAs(TextField.class).getParent();
        assertThat(amount.hasProblem()).isTrue();
        assertThat(amount.problemLabel().getText()).isEqualTo(I18n.get("cost.amount.invalid", "-500"));
        assertThat(robot.lookup("#costSave").tryQuery()).as("the form stays open").isPresent();
        assertThat(context.costs().forCustomer(admin, customer.customerId())).isEmpty();

        // Text that is no number is refused before the service is asked.
        robot.interact(() -> robot.lookup("#costAmount").queryAs(TextField.class).setText("三千"));
        robot.clickOn("#costSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(amount.problemLabel().getText()).isEqualTo(I18n.get("costs.form.notANumber", "三千"));
        assertThat(context.costs().forCustomer(admin, customer.customerId())).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void preSalesIsHoursTimesRateAndAMissingRateIsAskedForAtItsField(FxRobot robot) {
        CustomerCac customer = won.get(3);
        openCustomer(robot, customer);
        robot.clickOn("#costRecord");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            robot.lookup("#costKind").queryAs(ComboBox.class).setValue(CostKind.PRESALES);
            robot.lookup("#costHours").queryAs(TextField.class).setText("7.5");
        });
        assertThat(robot.lookup("#costAmount").queryAs(TextField.class).getParent().isVisible())
                .as("no amount: hours × rate").isFalse();
        robot.clickOn("#costSave");
        WaitForAsyncUtils.waitForFxEvents();
        FormField rate = (FormField) robot.lookup("#costHourlyRate").queryAs(TextField.class).getParent();
        assertThat(rate.problemLabel().getText()).isEqualTo(I18n.get("costs.form.hourlyRate.required"));
        assertThat(context.costs().forCustomer(admin, customer.customerId())).isEmpty();

        robot.interact(() -> robot.lookup("#costHourlyRate").queryAs(TextField.class).setText("480"));
        assertThat(robot.lookup("#costPresalesTotal").queryAs(Label.class).getText())
                .isEqualTo(I18n.get("costs.form.presalesTotal", "¥3,600.00"));
        robot.clickOn("#costSave");
        WaitForAsyncUtils.waitForFxEvents();

        CostEntry saved = context.costs().forCustomer(admin, customer.customerId()).stream().findFirst().orElseThrow();
        assertThat(saved.kind()).isEqualTo(CostKind.PRESALES);
        assertThat(saved.amount()).isEqualByComparingTo("3600");
        assertThat(saved.hours()).isEqualByComparingTo("7.5");
        assertThat(saved.hourlyRate()).isEqualByComparingTo("480");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEntryIsDeletedAfterAskingAndTheFiguresLoseIt(FxRobot robot) {
        CustomerCac customer = won.get(2);
        CostEntry presales = context.costs().record(admin, new CostDraft(CostKind.PRESALES, null, null,
                customer.customerId(), "官网", null, new BigDecimal("8"), new BigDecimal("500"), today.minusDays(3),
                CostBasis.MEASURED, "方案演示"));
        TableView<CustomerCac> byCustomer = openCustomer(robot, customer);
        TableView<CostEntry> entries = robot.lookup("#costEntries").queryAs(TableView.class);
        waitUntil(() -> entries.getItems().size() == 1);
        assertThat(total(byCustomer, customer)).isEqualByComparingTo("4000");

        robot.clickOn("#costDelete-" + presales.id());
        robot.clickOn("#costDeleteConfirm");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.costs().forCustomer(admin, customer.customerId())).isEmpty();
        waitUntil(entries.getItems()::isEmpty);
        assertThat(total(byCustomer, customer)).isEqualByComparingTo("0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAcceptedQuoteBecomesADraftContractShownOnTheContracts(FxRobot robot) {
        Product product = context.products().create(admin, new ProductDraft("UI-CQ-1", "输液泵 UI-CQ-1", "输液泵",
                "台", new BigDecimal("9000"), new BigDecimal("6000")));
        Customer customer = context.customers().page(admin, io.salesdesk.crm.CustomerQuery.all(), 0, 1).get(0);
        QuoteLineDraft twoPumps = new QuoteLineDraft(product.id(), new BigDecimal("2"), new BigDecimal("9000"),
                BigDecimal.ZERO);
        Quote quote = context.quotes().create(admin, new QuoteDraft(customer.id(), null, today.plusDays(30), null,
                List.of(twoPumps)));
        quote = context.quotes().submit(admin, quote.id(), quote.version());
        Quote sent = context.quotes().send(admin, quote.id(), quote.version());

        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-QUOTES");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<io.salesdesk.commerce.quote.QuoteService.ListedQuote> quotes =
                robot.lookup("#quoteTable").queryAs(TableView.class);
        robot.interact(() -> quotes.getSelectionModel().select(quotes.getItems().stream()
                .filter(q -> q.quote().id().equals(sent.id())).findFirst().orElseThrow()));
        assertThat(robot.lookup("#quoteToContract").tryQuery()).as("not before the customer accepted").isEmpty();
        robot.clickOn("#quoteAccept");
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup("#quoteToContract").tryQuery().isPresent());

        robot.clickOn("#quoteToContract");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#quoteContractCreate");
        WaitForAsyncUtils.waitForFxEvents();

        Contract made = context.contracts().list(admin, null, customer.id()).stream()
                .filter(c -> sent.id().equals(c.quoteId())).findFirst().orElseThrow();
        assertThat(made.status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(made.amount()).isEqualByComparingTo("18000");
        assertThat(made.paymentTerms()).hasSize(3);
        TableView<Contract> contracts = robot.lookup("#contractTable").queryAs(TableView.class);
        assertThat(contracts.getScene()).as("the contracts view is shown").isNotNull();
        waitUntil(() -> contracts.getItems().stream().anyMatch(c -> c.id().equals(made.id())));
        assertThat(contracts.getSelectionModel().getSelectedItem().id()).isEqualTo(made.id());
        assertThat(robot.lookup("#contractDetailNo").queryAs(Label.class).getText()).isEqualTo(made.contractNo());

        // Back on the quote: made once, so a link to the contract instead of the button.
        robot.clickOn("#commerceView-QUOTES");
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup("#quoteContractLink").tryQuery().isPresent());
        assertThat(robot.lookup("#quoteToContract").tryQuery()).isEmpty();
    }

    /** Opens 成本与获客 and picks the customer in the per-customer table. */
    @SuppressWarnings("unchecked")
    private static TableView<CustomerCac> openCustomer(FxRobot robot, CustomerCac customer) {
        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-COSTS");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<CustomerCac> byCustomer = robot.lookup("#cacByCustomer").queryAs(TableView.class);
        waitUntil(() -> byCustomer.getItems().stream().anyMatch(c -> c.customerId().equals(customer.customerId())));
        robot.interact(() -> byCustomer.getSelectionModel().select(byCustomer.getItems().stream()
                .filter(c -> c.customerId().equals(customer.customerId())).findFirst().orElseThrow()));
        assertThat(robot.lookup("#costEntriesPane .title-4").queryAs(Label.class).getText())
                .isEqualTo(I18n.get("costs.entries.of", customer.customerName()));
        return byCustomer;
    }

    private static BigDecimal total(TableView<CustomerCac> byCustomer, CustomerCac customer) {
        return byCustomer.getItems().stream().filter(c -> c.customerId().equals(customer.customerId())).findFirst()
                .orElseThrow().total();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the window did not get there in 5 s", e);
        }
    }
}
