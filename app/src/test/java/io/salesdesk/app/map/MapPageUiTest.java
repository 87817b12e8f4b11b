package io.salesdesk.app.map;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiRobots;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.app.tasks.TasksPage;
import io.salesdesk.board.Board;
import io.salesdesk.board.BoardView;
import io.salesdesk.board.Card;
import io.salesdesk.board.task.Task;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerLocation;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.RegionRepository;
import io.salesdesk.crm.User;
import io.salesdesk.territory.layer.DemandKind;
import io.salesdesk.territory.layer.LonLat;
import io.salesdesk.territory.place.MapPosition;
import io.salesdesk.territory.place.Placement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
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
 * The map as the Shanghai regional manager opens it on the demo workspace, without network: the
 * region's customers are drawn as pins and clusters, a rectangle dragged over the west of the map
 * selects exactly the customers placed there, and assigning them an owner writes the new owner.
 */
@ExtendWith(ApplicationExtension.class)
class MapPageUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;
    static User manager;

    private static Thread.UncaughtExceptionHandler testFxHandler;

    @BeforeAll
    static void openWorkspace() {
        OfflineNetwork.cutOff();
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        manager = context.users().byUsername("manager.sh").orElseThrow();
        context.setCurrentUser(manager);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
        OfflineNetwork.restore();
        if (testFxHandler != null) {
            Thread.setDefaultUncaughtExceptionHandler(testFxHandler);
            testFxHandler = null;
        }
    }

    /**
     * Until the app registers its own tile retriever (with an offline basemap), Gluon's default one
     * reports each tile it cannot fetch as an uncaught exception; those are expected offline and
     * only those are kept from failing the test.
     */
    private static synchronized void tolerateMissingTiles() {
        if (testFxHandler != null) {
            return;
        }
        testFxHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler delegate = testFxHandler;
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (!isTileFailure(error) && delegate != null) {
                delegate.uncaughtException(thread, error);
            }
        });
    }

    private static boolean isTileFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("tile.openstreetmap.org")) {
                return true;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("com.gluonhq.impl.maps.tile")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Start
    void start(Stage stage) {
        tolerateMissingTiles();
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @BeforeEach
    void openMap(FxRobot robot) {
        robot.clickOn("#nav-MAP");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<Customer> visibleCustomers() {
        Actor actor = manager.asActor();
        List<Customer> all = new ArrayList<>();
        context.customers().forEach(actor, CustomerQuery.all(), all::add);
        return all;
    }

    private static int customersDrawn(FxRobot robot) {
        int total = robot.lookup("#customerLayer .map-pin").queryAll().size();
        for (Node cluster : robot.lookup("#customerLayer .map-cluster").queryAll()) {
            total += (Integer) cluster.getUserData();
        }
        return total;
    }

    @Test
    void theRegionsCustomersAreDrawnAsPinsAndClusters(FxRobot robot) {
        int customers = visibleCustomers().size();

        int nodes = robot.lookup("#customerLayer .map-pin").queryAll().size()
                + robot.lookup("#customerLayer .map-cluster").queryAll().size();

        assertThat(customers).isPositive();
        assertThat(nodes).isPositive().isLessThan(customers);
        assertThat(robot.lookup("#customerLayer .map-cluster").queryAll()).isNotEmpty();
        assertThat(customersDrawn(robot)).isEqualTo(customers);
        assertThat(robot.lookup("#repLayer .map-rep-base").queryAll()).hasSize(4);
        assertThat(robot.lookup("#mapStatus").queryAs(Label.class).getText()).contains(String.valueOf(customers));
        assertThat(robot.lookup("#mapNeedsLocation").queryAs(Node.class).isVisible())
                .as("every customer has a place: no 待定位 link").isFalse();
    }

    @Test
    void theHeatLayerPaintsTheFollowUpsOfThePeriodChosen(FxRobot robot) {
        MapPage page = robot.lookup("#mapPage").queryAs(MapPage.class);
        @SuppressWarnings("unchecked")
        ComboBox<DemandKind> kind = robot.lookup("#mapHeatKind").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<HeatPeriod> period = robot.lookup("#mapHeatPeriod").queryAs(ComboBox.class);

        robot.interact(() -> kind.getSelectionModel().select(DemandKind.ACTIVITIES));
        robot.interact(() -> period.getSelectionModel().select(HeatPeriod.LAST_30_DAYS));
        WaitForAsyncUtils.waitForFxEvents();
        int month = page.heatPoints();
        robot.interact(() -> period.getSelectionModel().select(HeatPeriod.THIS_WEEK));
        WaitForAsyncUtils.waitForFxEvents();
        int week = page.heatPoints();

        assertThat(month).isPositive();
        assertThat(week).isPositive().isLessThan(month);
        robot.interact(() -> period.getSelectionModel().select(HeatPeriod.LAST_30_DAYS));
        robot.clickOn("#mapColourOwner");
        WaitForAsyncUtils.waitForFxEvents();
        UiRobots.screenshot(robot, "#mapPage", "map-heat-owners.png");
    }

    /** Drags a rectangle over the west half of the map; returns the customers that should now be selected. */
    private static List<UUID> selectWestHalf(FxRobot robot) {
        MapPage page = robot.lookup("#mapPage").queryAs(MapPage.class);
        MapView map = page.mapView();
        Bounds onScreen = map.localToScreen(map.getBoundsInLocal());
        // The west half of the map, top to bottom (a few pixels inside its edges).
        double midX = map.getWidth() / 2;
        double west = map.getMapPosition(midX, map.getHeight() / 2).getLongitude();
        MapPoint top = map.getMapPosition(5, 5);
        MapPoint bottom = map.getMapPosition(5, map.getHeight() - 5);
        Placement placement = new Placement(context.database().transactionResult(
                cfg -> RegionRepository.using(cfg).all()));
        List<UUID> expected = context.customerLocations().locations(manager.asActor()).stream().filter(c -> {
            MapPosition p = placement.place(c).orElseThrow();
            return p.longitude() <= west && p.longitude() >= map.getMapPosition(5, 5).getLongitude()
                    && p.latitude() <= top.getLatitude() && p.latitude() >= bottom.getLatitude();
        }).map(CustomerLocation::id).toList();
        assertThat(expected).as("customers in the west half of the map").isNotEmpty();

        robot.clickOn("#mapModeRectangle");
        robot.drag(new Point2D(onScreen.getMinX() + 5, onScreen.getMinY() + 5))
                .dropTo(new Point2D(onScreen.getMinX() + midX, onScreen.getMinY() + map.getHeight() - 5));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#mapSelectionBar").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#mapSelectionCount").queryAs(Label.class).getText())
                .isEqualTo("已选择 " + expected.size() + " 位客户");

        return expected;
    }

    @Test
    void aRectangleSelectsTheCustomersInsideItAndTheyCanBeHandedToAnotherRep(FxRobot robot) throws Exception {
        List<UUID> expected = selectWestHalf(robot);

        User newOwner = context.users().byUsername("rep.sh2").orElseThrow();
        robot.clickOn("#mapAssignOwner");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#mapAssignRep").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<User> rep = robot.lookup("#mapAssignRep").queryAs(ComboBox.class);
        robot.interact(() -> rep.setValue(rep.getItems().stream().filter(u -> u.id().equals(newOwner.id()))
                .findFirst().orElseThrow()));
        robot.clickOn("#mapAssignReason").write("按区域重新划分");
        robot.clickOn("#mapAssignSave");
        WaitForAsyncUtils.waitForFxEvents();

        Map<UUID, UUID> owners = context.database().transactionResult(cfg -> DSL.using(cfg)
                .select(CUSTOMER.ID, CUSTOMER.OWNER_ID).from(CUSTOMER).where(CUSTOMER.ID.in(expected))
                .fetch().stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2())));
        assertThat(owners).hasSize(expected.size());
        assertThat(owners.values()).containsOnly(newOwner.id());
        assertThat(robot.lookup("#mapSelectionOutcome").queryAs(Label.class).getText()).startsWith("已转移 ");
        UiRobots.screenshot(robot, "#mapPage", "map-selection.png");
        assertThat(robot.lookup("#mapSelectionCount").queryAs(Label.class).getText())
                .isEqualTo("已选择 " + expected.size() + " 位客户");
    }

    @Test
    void selectedCustomersGoOnATaskBoardAsOneCardEachAndTheBoardOpensFromTheOutcome(FxRobot robot) throws Exception {
        List<UUID> expected = selectWestHalf(robot);

        robot.clickOn("#mapAddToBoard");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#mapBoardTaskTitle").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<Board> board = robot.lookup("#mapBoardPicker").queryAs(ComboBox.class);
        Board chosen = board.getValue();
        assertThat(chosen).as("the demo's task board is offered first").isNotNull();
        robot.interact(() -> robot.lookup("#mapBoardTaskTitle").queryAs(TextField.class).setText("季度回访"));
        robot.clickOn("#mapBoardSave");
        WaitForAsyncUtils.waitForFxEvents();

        Map<UUID, UUID> assignees = context.database().transactionResult(cfg -> DSL.using(cfg)
                .select(TASK.CUSTOMER_ID, TASK.ASSIGNEE_ID).from(TASK).where(TASK.TITLE.eq("季度回访"))
                .fetch().stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2())));
        Map<UUID, UUID> owners = context.database().transactionResult(cfg -> DSL.using(cfg)
                .select(CUSTOMER.ID, CUSTOMER.OWNER_ID).from(CUSTOMER)
                .where(CUSTOMER.ID.in(expected), CUSTOMER.OWNER_ID.isNotNull())
                .fetch().stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2())));
        assertThat(assignees).as("one card per selected customer, for its own rep").isEqualTo(owners);
        assertThat(robot.lookup("#mapSelectionOutcome").queryAs(Label.class).getText())
                .startsWith("已在“" + chosen.name() + "”加入 " + owners.size() + " 张任务卡");

        robot.clickOn("#mapOpenBoard");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tasksPage").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<Board> shown = robot.lookup("#tasksPage #boardPicker").queryAs(ComboBox.class);
        assertThat(shown.getValue().id()).isEqualTo(chosen.id());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            BoardView view = robot.lookup("#tasksPage").queryAs(TasksPage.class).view();
            return view != null && view.board().id().equals(chosen.id());
        });
        List<UUID> cardsOnBoard = robot.lookup("#tasksPage").queryAs(TasksPage.class).view().columns().stream()
                .flatMap(c -> c.cards().stream()).map(Card::item).map(Task.class::cast)
                .filter(t -> t.title().equals("季度回访")).map(Task::customerId).toList();
        assertThat(cardsOnBoard).isNotEmpty().allMatch(owners::containsKey);
    }

    @Test
    void aClickOnAClusterZoomsIn(FxRobot robot) {
        MapPage page = robot.lookup("#mapPage").queryAs(MapPage.class);
        robot.clickOn("#mapLayerReps");
        WaitForAsyncUtils.waitForFxEvents();
        double before = page.mapView().getZoom();
        // A cluster in sight (clusters also cover a margin around the view), clear of the legend.
        Bounds mapBounds = page.mapView().localToScreen(page.mapView().getBoundsInLocal());
        Bounds legend = robot.lookup("#mapLegend").queryAs(Node.class).localToScreen(
                robot.lookup("#mapLegend").queryAs(Node.class).getBoundsInLocal());
        // Rep bases are drawn above the pins: a cluster under one cannot be clicked.
        List<Bounds> bases = robot.lookup("#repLayer .map-rep-base").queryAll().stream()
                .map(n -> n.localToScreen(n.getBoundsInLocal())).toList();
        Node cluster = robot.lookup("#customerLayer .map-cluster").queryAll().stream()
                .filter(n -> {
                    Bounds b = n.localToScreen(n.getBoundsInLocal());
                    double x = b.getCenterX();
                    double y = b.getCenterY();
                    return mapBounds.contains(x, y) && !legend.contains(x, y)
                            && bases.stream().noneMatch(base -> base.contains(x, y));
                })
                .max(Comparator.comparingInt(n -> (Integer) n.getUserData())).orElseThrow();

        robot.clickOn(cluster);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.mapView().getZoom()).isGreaterThan(before);
    }
}
