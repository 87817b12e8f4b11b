package io.salesdesk.app.common;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.core.SalesDeskException;

/**
 * 导出当前列表: a button that writes what a list shows — its search, filters and order — to an
 * .xlsx ledger that can be edited in Excel and imported back on the Ledgers page, with the outcome
 * in words beside it.
 *
 * <p>Texts come from the bundle under one prefix: {@code P} (the button), {@code P.hint},
 * {@code P.fileName} (with the date as {0}) and {@code P.done} (rows, file name).
 */
public class ExportBar extends HBox {

    /** Writes the list as shown when the export was asked for; runs off the UI thread. */
    @FunctionalInterface
    public interface Job {
        int writeTo(Path out);
    }

    private final AppContext context;
    private final String textPrefix;
    private final Supplier<Job> job;
    private final Button button;
    private final Label result = new Label();
    private File folder;

    /**
     * @param id         the button's id; the result line's is {@code id + "Result"}
     * @param textPrefix the bundle prefix of the texts
     * @param job        called on the UI thread to capture the list as shown now
     */
    public ExportBar(AppContext context, String id, String textPrefix, Supplier<Job> job) {
        super(8);
        this.context = context;
        this.textPrefix = textPrefix;
        this.job = job;
        button = new Button(I18n.get(textPrefix), new FontIcon(Feather.DOWNLOAD));
        setAlignment(Pos.BASELINE_LEFT);
        button.setId(id);
        // Opening the page must not put the focus ring on a secondary action.
        button.setFocusTraversable(false);
        button.setTooltip(new Tooltip(I18n.get(textPrefix + ".hint")));
        button.setOnAction(e -> chooseFile());
        result.setId(id + "Result");
        result.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().addAll(result, button);
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get(textPrefix));
        chooser.setInitialFileName(I18n.get(textPrefix + ".fileName", LocalDate.now(context.clock()).toString()));
        File start = folder != null ? folder : new File(System.getProperty("user.home"));
        if (start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("ledgers.fileType.xlsx"), "*.xlsx"));
        File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            folder = chosen.getParentFile();
            exportTo(chosen.toPath());
        }
    }

    /** Exports the list as it is shown now; the save dialog's way in, and the tests'. */
    public void exportTo(Path out) {
        Job shown = job.get();
        button.setDisable(true);
        result.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        result.setText(I18n.get("ledgers.export.running"));
        BackgroundTask.wrap(() -> shown.writeTo(out))
                .onSuccess(rows -> {
                    result.getStyleClass().add(Styles.SUCCESS);
                    result.setText(I18n.get(textPrefix + ".done", Formats.count(rows), out.getFileName().toString()));
                })
                .onFailure(e -> {
                    result.getStyleClass().add(Styles.DANGER);
                    result.setText(I18n.get("ledgers.export.failed", I18n.message(e)));
                    if (!(e instanceof SalesDeskException)) {
                        ErrorDialogs.show(e);
                    }
                })
                .onFinished(() -> button.setDisable(false))
                .executeWith(context.executor());
    }
}
