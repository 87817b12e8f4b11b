package io.salesdesk.app.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.salesdesk.app.UiTestWorkspace;

/**
 * Writes PNGs of the main window to {@code target/screenshots/} for a person to look at; asserts
 * nothing about pixels.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    private static final Path OUT = Path.of("target", "screenshots");

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    private Scene scene;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        scene = new MainWindow(workspace.context(), workspace.appearance()).createScene();
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void customersAndMyDay(FxRobot robot) throws IOException {
        Files.createDirectories(OUT);
        robot.clickOn(robot.lookup("#customerTable .table-row-cell").nth(1).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        write(robot, "customers.png");

        robot.clickOn("#nav-MY_DAY");
        WaitForAsyncUtils.waitForFxEvents();
        write(robot, "myday.png");

        robot.clickOn("#nav-MAP");
        WaitForAsyncUtils.waitForFxEvents();
        write(robot, "map.png");

        robot.clickOn("#nav-SETTINGS");
        WaitForAsyncUtils.waitForFxEvents();
        write(robot, "settings.png");

        robot.clickOn("#nav-CUSTOMERS");
        robot.clickOn("#newCustomer");
        robot.clickOn("#customerName").write("苏州瑞康医疗器械有限公司");
        robot.clickOn("#customerCreditCode").write("91320500MA1X2Y3Z4Q");
        robot.clickOn("#customerPhone");
        WaitForAsyncUtils.waitForFxEvents();
        Node dialog = robot.lookup("#customerSave").queryAs(Node.class);
        writeScene(dialog.getScene(), "customer-form.png");
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);

        robot.clickOn("#nav-SETTINGS");
        robot.clickOn("#themePicker");
        robot.clickOn("深色");
        robot.clickOn("#languagePicker");
        robot.clickOn("English");
        robot.clickOn("#nav-CUSTOMERS");
        robot.clickOn(robot.lookup("#customerTable .table-row-cell").nth(4).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        write(robot, "customers-en-dark.png");
        io.salesdesk.app.common.I18n.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }

    private void write(FxRobot robot, String name) throws IOException {
        writeScene(scene, name);
    }

    private static void writeScene(Scene target, String name) throws IOException {
        WritableImage[] image = new WritableImage[1];
        robotInteract(() -> image[0] = target.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", OUT.resolve(name).toFile());
    }

    private static void robotInteract(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
