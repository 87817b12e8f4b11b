package io.salesdesk.app.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.MainWindowFixture;
import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.PaymentTerm;
import io.salesdesk.commerce.freeze.OrderFreezeService;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteDraft;
import io.salesdesk.commerce.quote.QuoteLineDraft;
import io.salesdesk.commerce.quote.QuoteService;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityFilter;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two people on one database edit the same quote, product or contract: fields only one of them
 * changed are merged without a choice to make, a field both changed must be chosen, and nobody's
 * change is lost. "The colleague" is a second desk's services on the same database.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CommerceMergeUiTest {

    @RegisterExtension
    static final MainWindowFixture app = UiTestWorkspace.withMainWindow().signedInAs("admin");
    static AppContext context;
    static Actor me;
    static Actor colleague;
    static QuoteService colleagueQuotes;
    static ProductService colleagueProducts;
    static Customer customer;
    static Product monitor;
    static Product probe;

    @BeforeAll
    static void setUp() {
        context = app.context();
        me = app.me();
        colleague = context.users().byUsername("manager.sh").orElseThrow().asActor();
        colleagueQuotes = new QuoteService(context.database(), UiTestWorkspace.CLOCK,
                new OrderFreezeService(context.database(), UiTestWorkspace.CLOCK));
        colleagueProducts = new ProductService(context.database(), UiTestWorkspace.CLOCK);
        // A customer both may quote for: the colleague manages its owner.
        customer = context.customers().page(colleague, CustomerQuery.all(), 0, 1).get(0);
        monitor = context.products().create(me, new ProductDraft("MG-MON", "多参数监护仪 M8", "监护仪", "台",
                new BigDecimal("38000"), new BigDecimal("26000")));
        probe = context.products().create(me, new ProductDraft("MG-PRB", "超声探头 P5", "超声", "个",
                new BigDecimal("9999.99"), new BigDecimal("6000")));
        context.customFields().define(me, CustomEntity.CONTRACT,
                new CustomFieldDraft("招标编号", "tender_no", FieldType.TEXT, List.of(), false, null, null));
        context.customFields().define(me, CustomEntity.CONTRACT,
                new CustomFieldDraft("质保年限", "warranty_years", FieldType.NUMBER, List.of(), false, null, null));
    }

    private static QuoteLineDraft line(Product p, String qty) {
        return new QuoteLineDraft(p.id(), new BigDecimal(qty), null, null);
    }

    private static Quote quote() {
        return context.quotes().create(me, new QuoteDraft(customer.id(), null, null, "含安装培训",
                List.of(line(monitor, "2"), line(probe, "1"))));
    }

    /** The colleague saves a change to the quote as it is in the database now. */
    private static Quote colleagueSaves(Quote q, UnaryOperator<QuoteDraft> change) {
        Quote now = context.quotes().find(q.id()).orElseThrow();
        return colleagueQuotes.update(colleague, now.id(), now.version(), change.apply(QuoteVersions.draftOf(now)));
    }

    private static QuoteDraft withNote(QuoteDraft d, String note) {
        return new QuoteDraft(d.customerId(), d.opportunityId(), d.validUntil(), note, d.lines());
    }

    private static QuoteDraft withLines(QuoteDraft d, QuoteLineDraft... lines) {
        return new QuoteDraft(d.customerId(), d.opportunityId(), d.validUntil(), d.note(), List.of(lines));
    }

    private static void openQuote(FxRobot robot, Quote q) throws Exception {
        // The form opens after the products are read and waits in showAndWait: the robot must not wait for it.
        Platform.runLater(() -> QuoteFormDialog.edit(context, q, customer.name(), saved -> { }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#quoteSave").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup("#" + id).queryAs(TextField.class).setText(text));
    }

    private static boolean selected(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(RadioButton.class).isSelected();
    }

    private static boolean saveDisabled(FxRobot robot) {
        return robot.lookup("#mergeSave").query().isDisabled();
    }

    private static void waitClosed(FxRobot robot, String saveId) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + saveId).tryQuery().isEmpty());
    }

    @Test
    void aQuotesNoteTheyChangedAndTheDateIChangedAreBothSavedWithoutAChoice(FxRobot robot) throws Exception {
        Quote original = quote();
        openQuote(robot, original);
        colleagueSaves(original, d -> withNote(d, "含运输、安装与培训"));
        LocalDate later = original.validUntil().plusDays(15);
        robot.interact(() -> robot.lookup("#quoteValidUntil").queryAs(DatePicker.class).setValue(later));

        robot.clickOn("#quoteSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected(robot, "mergeTheirs-note")).isTrue();
        assertThat(selected(robot, "mergeMine-validUntil")).isTrue();
        assertThat(robot.lookup("#mergeMine-lines").tryQuery()).isEmpty();
        assertThat(saveDisabled(robot)).isFalse();
        robot.clickOn("#mergeSave");
        waitClosed(robot, "quoteSave");

        Quote saved = context.quotes().find(original.id()).orElseThrow();
        assertThat(saved.note()).isEqualTo("含运输、安装与培训");
        assertThat(saved.validUntil()).isEqualTo(later);
        assertThat(saved.lines()).hasSize(2);
        assertThat(saved.version()).isEqualTo(original.version() + 2);
    }

    @Test
    void linesBothChangedMustBeChosenAndAMergeFoundStaleComesBackWithTheNewerValues(FxRobot robot)
            throws Exception {
        Quote original = quote();
        openQuote(robot, original);
        colleagueSaves(original, d -> withLines(d, line(monitor, "3"), line(probe, "1")));
        type(robot, "quoteLineQty-0", "5");

        robot.clickOn("#quoteSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected(robot, "mergeMine-lines")).isFalse();
        assertThat(selected(robot, "mergeTheirs-lines")).isFalse();
        assertThat(saveDisabled(robot)).isTrue();
        assertThat(robot.lookup("#mergeOpen").queryAs(Label.class).getText()).contains("报价明细");
        // The lines read as the form shows them: product, quantity, price in yuan.
        assertThat(robot.lookup("#mergeMine-lines").queryAs(RadioButton.class).getText())
                .isEqualTo("多参数监护仪 M8 × 5，单价 ¥38,000.00\n超声探头 P5 × 1，单价 ¥9,999.99");
        assertThat(robot.lookup("#mergeTheirs-lines").queryAs(RadioButton.class).getText())
                .contains("多参数监护仪 M8 × 3");
        UiRobots.screenshot(robot, "#mergeSave", "quote-merge-conflict.png");

        UiRobots.reveal(robot, "#mergeMine-lines");
        robot.clickOn("#mergeMine-lines");
        assertThat(saveDisabled(robot)).isFalse();
        // Before the merge is saved, the colleague saves once more.
        colleagueSaves(original, d -> withNote(d, "价格含税"));
        robot.clickOn("#mergeSave");
        WaitForAsyncUtils.waitForFxEvents();

        // The dialog is back with the newer note theirs; the lines chosen before are mine now.
        assertThat(selected(robot, "mergeTheirs-note")).isTrue();
        assertThat(selected(robot, "mergeMine-lines")).isTrue();
        robot.clickOn("#mergeSave");
        waitClosed(robot, "quoteSave");

        Quote saved = context.quotes().find(original.id()).orElseThrow();
        assertThat(saved.note()).isEqualTo("价格含税");
        assertThat(saved.lines()).extracting(l -> l.quantity().stripTrailingZeros().toPlainString())
                .containsExactly("5", "1");
    }

    @Test
    void aProductsPriceTheyChangedAndTheNameIChangedAreBothKeptAndACostBothChangedIsChosen(FxRobot robot)
            throws Exception {
        Product original = context.products().create(me, new ProductDraft("MG-VEN", "呼吸机 V3", "呼吸机", "台",
                new BigDecimal("120000"), new BigDecimal("80000")));
        robot.interact(() -> ProductFormDialog.edit(context, original).show());
        WaitForAsyncUtils.waitForFxEvents();
        colleagueProducts.update(colleague, original.id(), original.version(), new ProductDraft(original.sku(),
                original.name(), original.category(), original.unit(), new BigDecimal("118000"),
                new BigDecimal("81000")));
        type(robot, "productName", "呼吸机 V3 Pro");
        type(robot, "productCostPrice", "79000");

        robot.clickOn("#productSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected(robot, "mergeTheirs-listPrice")).isTrue();
        assertThat(robot.lookup("#mergeTheirs-listPrice").queryAs(RadioButton.class).getText())
                .isEqualTo("¥118,000.00");
        assertThat(selected(robot, "mergeMine-name")).isTrue();
        assertThat(saveDisabled(robot)).isTrue();
        robot.clickOn("#mergeTheirs-costPrice");
        robot.clickOn("#mergeSave");
        waitClosed(robot, "productSave");

        Product saved = context.products().find(original.id()).orElseThrow();
        assertThat(saved.name()).isEqualTo("呼吸机 V3 Pro");
        assertThat(saved.listPrice()).isEqualByComparingTo("118000");
        assertThat(saved.costPrice()).isEqualByComparingTo("81000");
    }

    @Test
    void contractFieldsTheyChangedAreKeptWithoutAskingAndOneBothChangedIsChosen(FxRobot robot) throws Exception {
        Opportunity won = context.opportunities().column(me, "WON", OpportunityFilter.all()).get(0);
        Contract contract = context.contracts().createFromOpportunity(me, won.id(), PaymentTerm.defaults());
        context.customFields().setValues(me, CustomEntity.CONTRACT, contract.id(),
                Map.of("tender_no", "HZ-001", "warranty_years", "1"));

        // Different fields: saved at once, both kept.
        robot.interact(() -> new ContractFieldsDialog(context, contract).show());
        WaitForAsyncUtils.waitForFxEvents();
        context.customFields().setValues(colleague, CustomEntity.CONTRACT, contract.id(), Map.of("tender_no", "HZ-002"));
        type(robot, "custom-warranty_years", "3");
        robot.clickOn("#contractFieldsSave");
        waitClosed(robot, "contractFieldsSave");
        assertThat(context.customFields().values(CustomEntity.CONTRACT, contract.id()))
                .containsEntry("tender_no", "HZ-002").containsEntry("warranty_years", "3");

        // The same field: the user chooses.
        robot.interact(() -> new ContractFieldsDialog(context, contract).show());
        WaitForAsyncUtils.waitForFxEvents();
        context.customFields().setValues(colleague, CustomEntity.CONTRACT, contract.id(), Map.of("tender_no", "HZ-003"));
        type(robot, "custom-tender_no", "HZ-004");
        robot.clickOn("#contractFieldsSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(saveDisabled(robot)).isTrue();
        assertThat(robot.lookup("#mergeTheirs-custom_tender_no").queryAs(RadioButton.class).getText())
                .isEqualTo("HZ-003");
        robot.clickOn("#mergeMine-custom_tender_no");
        robot.clickOn("#mergeSave");
        waitClosed(robot, "contractFieldsSave");
        assertThat(context.customFields().values(CustomEntity.CONTRACT, contract.id()))
                .containsEntry("tender_no", "HZ-004").containsEntry("warranty_years", "3");
    }
}
