package io.salesdesk.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.crm.User;
import io.salesdesk.territory.demo.DemoTerritories;
import io.salesdesk.territory.geo.Boundaries;
import io.salesdesk.territory.geo.RegionShape;
import io.salesdesk.territory.surge.MacroRegion;
import io.salesdesk.territory.territory.Territory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
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
 * Territories and the demand surge on the map, as the Shanghai regional manager sees them on a
 * workspace with the demo's territories and its East China surge: the surge banner says the
 * suggestion and accepting it lends the reps, the territories are drawn, and in the editing mode
 * a click on a city adds it to the chosen territory (or says which territory holds it already).
 */
@ExtendWith(ApplicationExtension.class)
class TerritoryMapUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    private static final String SUGGESTION = "临时抽调华南 2 名负荷最低的销售：李娜 (0.31)、王强 (0.35)，并开放其华东公海访问 7 天";

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;

    @BeforeAll
    static void openWorkspace() {
        // No network: tiles fall back to the drawn basemap at once.
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", "9");
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", "9");
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        new DemoTerritories(context.database(), UiTestWorkspace.CLOCK).create(42);
        context.surges().scan(UiTestWorkspace.CLOCK.instant());
        context.setCurrentUser(context.users().byUsername("manager.sh").orElseThrow());
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
        for (String p : new String[] {"http.proxyHost", "http.proxyPort", "https.proxyHost", "https.proxyPort"}) {
            System.clearProperty(p);
        }
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

    private static MapPage page(FxRobot robot) {
        return robot.lookup("#mapPage").queryAs(MapPage.class);
    }

    @Test
    void theSurgeBannerSaysTheSuggestionAndAcceptingItOpensThePoolToTheLentReps(FxRobot robot) {
        assertThat(robot.lookup("#surgeBanner").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#surgeSuggestion").queryAs(Label.class).getText()).isEqualTo(SUGGESTION);
        assertThat(robot.lookup("#surgeHeadline").queryAs(Label.class).getText()).startsWith("华东询盘激增");
        // East China's seven provinces are outlined in red while the alert is shown.
        assertThat(robot.lookup("#territoryLayer .map-surge-outline").queryAll()).hasSize(7);

        robot.clickOn("#surgeAccept");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#surgeOutcome").queryAs(Label.class).getText())
                .startsWith("已开放华东公海与线索访问给 李娜、王强，共 7 天");
        for (String rep : new String[] {"rep.gd1", "rep.gd2"}) {
            User lent = context.users().byUsername(rep).orElseThrow();
            assertThat(context.surges().activeGrants(lent.id()).keySet())
                    .containsExactlyInAnyOrderElementsOf(MacroRegion.EAST.provinceCodes());
        }
        User third = context.users().byUsername("rep.gd3").orElseThrow();
        assertThat(context.surges().activeGrants(third.id())).isEmpty();
        assertThat(context.surges().openAlerts(context.currentUser().asActor())).isEmpty();
    }

    @Test
    void everyTerritoryIsDrawnInItsColourWithItsName(FxRobot robot) {
        TerritoryLayer layer = page(robot).territoryLayer();
        assertThat(layer.territories()).hasSize(7);
        assertThat(robot.lookup("#territoryLayer .map-territory").queryAll()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(robot.lookup("#territoryLabelLayer .map-territory-name").<Text>queryAll().stream()
                .filter(Node::isVisible).map(Text::getText)).contains("浦东团队辖区");
        assertThat(robot.lookup("#mapLegend").queryAs(Node.class).lookupAll(".map-territory-legend")).isNotEmpty();
    }

    @Test
    void inEditModeAClickOnACityAddsItToTheChosenTerritoryOrNamesTheTerritoryHoldingIt(FxRobot robot) {
        MapView map = page(robot).mapView();
        robot.interact(() -> {
            map.setZoom(7);
            map.setCenter(31.6, 119.0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Territory pudong = territory("浦东团队辖区");
        robot.clickOn("#mapTerritoryEdit");
        @SuppressWarnings("unchecked")
        ComboBox<Territory> chooser = robot.lookup("#mapTerritoryChooser").queryAs(ComboBox.class);
        robot.interact(() -> chooser.setValue(chooser.getItems().stream().filter(t -> t.id().equals(pudong.id()))
                .findFirst().orElseThrow()));

        robot.clickOn(pointOf(robot, map, "340200")); // 芜湖, in no territory
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(territory("浦东团队辖区").regionCodes()).contains("340200");
        assertThat(robot.lookup("#mapTerritoryMessage").queryAs(Label.class).getText())
                .isEqualTo("已将 安徽省 芜湖市 加入“浦东团队辖区”。");

        Territory holder = context.territories().list().stream().filter(t -> t.regionCodes().contains("320100"))
                .findFirst().orElseThrow();
        robot.clickOn(pointOf(robot, map, "320100")); // 南京, another team's
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(territory("浦东团队辖区").regionCodes()).doesNotContain("320100");
        assertThat(robot.lookup("#mapTerritoryMessage").queryAs(Label.class).getText())
                .contains(holder.name()).contains("南京");
        robot.clickOn("#mapTerritoryEdit");
    }

    private static Territory territory(String name) {
        return context.territories().list().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** A point on screen inside the city's shape, the sampled one nearest the middle of the part in view. */
    private static Point2D pointOf(FxRobot robot, MapView map, String cityCode) {
        RegionShape city = Boundaries.bundled().byCode(cityCode).orElseThrow();
        Node legend = robot.lookup("#mapLegend").queryAs(Node.class);
        Bounds legendBounds = legend.localToScene(legend.getBoundsInLocal());
        List<Point2D> inside = new ArrayList<>();
        for (double x = 20; x < map.getWidth() - 20; x += 10) {
            for (double y = 20; y < map.getHeight() - 20; y += 10) {
                MapPoint p = map.getMapPosition(x, y);
                if (city.contains(p.getLongitude(), p.getLatitude())
                        && !legendBounds.contains(map.localToScene(x, y))) {
                    inside.add(new Point2D(x, y));
                }
            }
        }
        assertThat(inside).as("points of %s in view", cityCode).isNotEmpty();
        double mx = inside.stream().mapToDouble(Point2D::getX).average().orElseThrow();
        double my = inside.stream().mapToDouble(Point2D::getY).average().orElseThrow();
        Point2D chosen = inside.stream().min(Comparator.comparingDouble(p -> p.distance(mx, my))).orElseThrow();
        return map.localToScreen(chosen);
    }
}
