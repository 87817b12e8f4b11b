package io.salesdesk.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import io.salesdesk.app.map.tiles.SalesDeskTiles;
import io.salesdesk.app.map.tiles.TileStatus;
import io.salesdesk.app.shell.MainWindow;
import io.salesdesk.territory.geo.TileSettings;
import io.salesdesk.territory.geo.TileSettingsService;

/** The administrator points the map at the organisation's tile server in Settings, 地图 section. */
@ExtendWith(ApplicationExtension.class)
class MapTilesSettingsUiTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
        context.setCurrentUser(context.users().byUsername("admin").orElseThrow());
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @AfterEach
    void backOffline() {
        // The tiles are app-wide: leave them offline for the tests that follow.
        new TileSettingsService(context.database()).save(context.currentUser().asActor(), TileSettings.DEFAULTS);
        SalesDeskTiles.configure(dir, TileSettings.DEFAULTS);
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new MainWindow(context, workspace.appearance()).createScene());
        stage.show();
    }

    @Test
    void aTileServerWithoutPlaceholdersIsRefusedWithWhatToWrite(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#saveMapTiles");
        TextField template = robot.lookup("#mapTileTemplate").queryAs(TextField.class);
        robot.interact(() -> template.setText("https://tiles.example.com/china.png"));
        robot.clickOn("#saveMapTiles");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#mapTilesStatus").queryAs(Label.class).getText())
                .contains("瓦片服务器地址须含 {z}、{x}、{y}")
                .contains("https://tiles.example.com/{z}/{x}/{y}.png");
        assertThat(new TileSettingsService(context.database()).settings()).isEqualTo(TileSettings.DEFAULTS);
    }

    @Test
    void theOrganisationsTileServerIsSavedAndUsedAtOnce(FxRobot robot) {
        assertThat(SalesDeskTiles.status().get()).isEqualTo(TileStatus.OFFLINE);
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#saveMapTiles");
        TextField template = robot.lookup("#mapTileTemplate").queryAs(TextField.class);
        TextField contact = robot.lookup("#mapTileContact").queryAs(TextField.class);
        robot.interact(() -> {
            template.setText("https://tiles.example.com/{z}/{x}/{y}.png");
            contact.setText("it@example.com");
        });
        robot.clickOn("#saveMapTiles");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(new TileSettingsService(context.database()).settings())
                .isEqualTo(new TileSettings("https://tiles.example.com/{z}/{x}/{y}.png", "it@example.com", 200));
        assertThat(robot.lookup("#mapTilesStatus").queryAs(Label.class).getText()).isEqualTo("已保存。地图从下一块瓦片起使用新设置。");
        assertThat(SalesDeskTiles.status().get()).isEqualTo(TileStatus.ONLINE);
        assertThat(SalesDeskTiles.attribution()).isEmpty();
    }

    @Test
    void theTileCacheOfThisComputerIsClearedWithOneClick(FxRobot robot) {
        robot.clickOn("#nav-SETTINGS");
        UiRobots.reveal(robot, "#clearTileCache");
        robot.clickOn("#clearTileCache");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#mapTilesStatus").queryAs(Label.class).getText()).isEqualTo("本机瓦片缓存已清空。");
        assertThat(robot.lookup("#tileCacheUsed").queryAs(Label.class).getText()).isEqualTo("本机已缓存瓦片 0.0 MB");
    }
}
