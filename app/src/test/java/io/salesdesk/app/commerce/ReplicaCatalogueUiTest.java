package io.salesdesk.app.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
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
import io.salesdesk.crm.User;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.SyncService;

/**
 * A branch laptop shows the head office's catalogue, a product made there included, and says where
 * products are edited instead of offering 新建产品, 编辑, 停售 and the substitutes' editor it would refuse.
 */
@ExtendWith(ApplicationExtension.class)
class ReplicaCatalogueUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static Database branch;
    static AppContext context;
    static Product madeAtHeadOffice;
    static Preferences preferences;

    @BeforeAll
    static void branchOfTheHeadOffice() {
        User manager;
        try (UiTestWorkspace hub = UiTestWorkspace.create(dir.resolve("hub"))) {
            AppContext hq = hub.context();
            manager = hq.users().byUsername("manager.sh").orElseThrow();
            madeAtHeadOffice = hq.products().create(hq.users().byUsername("admin").orElseThrow().asActor(),
                    new ProductDraft("UI-HQ-1", "总部新品监护仪", "监护仪", "台", new BigDecimal("9800"),
                            new BigDecimal("6000")));
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
    void theBranchShowsTheHeadOfficeCatalogueWithANoteInsteadOfItsEditActions(FxRobot robot) {
        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-PRODUCTS");
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup("#productsAtHeadOffice").tryQuery().isPresent());
        assertThat(robot.lookup("#productsAtHeadOffice").queryAs(Label.class).getText())
                .isEqualTo("分支副本：产品目录在总部维护，下次同步后到达本机");
        assertThat(robot.lookup("#productNew").tryQuery()).isEmpty();

        robot.interact(() -> robot.lookup("#productSearch").queryAs(TextField.class).setText("UI-HQ-1"));
        TableView<Product> products = robot.lookup("#productTable").queryAs(TableView.class);
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> products.getItems().size() == 1
                && products.getItems().get(0).id().equals(madeAtHeadOffice.id()));
        robot.interact(() -> products.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#productDetailAtHeadOffice").tryQuery().map(n -> n.getScene() != null)
                .orElse(false));

        assertThat(robot.lookup("#productDetailSku").queryAs(Label.class).getText()).isEqualTo("UI-HQ-1");
        assertThat(robot.lookup("#productEdit").tryQuery()).isEmpty();
        assertThat(robot.lookup("#productDeactivate").tryQuery()).isEmpty();
        assertThat(robot.lookup("#productEditSubstitutes").tryQuery()).isEmpty();
        UiRobots.screenshot(robot, "#mainRoot", "replica-products");
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the window did not get there in 5 s", e);
        }
    }
}
