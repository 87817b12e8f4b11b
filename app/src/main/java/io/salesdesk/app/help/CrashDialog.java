package io.salesdesk.app.help;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import atlantafx.base.theme.Styles;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.cli.VersionProvider;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;

/**
 * What a user sees instead of a stack trace when something fails unexpectedly: what happened in
 * words, that the work saved so far is safe, where the logs are (with a button to open the folder),
 * and 复制详情 / 报告问题 for whoever helps them.
 */
final class CrashDialog {

    static final String ID = "crashDialog";

    private CrashDialog() {
    }

    /** Shows the dialog (without waiting: it may come from a layout pass); {@code closed} runs when it closes. */
    static void show(Throwable error, Runnable closed) {
        ButtonType copy = new ButtonType(I18n.get("crash.copy"), ButtonBar.ButtonData.LEFT);
        ButtonType report = new ButtonType(I18n.get("crash.report"), ButtonBar.ButtonData.OTHER);
        ButtonType close = new ButtonType(I18n.get("crash.close"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.ERROR, null, copy, report, close);
        alert.setTitle(I18n.get("app.title"));
        alert.setHeaderText(I18n.get("crash.header"));
        alert.getDialogPane().setId(ID);
        alert.getDialogPane().setContent(content(error));
        alert.getDialogPane().setPrefWidth(560);
        Stylesheets.addTo(alert.getDialogPane());
        Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
        copyButton.setId("crashCopy");
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // copying keeps the dialog open
            ClipboardContent text = new ClipboardContent();
            text.putString(details(error));
            Clipboard.getSystemClipboard().setContent(text);
            copyButton.setText(I18n.get("crash.copied"));
        });
        alert.getDialogPane().lookupButton(report).setId("crashReport");
        alert.setOnHidden(e -> {
            closed.run();
            if (alert.getResult() == report) {
                ProblemReportAction.save(ownerOf(alert));
            }
        });
        alert.show();
    }

    private static VBox content(Throwable error) {
        Label what = new Label(I18n.get("crash.what"));
        what.setWrapText(true);
        Label cause = new Label(I18n.get("crash.cause", summary(error)));
        cause.setWrapText(true);
        cause.getStyleClass().add(Styles.TEXT_MUTED);
        Path logs = LogFiles.folder();
        Label where = new Label(I18n.get("crash.logs", logs));
        where.setWrapText(true);
        Hyperlink open = new Hyperlink(I18n.get("crash.openLogs"), new FontIcon(Feather.FOLDER));
        open.setId("crashOpenLogs");
        open.setOnAction(e -> openFolder(logs));
        HBox logRow = new HBox(8, where, open);
        VBox box = new VBox(10, what, cause, logRow);
        box.setPrefWidth(520);
        return box;
    }

    /** The exception in one line, its innermost cause's message preferred. */
    static String summary(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** What 复制详情 puts on the clipboard: the version, the platform and the stack trace. */
    static String details(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return new VersionProvider().getVersion()[0] + "\nJava " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n"
                + I18n.get("crash.logs", LogFiles.folder()) + "\n\n" + trace;
    }

    private static void openFolder(Path logs) {
        try {
            Files.createDirectories(logs);
            io.salesdesk.app.common.Folders.open(logs);
        } catch (IOException e) {
            io.salesdesk.app.common.ErrorDialogs.show(e);
        }
    }

    private static Window ownerOf(Alert alert) {
        return alert.getOwner() != null ? alert.getOwner()
                : Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
    }
}
