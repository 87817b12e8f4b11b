package io.salesdesk.app.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.commerce.stock.WarehouseDraft;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Region;

/**
 * The catalogue's two editors as the administrator uses them: a product's substitutes ranked in
 * their dialog (and a save over someone else's change refused, the list kept), and a warehouse made
 * to serve a region, whose edit without a name is refused at the name.
 */
@ExtendWith(ApplicationExtension.class)
class SubstitutesAndWarehousesUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static Actor admin;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        context.setCurrentUser(context.users().byUsername("admin").orElseThrow());
        admin = context.currentUser().asActor();
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

    /** A failed test must not leave its dialogs over the next test's window. */
    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> {
            List<Stage> dialogs = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w instanceof Stage stage && stage.getModality() != Modality.NONE) {
                    dialogs.add(stage);
                }
            }
            // The last opened is closed first, as its nested event loop is the innermost.
            Collections.reverse(dialogs);
            dialogs.forEach(Stage::close);
        });
    }

    private static Product product(String sku) {
        return context.products().create(admin, new ProductDraft(sku, "监护仪 " + sku, "监护仪", "台",
                new BigDecimal("9800"), new BigDecimal("6000")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoSubstitutesRankedInTheDialogAreOfferedInThatOrder(FxRobot robot) {
        Product monitor = product("UI-SUB-MAIN");
        Product second = product("UI-SUB-B");
        Product first = product("UI-SUB-A");
        openProduct(robot, monitor);

        robot.clickOn("#productEditSubstitutes");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Product> picker = robot.lookup("#substitutePicker").queryAs(ComboBox.class);
        assertThat(picker.getItems()).as("not the product itself").noneMatch(p -> p.id().equals(monitor.id()));
        pick(robot, picker, second);
        robot.clickOn("#substituteAdd");
        assertThat(picker.getItems()).as("not one listed already").noneMatch(p -> p.id().equals(second.id()));
        pick(robot, picker, first);
        robot.clickOn("#substituteAdd");
        // Added last, the one to offer first moves to rank 1.
        robot.clickOn("#substituteUp");
        ListView<Product> ranked = robot.lookup("#substituteList").queryAs(ListView.class);
        assertThat(ranked.getItems()).extracting(Product::sku).containsExactly("UI-SUB-A", "UI-SUB-B");
        robot.clickOn("#substitutesSave");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.products().substitutes(monitor.id())).extracting(Product::sku)
                .containsExactly("UI-SUB-A", "UI-SUB-B");
        waitUntil(() -> shownSubstitutes(robot).size() == 2);
        assertThat(shownSubstitutes(robot)).containsExactly("UI-SUB-A  监护仪 UI-SUB-A", "UI-SUB-B  监护仪 UI-SUB-B");
    }

    @Test
    @SuppressWarnings("unchecked")
    void substitutesSavedOverSomeoneElsesChangeAreRefusedAndKeptInTheDialog(FxRobot robot) {
        Product monitor = product("UI-SUB-STALE");
        Product other = product("UI-SUB-C");
        openProduct(robot, monitor);
        robot.clickOn("#productEditSubstitutes");
        WaitForAsyncUtils.waitForFxEvents();
        pick(robot, robot.lookup("#substitutePicker").queryAs(ComboBox.class), other);
        robot.clickOn("#substituteAdd");

        context.products().update(admin, monitor.id(), monitor.version(),
                new ProductDraft("UI-SUB-STALE", "监护仪 已改名", "监护仪", "台", new BigDecimal("9800"),
                        new BigDecimal("6000")));
        robot.clickOn("#substitutesSave");
        WaitForAsyncUtils.waitForFxEvents();

        Label problem = robot.lookup(".general-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo(I18n.get("error.stale"));
        assertThat(robot.lookup("#substituteList").queryAs(ListView.class).getItems()).as("nothing lost")
                .containsExactly(other);
        assertThat(context.products().substitutes(monitor.id())).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWarehouseMadeInTheDialogServesTheRegionItWasGiven(FxRobot robot) {
        openCatalogue(robot);
        robot.clickOn("#productWarehouses");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#warehouseNew");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            robot.lookup("#warehouseCode").queryAs(TextField.class).setText("UIWZ9");
            robot.lookup("#warehouseName").queryAs(TextField.class).setText("温州测试仓");
        });
        // 鹿城区 first, then all of 温州市: the city replaces the county inside it.
        chooseRegion(robot, "330000", "330300", "330302");
        robot.clickOn("#warehouseAddTerritory");
        chooseRegion(robot, "330000", "330300", null);
        robot.clickOn("#warehouseAddTerritory");
        assertThat(robot.lookup("#warehouseTerritories").queryAs(javafx.scene.layout.FlowPane.class).getChildren())
                .hasSize(1);
        robot.clickOn("#warehouseSave");
        WaitForAsyncUtils.waitForFxEvents();

        Warehouse made = context.stock().warehouses().stream().filter(w -> w.code().equals("UIWZ9")).findFirst()
                .orElseThrow();
        assertThat(made.regionCodes()).containsExactly("330300");
        assertThat(context.stock().servingWarehouses("330302")).extracting(Warehouse::code).contains("UIWZ9");
        assertThat(context.stock().servingWarehouses("320508")).extracting(Warehouse::code).doesNotContain("UIWZ9");
        TableView<Warehouse> table = robot.lookup("#warehouseTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().stream().anyMatch(w -> w.code().equals("UIWZ9")));
        assertThat(table.getSelectionModel().getSelectedItem().code()).isEqualTo("UIWZ9");
        assertThat(table.getColumns().get(3).getCellData(made)).isEqualTo("浙江省 温州市");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEditThatLeavesTheNameEmptyIsRefusedAtTheNameAndSavesNothing(FxRobot robot) {
        Warehouse ningbo = context.stock().createWarehouse(admin,
                new WarehouseDraft("UINB9", "宁波测试仓", null, List.of("330200")));
        openCatalogue(robot);
        robot.clickOn("#productWarehouses");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Warehouse> table = robot.lookup("#warehouseTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().stream().anyMatch(w -> w.id().equals(ningbo.id())));
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(w -> w.id().equals(ningbo.id())).findFirst().orElseThrow()));
        robot.clickOn("#warehouseEdit");
        WaitForAsyncUtils.waitForFxEvents();
        TextField name = robot.lookup("#warehouseName").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo("宁波测试仓");
        robot.interact(() -> {
            name.clear();
            robot.lookup("#warehouseActive").queryAs(javafx.scene.control.CheckBox.class).setSelected(false);
        });
        robot.clickOn("#warehouseSave");
        WaitForAsyncUtils.waitForFxEvents();

        FormField field = (FormField) name.getParent();
        assertThat(field.hasProblem()).isTrue();
        assertThat(field.problemLabel().getText()).isEqualTo(I18n.get("warehouse.name.required"));
        assertThat(robot.lookup("#warehouseSave").tryQuery()).as("the dialog stays open").isPresent();
        Warehouse stored = context.stock().warehouse(ningbo.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(ningbo.version());
        assertThat(stored.name()).isEqualTo("宁波测试仓");
        assertThat(stored.active()).isTrue();

        robot.clickOn(LabeledMatchers.hasText(I18n.get("action.cancel")));
        robot.clickOn(LabeledMatchers.hasText(I18n.get("warehouses.close")));
    }

    private static void openCatalogue(FxRobot robot) {
        robot.clickOn("#nav-COMMERCE");
        robot.clickOn("#commerceView-PRODUCTS");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static void openProduct(FxRobot robot, Product product) {
        openCatalogue(robot);
        robot.interact(() -> robot.lookup("#productSearch").queryAs(TextField.class).setText(product.sku()));
        TableView<Product> products = robot.lookup("#productTable").queryAs(TableView.class);
        // The search waits for the typing to stop; its reload redraws the detail pane.
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> products.getItems().size() == 1 && products.getItems().get(0).id().equals(product.id()));
        robot.interact(() -> products.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#productDetailSku").tryQuery()
                .map(n -> product.sku().equals(((Label) n).getText()) && n.getScene() != null).orElse(false));
        waitUntil(() -> robot.lookup("#productEditSubstitutes").tryQuery().map(n -> n.getScene() != null)
                .orElse(false));
    }

    private static void pick(FxRobot robot, ComboBox<Product> picker, Product product) {
        robot.interact(() -> picker.setValue(picker.getItems().stream().filter(p -> p.id().equals(product.id()))
                .findFirst().orElseThrow()));
    }

    /** Province, city and (when given) county in the warehouse form's region picker. */
    @SuppressWarnings("unchecked")
    private static void chooseRegion(FxRobot robot, String province, String city, String county) {
        String[] codes = {province, city, county};
        String[] ids = {"#warehouseProvince", "#warehouseCity", "#warehouseCounty"};
        for (int i = 0; i < codes.length && codes[i] != null; i++) {
            ComboBox<Region> box = robot.lookup(ids[i]).queryAs(ComboBox.class);
            String code = codes[i];
            robot.interact(() -> box.setValue(box.getItems().stream().filter(r -> r != null && r.code().equals(code))
                    .findFirst().orElseThrow()));
        }
    }

    /** The substitutes in the detail pane, top to bottom, as "SKU  name". */
    private static List<String> shownSubstitutes(FxRobot robot) {
        VBox list = robot.lookup("#productSubstitutes").queryAs(VBox.class);
        return list.getChildren().stream().filter(n -> n instanceof HBox)
                .map(n -> ((VBox) ((HBox) n).getChildren().get(1)).getChildren().get(0))
                .map(n -> ((Label) n).getText()).toList();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the window did not get there in 5 s", e);
        }
    }
}
