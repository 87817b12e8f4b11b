package io.salesdesk.app.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.cli.VersionProvider;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;

/** Help → 关于 SalesDesk: the version, what it runs on, the licence, and the notices of what it ships. */
final class AboutDialog {

    static final String ID = "aboutDialog";

    private AboutDialog() {
    }

    static void show(Window owner) {
        ButtonType notices = new ButtonType(I18n.get("help.about.notices"), ButtonBar.ButtonData.LEFT);
        Alert alert = new Alert(Alert.AlertType.NONE, null, notices, close());
        alert.initOwner(owner);
        alert.setTitle(I18n.get("help.about"));
        alert.getDialogPane().setId(ID);
        FontIcon icon = new FontIcon(Feather.TRENDING_UP);
        icon.getStyleClass().add("signin-logo-icon");
        javafx.scene.layout.StackPane logo = new javafx.scene.layout.StackPane(icon);
        logo.getStyleClass().add("signin-logo");
        Label name = new Label(I18n.get("app.name"));
        name.getStyleClass().add(Styles.TITLE_2);
        Label version = new Label(new VersionProvider().getVersion()[0]);
        version.setId("aboutVersion");
        Label runtime = new Label(I18n.get("help.about.runtime", System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", "?"), System.getProperty("os.name")));
        runtime.getStyleClass().add(Styles.TEXT_MUTED);
        Label licence = new Label(I18n.get("help.about.licence"));
        licence.setWrapText(true);
        VBox content = new VBox(8, logo, name, version, runtime, licence);
        content.setPrefWidth(460);
        alert.getDialogPane().setContent(content);
        Stylesheets.addTo(alert.getDialogPane());
        alert.showAndWait().filter(notices::equals).ifPresent(b -> showNotices(owner));
    }

    private static void showNotices(Window owner) {
        Alert alert = new Alert(Alert.AlertType.NONE, null, close());
        alert.initOwner(owner);
        alert.setTitle(I18n.get("help.about.notices"));
        MarkdownView text = new MarkdownView(notices(), new MarkdownView.Resolver() {
            @Override
            public InputStream image(String path) {
                return null;
            }

            @Override
            public void follow(String target) {
                // Web addresses stay text: the credits name them, nobody needs to browse from here.
            }
        });
        text.setPadding(new javafx.geometry.Insets(8, 16, 8, 8));
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(780, 540);
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().setPrefWidth(820);
        alert.setResizable(true);
        Stylesheets.addTo(alert.getDialogPane());
        alert.showAndWait();
    }

    /** Close in the language chosen in SalesDesk (JavaFX's own follows the JVM's locale). */
    private static ButtonType close() {
        return new ButtonType(I18n.get("crash.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private static String notices() {
        try (InputStream in = AboutDialog.class.getResourceAsStream("/io/salesdesk/app/about/NOTICE.md")) {
            return in == null ? "GPL-3.0-or-later" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
