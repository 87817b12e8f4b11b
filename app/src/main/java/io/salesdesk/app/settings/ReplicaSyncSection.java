package io.salesdesk.app.settings;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;
import io.salesdesk.sync.ReplicaSettings;
import io.salesdesk.sync.ReplicaStatus;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * 同步 on a branch replica: which connection profile is the head office, whether the app syncs by
 * itself and how often, and how the last sync ended. Shown only on a replica (it learns that in the
 * background, hidden until then).
 */
final class ReplicaSyncSection extends VBox {

    private final AppContext context;
    private final ComboBox<String> hub = new ComboBox<>();
    private final CheckBox automatic = new CheckBox(I18n.get("sync.settings.autoOn"));
    private final Spinner<Integer> interval = Spinners.whole("syncInterval", 1, 24 * 60,
            ReplicaSettings.DEFAULT_INTERVAL);
    private final Label last = new Label();
    private final Label saved = new Label();

    /** What the section shows, read in the background. */
    private record Read(boolean replica, Optional<String> hub, boolean automatic, int interval,
                        Optional<ReplicaSettings.LastSync> last) {
    }

    ReplicaSyncSection(AppContext context, ConnectionProfiles profiles) {
        this.context = context;
        setId("replicaSyncSection");
        setVisible(false);
        setManaged(false);
        hub.setId("syncHubProfile");
        hub.setPrefWidth(320);
        hub.getItems().setAll(profiles.all().stream().map(ConnectionProfile::name).toList());
        automatic.setId("syncAutomatic");
        last.setId("syncLastResult");
        last.setWrapText(true);
        saved.setId("syncSettingsSaved");
        saved.getStyleClass().add(Styles.SUCCESS);
        interval.disableProperty().bind(automatic.selectedProperty().not());
        Button save = new Button(I18n.get("sync.settings.save"));
        save.setId("saveSyncSettings");
        save.setOnAction(e -> save());
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        grid.addRow(0, label("sync.settings.hub"), hub);
        grid.addRow(1, label("sync.settings.auto"), automatic);
        grid.addRow(2, label("sync.settings.interval"), interval);
        grid.addRow(3, label("sync.settings.last"), last);
        HBox actions = new HBox(12, save, saved);
        actions.setAlignment(Pos.CENTER_LEFT);
        SettingsPage.fillSection(this, I18n.get("sync.settings.title"), I18n.get("sync.settings.hint"), grid,
                actions);
        BackgroundTask.wrap(this::read).onSuccess(this::show).onFailure(e -> { }).executeWith(context.executor());
    }

    private static Label label(String key) {
        Label label = new Label(I18n.get(key));
        label.setMinWidth(96);
        return label;
    }

    private Read read() {
        boolean replica = ReplicaStatus.of(context.database()).isPresent();
        return context.database().transactionResult(cfg -> {
            ReplicaSettings s = ReplicaSettings.using(cfg);
            return new Read(replica, s.hubProfile(), s.automatic(), s.intervalMinutes(), s.last());
        });
    }

    private void show(Read read) {
        setVisible(read.replica());
        setManaged(read.replica());
        read.hub().ifPresent(name -> {
            if (!hub.getItems().contains(name)) {
                hub.getItems().add(name); // a profile removed since: still shown, so the user sees what is set
            }
            hub.setValue(name);
        });
        automatic.setSelected(read.automatic());
        interval.getValueFactory().setValue(read.interval());
        last.setText(read.last().map(ReplicaSyncSection::describe).orElse(I18n.get("sync.settings.lastNone")));
    }

    static String describe(ReplicaSettings.LastSync l) {
        String when = l.at().atZone(java.time.ZoneId.systemDefault())
                .format(DateTimeFormatter.ofPattern(I18n.get("sync.time.yearPattern"), I18n.locale()));
        return I18n.get("sync.settings.lastLine", when,
                I18n.get("sync.outcome." + l.outcome(), l.pushed(), l.pulled(), l.conflicts()));
    }

    private void save() {
        String chosen = hub.getValue();
        boolean on = automatic.isSelected();
        int minutes = Spinners.value(interval);
        BackgroundTask.wrap(() -> context.database().transaction(cfg -> {
            ReplicaSettings s = ReplicaSettings.using(cfg);
            if (chosen != null) {
                s.setHubProfile(chosen);
            }
            s.setAutomatic(on);
            s.setIntervalMinutes(minutes);
        })).onSuccess(done -> saved.setText(I18n.get("sync.settings.saved")))
                .onFailure(ErrorDialogs::show).executeWith(context.executor());
    }
}
