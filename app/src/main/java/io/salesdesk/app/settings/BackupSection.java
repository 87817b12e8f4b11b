package io.salesdesk.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.WorkspaceSettings;
import io.salesdesk.db.backup.BackupRotation;
import io.salesdesk.db.backup.BackupSchedule;
import io.salesdesk.db.backup.DatabaseBackup;

/**
 * 备份 / Backups: where the daily backups of an embedded workspace go, how many are kept, and a
 * backup made now. A shared database is its administrator's to back up, which the section says.
 */
final class BackupSection extends VBox {

    private static final int MAX_KEEP = 90;

    private final AppContext context;
    private final Label status = new Label();

    BackupSection(AppContext context) {
        this.context = context;
        setId("backupSection");
        status.setId("backupStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        DatabaseConfig config = context.database().config();
        if (config.mode() != DatabaseConfig.Mode.EMBEDDED) {
            SettingsPage.fillSection(this, I18n.get("settings.backup.title"), I18n.get("settings.backup.shared"));
            return;
        }
        Path folder = BackupRotation.folder(config.dataDir());
        Spinner<Integer> keep = Spinners.whole("backupKeep", 1, MAX_KEEP,
                Math.min(MAX_KEEP, BackupSchedule.keep(context.database())));
        Button saveKeep = new Button(I18n.get("leadRules.save"));
        saveKeep.setId("saveBackupKeep");
        saveKeep.setOnAction(e -> saveKeep(Spinners.value(keep)));
        Label keepLabel = new Label(I18n.get("settings.backup.keep"));
        HBox keepRow = new HBox(12, keepLabel, keep, saveKeep);
        keepRow.setAlignment(Pos.CENTER_LEFT);
        Button now = new Button(I18n.get("settings.backup.now"));
        now.setId("backupNow");
        now.setOnAction(e -> backUpNow(now, folder));
        SettingsPage.fillSection(this, I18n.get("settings.backup.title"),
                I18n.get("settings.backup.hint", folder.toString()), keepRow, now, status);
        newest(folder).ifPresent(p -> status.setText(I18n.get("settings.backup.latest", p.getFileName().toString())));
    }

    private void saveKeep(int keep) {
        BackgroundTask.wrap(() -> context.database().transaction(cfg ->
                        WorkspaceSettings.using(cfg).put(BackupRotation.KEEP_SETTING, Integer.toString(keep))))
                .onSuccess(done -> status.setText(I18n.get("settings.backup.keepSaved", keep)))
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private void backUpNow(Button now, Path folder) {
        now.setDisable(true);
        status.setText(I18n.get("settings.backup.running"));
        BackgroundTask.wrap(() -> DatabaseBackup.create(context.database(), folder, "manual", context.clock()))
                .onSuccess(made -> {
                    now.setDisable(false);
                    status.setText(I18n.get("settings.backup.done", made.archive().toString(),
                            made.manifest().totalRows()));
                })
                .onFailure(error -> {
                    now.setDisable(false);
                    status.setText("");
                    ErrorDialogs.show(error);
                })
                .executeWith(context.executor());
    }

    private static Optional<Path> newest(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
