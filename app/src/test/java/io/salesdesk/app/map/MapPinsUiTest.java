package io.salesdesk.app.map;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerLocation;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.RegionRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.territory.place.MapPosition;
import io.salesdesk.territory.place.Placement;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Shanghai manager's map on the demo workspace, offline: a customer pin dragged in 移动图钉 mode
 * is saved where it was dropped, a customer with no place is counted and listed, and the pain-point
 * layer fills the region whose customers carry the chosen tag.
 */
@ExtendWith(ApplicationExtension.class)
class MapPinsUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }


    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static User manager;
    static Customer unplaced;

    @BeforeAll
    static void openWorkspace() {
        OfflineNetwork.cutOff();
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        manager = context.users().byUsername("manager.sh").orElseThrow();
        context.setCurrentUser(manager);
        Actor actor = manager.asActor();
        List<Customer> visible = visibleCustomers();
        // Three of the region's customers complain of a competitor (竞品渗透).
        for (Customer c : visible.subList(0, 3)) {
            context.customerLocations().setTags(actor, c.id(), List.of("竞品渗透"));
        }
        User rep = context.users().byUsername("rep.sh1").orElseThrow();
        unplaced = context.customers().create(actor, new CustomerDraft("无址诊所", null, Tier.C, null, null,
                "建设路 88 号", null, rep.id()));
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
        OfflineNetwork.restore();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @BeforeEach
    void openMap(FxRobot robot) {
        robot.clickOn("#nav-MAP");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<Customer> visibleCustomers() {
        List<Customer> all = new ArrayList<>();
        context.customers().forEach(manager.asActor(), CustomerQuery.all(), all::add);
        return all;
    }

    @Test
    void aCustomerWithoutAPlaceIsCountedAndListedWithItsAddress(FxRobot robot) {
        Hyperlink link = robot.lookup("#mapNeedsLocation").queryAs(Hyperlink.class);

        assertThat(link.isVisible()).isTrue();
        assertThat(link.getText()).isEqualTo("1 个客户待定位");

        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<Customer> table = robot.lookup("#mapNeedsLocationTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(Customer::name, Customer::address)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("无址诊所", "建设路 88 号"));
        robot.interact(() -> table.getScene().getWindow().hide());
    }

    @Test
    void aPinDraggedInMoveModeIsSavedWhereItWasDroppedAndStaysThereAfterAReload(FxRobot robot) {
        MapPage page = robot.lookup("#mapPage").queryAs(MapPage.class);
        MapView map = page.mapView();
        Node pin = loneMovablePin(robot, map);
        UUID id = (UUID) pin.getUserData();
        Bounds from = pin.localToScreen(pin.getBoundsInLocal());
        Point2D drop = new Point2D(from.getCenterX() + 60, from.getCenterY() + 40);
        Point2D dropOnMap = map.screenToLocal(drop);
        MapPoint expected = map.getMapPosition(dropOnMap.getX(), dropOnMap.getY());
        double centreBefore = map.getCenter().getLongitude();

        robot.clickOn("#mapMovePins");
        robot.drag(new Point2D(from.getCenterX(), from.getCenterY())).dropTo(drop);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#mapMovePins");

        Record2<BigDecimal, BigDecimal> saved = context.database().transactionResult(cfg -> DSL.using(cfg)
                .select(CUSTOMER.LONGITUDE, CUSTOMER.LATITUDE).from(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOne());
        assertThat(saved.value1().doubleValue()).isCloseTo(expected.getLongitude(), within(2e-4));
        assertThat(saved.value2().doubleValue()).isCloseTo(expected.getLatitude(), within(2e-4));
        assertThat(map.getCenter().getLongitude()).as("the map did not pan").isEqualTo(centreBefore);
        assertThat(robot.lookup("#mapPinsNote").queryAs(Label.class).getText()).startsWith("已把“");

        robot.clickOn("#mapReload");
        WaitForAsyncUtils.waitForFxEvents();
        // After the reload the pin is drawn at the saved place: centre the map there and it is in the middle.
        robot.interact(() -> {
            map.setZoom(15);
            map.setCenter(saved.value2().doubleValue(), saved.value1().doubleValue());
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node again = robot.lookup("#customerLayer .map-pin.movable").queryAll().stream()
                .filter(n -> id.equals(n.getUserData())).findFirst().orElseThrow();
        Bounds now = again.localToScreen(again.getBoundsInLocal());
        Bounds mapNow = map.localToScreen(map.getBoundsInLocal());
        assertThat(now.getCenterX()).isCloseTo(mapNow.getCenterX(), within(2.0));
        assertThat(now.getCenterY()).isCloseTo(mapNow.getCenterY(), within(2.0));
    }

    /** Closes in on one customer after another until one stands alone (not in a cluster); its pin. */
    private static Node loneMovablePin(FxRobot robot, MapView map) {
        Placement placement = new Placement(context.database().transactionResult(
                cfg -> RegionRepository.using(cfg).all()));
        for (CustomerLocation c : context.customerLocations().locations(manager.asActor())) {
            MapPosition p = placement.place(c).orElse(null);
            if (p == null) {
                continue;
            }
            robot.interact(() -> {
                map.setZoom(15);
                map.setCenter(p.latitude(), p.longitude());
            });
            WaitForAsyncUtils.waitForFxEvents();
            Node pin = robot.lookup("#customerLayer .map-pin.movable").queryAll().stream()
                    .filter(n -> c.id().equals(n.getUserData())).findFirst().orElse(null);
            if (pin != null) {
                return pin;
            }
        }
        throw new AssertionError("no customer pin stands alone at zoom 15");
    }

    @Test
    void aPinDraggedAfterSomeoneElseMovedItGoesBackAndSaysWhy(FxRobot robot) {
        MapView map = robot.lookup("#mapPage").queryAs(MapPage.class).mapView();
        Node pin = loneMovablePin(robot, map);
        UUID id = (UUID) pin.getUserData();
        long shown = context.customerLocations().locations(manager.asActor()).stream()
                .filter(c -> c.id().equals(id)).findFirst().orElseThrow().version();
        // The general manager moves the same customer while the map still shows the old version.
        Actor gm = context.users().byUsername("gm").orElseThrow().asActor();
        context.customerLocations().setLocation(gm, id, shown, new BigDecimal("121.400000"),
                new BigDecimal("31.100000"));
        Bounds from = pin.localToScreen(pin.getBoundsInLocal());

        robot.clickOn("#mapMovePins");
        robot.drag(new Point2D(from.getCenterX(), from.getCenterY()))
                .dropTo(new Point2D(from.getCenterX() + 50, from.getCenterY() - 30));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#mapMovePins");

        String gmName = context.users().byUsername("gm").orElseThrow().displayName();
        // It says what the other person changed, from the change log.
        assertThat(robot.lookup("#mapPinsNote").queryAs(Label.class).getText()).contains("刚被他人修改")
                .contains(gmName).contains("修改了位置");
        Record2<BigDecimal, BigDecimal> saved = context.database().transactionResult(cfg -> DSL.using(cfg)
                .select(CUSTOMER.LONGITUDE, CUSTOMER.LATITUDE).from(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOne());
        assertThat(saved.value1()).isEqualByComparingTo("121.4");
        assertThat(saved.value2()).isEqualByComparingTo("31.1");
    }

    @Test
    void thePainPointLayerFillsTheRegionWhoseCustomersCarryTheTag(FxRobot robot) {
        robot.clickOn("#mapLayerPain");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> tag = robot.lookup("#mapPainTag").queryAs(ComboBox.class);

        assertThat(tag.getItems()).containsExactly("竞品渗透");
        assertThat(tag.getValue()).isEqualTo("竞品渗透");
        Node shanghai = robot.lookup("#painLayer .map-pain-region").queryAll().stream()
                .filter(n -> "310000".equals(n.getUserData())).findFirst().orElseThrow();
        // 3 customers in the one tagged region: classes 1, 2, 3 and Shanghai in the darkest.
        assertThat(shanghai.getStyleClass()).contains("map-pain-class-2");
        assertThat(robot.lookup("#painLayer .map-pain-region").queryAll()).hasSize(1);
        assertThat(robot.lookup("#mapPainPanel .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("3 位客户");

        robot.clickOn("#mapLayerPain");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#painLayer .map-pain-region").queryAll()).isEmpty();
    }
}
