package io.salesdesk.app.sync;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import javafx.beans.value.ChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * 与总部同步: the sync under way with a progress bar and 停止同步 (it stops after the page under way,
 * which is safe because every page commits with its cursor), then the report in words and 关闭.
 * The sync runs in the background; closing the window does not stop it.
 */
final class SyncDialog extends Dialog<Void> {

    SyncDialog(ReplicaSync sync, Window owner) {
        setTitle(I18n.get("sync.dialog.title"));
        setHeaderText(I18n.get("sync.dialog.header", sync.hubProfileProperty().get()));
        initOwner(owner);
        initModality(Modality.NONE);
        getDialogPane().setId("syncDialog");
        Stylesheets.addTo(getDialogPane());

        ProgressBar bar = new ProgressBar();
        bar.setId("syncProgress");
        bar.setPrefWidth(460);
        bar.progressProperty().bind(sync.progressProperty());
        Label step = new Label();
        step.setId("syncProgressText");
        step.setWrapText(true);
        step.setPrefWidth(460);
        step.setMinHeight(Region.USE_PREF_SIZE);
        step.textProperty().bind(sync.progressTextProperty());
        Label hint = new Label(I18n.get("sync.dialog.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        hint.setPrefWidth(460);
        hint.managedProperty().bind(hint.visibleProperty());
        // A replica past the hub's retention limit keeps its unsynced work in a sheet before it is re-created.
        Button export = new Button(I18n.get("sync.dialog.export"));
        export.setId("syncExportUnsynced");
        export.managedProperty().bind(export.visibleProperty());
        Label exported = new Label();
        exported.setId("syncExported");
        exported.setWrapText(true);
        exported.setPrefWidth(460);
        exported.setMinHeight(Region.USE_PREF_SIZE);
        exported.getStyleClass().add(Styles.SUCCESS);
        exported.managedProperty().bind(exported.visibleProperty());
        exported.visibleProperty().bind(exported.textProperty().isNotEmpty());
        export.setOnAction(e -> chooseExportFile().ifPresent(file -> sync.exportUnsynced(file,
                n -> exported.setText(I18n.get("cli.sync.exported", n, file)))));
        VBox body = new VBox(12, bar, step, hint, export, exported);
        body.setPadding(new Insets(8, 0, 0, 0));
        getDialogPane().setContent(body);

        ButtonType stop = new ButtonType(I18n.get("sync.dialog.stop"), ButtonType.CANCEL.getButtonData());
        getDialogPane().getButtonTypes().setAll(stop);
        Button button = (Button) getDialogPane().lookupButton(stop);
        button.setId("syncDialogButton");
        Runnable look = () -> {
            boolean running = sync.running();
            SyncAttempt.Result last = sync.lastResultProperty().get();
            export.setVisible(!running && last != null && last.outcome() == SyncAttempt.Outcome.EXPIRED);
            button.setText(I18n.get(running ? "sync.dialog.stop" : "sync.dialog.close"));
            hint.setVisible(running);
        };
        // While the sync runs the button stops it (after the page under way) instead of closing the window.
        button.addEventFilter(ActionEvent.ACTION, e -> {
            if (sync.running()) {
                e.consume();
                sync.cancel();
                button.setDisable(true);
            }
        });
        ChangeListener<Object> finished = (o, was, now) -> {
            button.setDisable(false);
            look.run();
            // The report may be longer than the progress line: the window grows to show all of it.
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        };
        sync.lastResultProperty().addListener(finished);
        sync.stateProperty().addListener(finished);
        setOnHidden(e -> {
            sync.lastResultProperty().removeListener(finished);
            sync.stateProperty().removeListener(finished);
        });
        look.run();
    }

    private java.util.Optional<java.nio.file.Path> chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("sync.dialog.export"));
        chooser.setInitialFileName(I18n.get("sync.export.fileName", java.time.LocalDate.now()));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Excel (*.xlsx)", "*.xlsx"),
                new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
        java.io.File file = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(java.io.File::toPath);
    }
}
