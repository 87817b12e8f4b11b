package io.salesdesk.app.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
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

import io.salesdesk.app.AppContext;
import io.salesdesk.app.MainWindowFixture;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteStatus;
import io.salesdesk.commerce.stock.StockLevel;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.commerce.stock.WarehouseDraft;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;

/**
 * 产品与库存 and 报价 as the company's administrator (a manager for stock and approvals) uses them:
 * a product's stock per warehouse, a negative adjustment refused in words; a quote at 30 % off that
 * waits for approval before it can be sent.
 */
@ExtendWith(ApplicationExtension.class)
class ProductsAndQuotesUiTest {

    @RegisterExtension
    static final MainWindowFixture app = UiTestWorkspace.withMainWindow().signedInAs("admin");
    static AppContext context;
    static Actor admin;

    @BeforeAll
    static void openWorkspace() {
        context = app.context();
        admin = context.currentUser().asActor();
    }

    private static Product product(String sku, String listPrice, String costPrice) {
        return context.products().create(admin, new ProductDraft(sku, "监护仪 " + sku, "监护仪", "台",
                new BigDecimal(listPrice), new BigDecimal(costPrice)));
    }

    private static Warehouse warehouse(String code, String name) {
        return context.stock().createWarehouse(admin, new WarehouseDraft(code, name, null, List.of()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProductShowsItsStockPerWarehouseAndANegativeAdjustmentIsRefusedInWords(FxRobot robot) {
        Product monitor = product("UI-MON-1", "12800", "8000");
        Warehouse hangzhou = warehouse("UIHZ", "杭州测试仓");
        Warehouse wenzhou = warehouse("UIWZ", "温州测试仓");
        context.stock().receive(admin, monitor.id(), hangzhou.id(), new BigDecimal("5"));
        context.stock().reserve(admin, monitor.id(), hangzhou.id(), new BigDecimal("2"));
        context.stock().setInbound(admin, monitor.id(), wenzhou.id(), new BigDecimal("3"),
                LocalDate.now(UiTestWorkspace.CLOCK).plusDays(10));

        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-PRODUCTS");
        robot.interact(() -> robot.lookup("#productSearch").queryAs(TextField.class).setText("UI-MON-1"));
        TableView<Product> products = robot.lookup("#productTable").queryAs(TableView.class);
        // The search waits for the typing to stop; its reload redraws the detail pane.
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        waitUntil(() -> products.getItems().size() == 1);
        robot.interact(() -> products.getSelectionModel().select(0));

        TableView<ProductDetailPane.StockRow> stock = robot.lookup("#productStock").queryAs(TableView.class);
        waitUntil(() -> stock.getItems().size() == 2);
        ProductDetailPane.StockRow inHangzhou = row(stock, "UIHZ");
        assertThat(inHangzhou.warehouse()).isEqualTo("UIHZ 杭州测试仓");
        assertThat(inHangzhou.level().available()).isEqualByComparingTo("3");
        assertThat(inHangzhou.short_()).isFalse();
        ProductDetailPane.StockRow inWenzhou = row(stock, "UIWZ");
        assertThat(inWenzhou.level().inbound()).isEqualByComparingTo("3");
        assertThat(inWenzhou.short_()).as("nothing to promise there: the row stands out").isTrue();

        // 5 on hand, 2 reserved: taking 4 away would leave less than is promised.
        robot.interact(() -> stock.getSelectionModel().select(inHangzhou));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup("#stockAdjust").tryQuery().map(n -> n.getScene() != null).orElse(false));
        robot.clickOn("#stockAdjust");
        robot.interact(() -> {
            robot.lookup("#stockQuantity").queryAs(TextField.class).setText("-4");
            robot.lookup("#stockReason").queryAs(TextField.class).setText("月末盘点");
        });
        robot.clickOn("#stockSave");
        WaitForAsyncUtils.waitForFxEvents();
        Label problem = robot.lookup(".general-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo(I18n.get("stock.adjust.negative", "UI-MON-1", "UIHZ 杭州测试仓",
                "5", "2", "-4"));
        assertThat(onHand(monitor, hangzhou)).isEqualByComparingTo("5");

        robot.interact(() -> robot.lookup("#stockQuantity").queryAs(TextField.class).setText("-3"));
        robot.clickOn("#stockSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onHand(monitor, hangzhou)).isEqualByComparingTo("2");
        waitUntil(() -> row(stock, "UIHZ").level().onHand().compareTo(new BigDecimal("2")) == 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aQuoteAtThirtyPercentOffWaitsForApprovalBeforeItIsSent(FxRobot robot) {
        Product ultrasound = product("UI-US-1", "1000", "600");
        Customer customer = context.customers().page(admin, CustomerQuery.all(), 0, 1).get(0);

        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-QUOTES");
        robot.clickOn("#quoteNew");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Customer> customers = robot.lookup("#quoteCustomer").queryAs(ComboBox.class);
        ComboBox<Product> product = robot.lookup("#quoteLineProduct-0").queryAs(ComboBox.class);
        robot.interact(() -> {
            customers.getItems().setAll(customer);
            customers.setValue(customer);
            product.setValue(product.getItems().stream().filter(p -> p.id().equals(ultrasound.id())).findFirst()
                    .orElseThrow());
        });
        assertThat(robot.lookup("#quoteLinePrice-0").queryAs(TextField.class).getText())
                .as("the list price until changed").isEqualTo("1000.00");
        robot.interact(() -> {
            robot.lookup("#quoteLineQty-0").queryAs(TextField.class).setText("2");
            robot.lookup("#quoteLineDiscount-0").queryAs(TextField.class).setText("30");
        });
        Node approval = robot.lookup("#quoteFormApproval").query();
        waitUntil(approval::isVisible);
        assertThat(((Label) approval).getText()).contains("15").contains("30");
        assertThat(robot.lookup("#quoteFormFigures-net").queryAs(Label.class).getText()).isEqualTo("¥1,400.00");
        assertThat(robot.lookup("#quoteFormFigures-marginPct").queryAs(Label.class).getText()).isEqualTo("14.29%");
        robot.clickOn("#quoteSave");
        WaitForAsyncUtils.waitForFxEvents();

        Quote created = context.quotes().forCustomer(customer.id()).stream()
                .filter(q -> q.lines().stream().anyMatch(l -> l.productId().equals(ultrasound.id())))
                .findFirst().orElseThrow();
        assertThat(created.needsApproval()).isTrue();
        waitUntil(() -> created.quoteNo().equals(robot.lookup("#quoteDetailNo").queryAs(Label.class).getText()));
        assertThat(robot.lookup("#quoteApprovalNote").queryAs(Label.class).isVisible()).isTrue();

        robot.clickOn("#quoteSend");
        WaitForAsyncUtils.waitForFxEvents();
        Label refused = robot.lookup("#quoteProblem").queryAs(Label.class);
        assertThat(refused.isVisible()).isTrue();
        assertThat(refused.getText()).isEqualTo(I18n.get("quote.send.needsApproval", created.quoteNo(), "30", "15"));
        assertThat(status(created)).isEqualTo(QuoteStatus.DRAFT);

        robot.clickOn("#quoteApprove");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status(created)).isEqualTo(QuoteStatus.READY);
        robot.clickOn("#quoteSend");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status(created)).isEqualTo(QuoteStatus.SENT);
        assertThat(robot.lookup("#quoteAccept").tryQuery()).as("the customer's answer comes next").isPresent();
    }

    private static QuoteStatus status(Quote quote) {
        return context.quotes().find(quote.id()).orElseThrow().status();
    }

    private static BigDecimal onHand(Product product, Warehouse warehouse) {
        return context.stock().level(product.id(), warehouse.id()).map(StockLevel::onHand).orElseThrow();
    }

    private static ProductDetailPane.StockRow row(TableView<ProductDetailPane.StockRow> stock, String code) {
        return stock.getItems().stream().filter(r -> r.level().warehouseCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void typingIntoTheOpenedCustomerListShowsTheMatchesAtTheirHeight(FxRobot robot) {
        List<Customer> some = context.customers().page(admin, CustomerQuery.all(), 0, 3);
        assertThat(some).hasSize(3);

        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-QUOTES");
        robot.clickOn("#quoteNew");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Customer> customers = robot.lookup("#quoteCustomer").queryAs(ComboBox.class);
        // A click on the arrow opens the list while it is still empty; then the user types.
        robot.clickOn(customers.getEditor());
        robot.interact(customers::show);
        robot.interact(() -> customers.getEditor().setText(""));
        robot.interact(() -> customers.getEditor().setText(" "));
        waitUntil(() -> customers.getItems().size() >= 3);
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.ListView<?> list = robot.lookup(".combo-box-popup .list-view")
                .queryAs(javafx.scene.control.ListView.class);
        javafx.scene.control.ListCell<?> cell = robot.from(list).lookup(".list-cell")
                .queryAs(javafx.scene.control.ListCell.class);
        assertThat(customers.isShowing()).isTrue();
        assertThat(list.getHeight()).as("the popup fits several matches, not the one row it had empty")
                .isGreaterThanOrEqualTo(3 * cell.getHeight() - 1);
        robot.interact(customers::hide);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the window did not get there in 5 s", e);
        }
    }
}
