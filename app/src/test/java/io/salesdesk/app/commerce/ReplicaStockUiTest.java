package io.salesdesk.app.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;

import javafx.scene.control.Label;
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

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.commerce.stock.WarehouseDraft;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.User;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.SyncService;

/**
 * A branch laptop shows the head office's stock of a product as of the last sync (合计可用 the hub's
 * figure, not 0), says so, and offers no 入库, 库存调整 or 在途 it would refuse, with a note saying
 * where stock is kept; its warehouses dialog lists the head office's warehouses without 新建仓库 or 编辑.
 */
@ExtendWith(ApplicationExtension.class)
class ReplicaStockUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static Database branch;
    static AppContext context;
    static Product stocked;
    static Preferences preferences;

    @BeforeAll
    static void branchOfTheHeadOffice() {
        User manager;
        try (UiTestWorkspace hub = UiTestWorkspace.create(dir.resolve("hub"))) {
            AppContext hq = hub.context();
            manager = hq.users().byUsername("manager.sh").orElseThrow();
            Actor admin = hq.users().byUsername("admin").orElseThrow().asActor();
            stocked = hq.products().create(admin, new ProductDraft("UI-ST-1", "总部库存监护仪", "监护仪", "台",
                    new BigDecimal("9800"), new BigDecimal("6000")));
            Warehouse first = hq.stock().createWarehouse(admin, new WarehouseDraft("SH-01", "上海仓", null,
                    List.of("310000")));
            hq.stock().receive(admin, stocked.id(), first.id(), new BigDecimal("7"));
            SyncService.createReplica(new LocalHub(hq.database(), UiTestWorkspace.CLOCK),
                    DatabaseConfig.embedded(dir.resolve("branch")), manager.orgUnitId(), UiTestWorkspace.CLOCK, 100)
                    .close();
        }
        branch = Database.open(DatabaseConfig.embedded(dir.resolve("branch")));
        context = new AppContext(branch, UiTestWorkspace.CLOCK, UiTestWorkspace.SAME_THREAD, null);
        context.setCurrentUser(context.users().byUsername("manager.sh").orElseThrow());
    }

    @AfterAll
    static void close() throws Exception {
        branch.close();
        preferences.removeNode();
    }

    @Start
    void start(Stage stage) {
        preferences = Preferences.userRoot().node("io/salesdesk/test/" + UUID.randomUUID());
        AppearancePreferences appearance = AppearancePreferences.load(preferences, Locale.SIMPLIFIED_CHINESE);
        appearance.setLanguage(AppearancePreferences.Language.CHINESE);
        appearance.setTheme(AppearancePreferences.Theme.LIGHT);
        stage.setScene(new MainWindow(context, appearance).createScene());
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBranchShowsTheHeadOfficesStockAsOfTheLastSyncWithoutStockActions(FxRobot robot) {
        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-PRODUCTS");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#productSearch").queryAs(TextField.class).setText("UI-ST-1"));
        TableView<Product> products = robot.lookup("#productTable").queryAs(TableView.class);
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> products.getItems().size() == 1 && products.getItems().get(0).id().equals(stocked.id()));
        robot.interact(() -> products.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#stockAtHeadOffice").tryQuery().map(n -> n.getScene() != null)
                .orElse(false));

        assertThat(robot.lookup("#productStockTotal").queryAs(Label.class).getText()).isEqualTo("合计可用 7 台");
        assertThat(robot.lookup("#productStockAsOf").queryAs(Label.class).getText()).startsWith("截至上次同步");
        assertThat(robot.lookup("#stockAtHeadOffice").queryAs(Label.class).getText()).startsWith("分支副本：库存在总部登记");
        assertThat(robot.lookup("#stockReceive").tryQuery()).isEmpty();
        assertThat(robot.lookup("#stockAdjust").tryQuery()).isEmpty();
        assertThat(robot.lookup("#stockInbound").tryQuery()).isEmpty();
        UiRobots.screenshot(robot, "#mainRoot", "replica-stock");

        robot.clickOn("#productWarehouses");
        waitUntil(() -> robot.lookup("#warehousesAtHeadOffice").tryQuery().isPresent());
        assertThat(robot.lookup("#warehousesAtHeadOffice").queryAs(Label.class).getText())
                .isEqualTo("分支副本：仓库在总部维护，下次同步后到达本机");
        assertThat(robot.lookup("#warehouseNew").tryQuery()).isEmpty();
        assertThat(robot.lookup("#warehouseEdit").tryQuery()).isEmpty();
        assertThat(robot.lookup("#warehouseTable").queryAs(TableView.class).getItems()).hasSize(1);
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the window did not get there in 5 s", e);
        }
    }
}
