package io.salesdesk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What several UI tests do with the robot: bring a node on screen, and keep a picture for a person. */
public final class UiRobots {

    private UiRobots() {
    }

    /** Scrolls the enclosing scroll pane so that the node is on screen, where the robot can click it. */
    public static void reveal(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            Parent parent = node.getParent();
            while (parent != null && !(parent instanceof ScrollPane)) {
                parent = parent.getParent();
            }
            if (parent instanceof ScrollPane scroll) {
                Node content = scroll.getContent();
                Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                if (room > 0) {
                    scroll.setVvalue(Math.min(1, Math.max(0, (bounds.getMinY() - 40) / room)));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes the scene of the node found by {@code query} under target/screenshots. */
    public static void screenshot(FxRobot robot, String query, String name) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = robot.lookup(query).query().getScene().snapshot(null));
        try {
            Path out = Path.of("target", "screenshots");
            Files.createDirectories(out);
            ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", out.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problem line of the form field around the control with this id ("" if there is none). */
    public static String problemAt(FxRobot robot, String controlId) {
        javafx.scene.Node control = robot.lookup("#" + controlId).query();
        javafx.scene.Node parent = control.getParent();
        while (parent != null && !(parent instanceof io.salesdesk.app.common.FormField)) {
            parent = parent.getParent();
        }
        return parent == null ? "" : ((io.salesdesk.app.common.FormField) parent).problemLabel().getText();
    }
}
