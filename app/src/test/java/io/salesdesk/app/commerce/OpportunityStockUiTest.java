package io.salesdesk.app.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.stock.StockCheck;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.commerce.stock.WarehouseDraft;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.Opportunity;

/**
 * A rep plans a monitor that is out of stock where the customer is served: the form says so while
 * it is being filled in and offers the substitute that is there, and the saved deal keeps the check.
 */
@ExtendWith(ApplicationExtension.class)
class OpportunityStockUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static Actor admin;
    static Customer customer;
    static Product monitor;
    static Product substitute;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        context.setCurrentUser(context.users().byUsername("admin").orElseThrow());
        admin = context.currentUser().asActor();
        customer = context.customers().page(admin, CustomerQuery.all(), 0, 50).stream()
                .filter(c -> c.regionCode() != null).findFirst().orElseThrow();
        String province = customer.regionCode().substring(0, 2) + "0000";
        Warehouse warehouse = context.stock().createWarehouse(admin,
                new WarehouseDraft("WH-T1", "测试仓", "测试路 1 号", List.of(province)));
        monitor = context.products().create(admin, new ProductDraft("MON-T100", "测试监护仪 T100", "监护仪", "台",
                new BigDecimal("38000.00"), new BigDecimal("26000.00")));
        substitute = context.products().create(admin, new ProductDraft("MON-T90", "测试监护仪 T90", "监护仪", "台",
                new BigDecimal("32000.00"), new BigDecimal("21000.00")));
        context.products().setSubstitutes(admin, monitor.id(), monitor.version(), List.of(substitute.id()));
        context.stock().receive(admin, substitute.id(), warehouse.id(), new BigDecimal("30"));
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
    @SuppressWarnings("unchecked")
    void anOutOfStockMonitorShowsItsSubstituteInTheFormAndTheDealKeepsTheCheck(FxRobot robot) throws Exception {
        robot.clickOn("#nav-PIPELINE");
        robot.clickOn("#newOpportunity");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Customer> customers = robot.lookup("#opportunityCustomer").queryAs(ComboBox.class);
        robot.interact(() -> {
            customers.getItems().setAll(customer);
            customers.setValue(customer);
        });
        robot.clickOn("#opportunityName").write("监护仪 5 台");
        robot.clickOn("#productLinesAdd");
        SearchableComboBox<Product> product = robot.lookup("#productLine-0").queryAs(SearchableComboBox.class);
        robot.interact(() -> product.setValue(product.getItems().stream()
                .filter(p -> p.id().equals(monitor.id())).findFirst().orElseThrow()));
        robot.interact(() -> robot.lookup("#productLineQty-0").queryAs(javafx.scene.control.TextField.class)
                .setText("5"));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#stockSubstitute-MON-T100-MON-T90")
                .tryQuery().isPresent());
        assertThat(robot.lookup("#stockVerdict").queryAs(Label.class).getText()).contains("缺货");
        assertThat(robot.lookup("#stockStatus-MON-T100").queryAs(Label.class).getText()).isEqualTo("缺 5，可用 0");
        assertThat(robot.lookup("#stockSubstitute-MON-T100-MON-T90").queryAs(Label.class).getText())
                .contains("测试监护仪 T90").contains("可用 30，足够");

        robot.clickOn("#opportunitySave");
        WaitForAsyncUtils.waitForFxEvents();
        // A shortage holds the customer's monitor orders; the form says so and closes.
        robot.lookup(".alert").tryQuery().ifPresent(alert -> robot.interact(() -> alert.getScene().getWindow().hide()));

        Opportunity deal = context.opportunities().forCustomer(admin, customer.id()).stream()
                .filter(o -> o.name().equals("监护仪 5 台")).findFirst().orElseThrow();
        assertThat(context.opportunityLines().lines(admin, deal.id())).singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("5"));
        StockCheck kept = context.opportunityLines().lastCheck(admin, deal.id()).orElseThrow();
        assertThat(kept.hasShortage()).isTrue();
        assertThat(context.freezes().isFrozen(customer.id(), "监护仪")).isTrue();
    }
}
