package io.salesdesk.app.help;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.Folders;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;

/**
 * Help → 报告问题 and the crash dialog's button: asks where to save the {@link ProblemReport} zip,
 * writes it in the background and offers to show it in the file manager.
 */
public final class ProblemReportAction {

    private static volatile AppContext workspace;

    private ProblemReportAction() {
    }

    /** The open workspace, whose schema and row counts go in reports (none until it opens). */
    public static void useWorkspace(AppContext context) {
        workspace = context;
    }

    /** Asks for a file and saves the report there. */
    public static void save(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("help.report.save"));
        chooser.setInitialFileName("salesdesk-problem-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".zip");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("help.report.fileType"), "*.zip"));
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            write(file.toPath(), Runnable::run, () -> saved(file.toPath()));
        }
    }

    /** Writes the report to {@code zip} on {@code executor}; {@code done} runs on the FX thread after. */
    static void write(Path zip, java.util.concurrent.Executor executor, Runnable done) {
        AppContext context = workspace;
        ProblemReport report = new ProblemReport(LogFiles.folder(),
                context == null ? null : context.database(), shareableSettings());
        BackgroundTask.wrap(() -> {
            try {
                report.writeTo(zip);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).onSuccess(none -> done.run()).executeWith(context == null ? executor : context.executor());
    }

    /** Language and theme: what changes how the app looks, nothing about customers or accounts. */
    static Map<String, String> shareableSettings() {
        AppearancePreferences appearance = AppearancePreferences.load();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("language", appearance.getLanguage().name());
        settings.put("theme", appearance.getTheme().name());
        settings.put("uiLocale", I18n.locale().toString());
        return settings;
    }

    private static void saved(Path zip) {
        ButtonType show = new ButtonType(I18n.get("help.report.show"));
        // Our own OK: JavaFX's follows the JVM's locale, not the language chosen in SalesDesk.
        ButtonType ok = new ButtonType(I18n.get("action.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, I18n.get("help.report.saved", zip), show, ok);
        alert.setTitle(I18n.get("app.title"));
        alert.setHeaderText(I18n.get("help.report.savedHeader"));
        Stylesheets.addTo(alert.getDialogPane());
        alert.showAndWait().filter(show::equals).ifPresent(b -> {
            try {
                Folders.reveal(zip);
            } catch (IOException e) {
                io.salesdesk.app.common.ErrorDialogs.show(e);
            }
        });
    }
}
