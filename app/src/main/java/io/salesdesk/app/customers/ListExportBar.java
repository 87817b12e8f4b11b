package io.salesdesk.app.customers;

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
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.ledger.crm.CustomerExport;
import io.salesdesk.ledger.imports.ImportMonitor;

/**
 * 导出当前列表: writes the customers the list shows — its search, filters and order — to an .xlsx
 * ledger that can be edited in Excel and imported back on the Ledgers page.
 */
final class ListExportBar extends HBox {

    private final AppContext context;
    private final Supplier<CustomerQuery> query;
    private final Button button = new Button(I18n.get("customers.export"), new FontIcon(Feather.DOWNLOAD));
    private final Label result = new Label();
    private File folder;

    ListExportBar(AppContext context, Supplier<CustomerQuery> query) {
        super(8);
        this.context = context;
        this.query = query;
        setAlignment(Pos.BASELINE_LEFT);
        button.setId("exportCustomers");
        // Opening the page must not put the focus ring on a secondary action.
        button.setFocusTraversable(false);
        button.setTooltip(new Tooltip(I18n.get("customers.export.hint")));
        button.setOnAction(e -> chooseFile());
        result.setId("exportCustomersResult");
        result.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().addAll(result, button);
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("customers.export"));
        chooser.setInitialFileName(I18n.get("customers.export.fileName", LocalDate.now(context.clock()).toString()));
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
    void exportTo(Path out) {
        CustomerQuery shown = query.get();
        var actor = context.currentUser().asActor();
        CustomerExport export = new CustomerExport(context.customers(), context.regions());
        button.setDisable(true);
        result.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        result.setText(I18n.get("ledgers.export.running"));
        BackgroundTask.wrap(() -> export.export(actor, shown, out, ImportMonitor.NONE))
                .onSuccess(rows -> {
                    result.getStyleClass().add(Styles.SUCCESS);
                    result.setText(I18n.get("customers.export.done", Formats.count(rows), out.getFileName().toString()));
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
