package io.salesdesk.app.sync;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The status bar's sync control on a branch replica: 已同步 / 离线 with the time of the last good sync
 * and the changes waiting, and 立即同步, which asks once for the hub's profile and then shows the
 * progress. Hidden on any other workspace. The automatic sync runs while the control is on screen.
 */
public final class SyncControl extends HBox {

    private final ReplicaSync sync;
    private final FontIcon icon = new FontIcon(Feather.REFRESH_CW);
    /** Whether a showing window holds this control. */
    private final ObservableValue<Boolean> showing;

    public SyncControl(ReplicaSync sync) {
        super(8);
        this.sync = sync;
        setId("syncControl");
        setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("syncStatus");
        status.getStyleClass().add(Styles.TEXT_SMALL);
        status.setGraphic(icon);
        status.textProperty().bind(sync.statusProperty());
        Button now = new Button(I18n.get("sync.now"));
        now.setId("syncNow");
        now.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        now.setTooltip(new Tooltip(I18n.get("sync.now.tooltip")));
        now.setOnAction(e -> open());
        getChildren().addAll(status, now);
        visibleProperty().bind(sync.replicaProperty());
        managedProperty().bind(sync.replicaProperty());
        sync.stateProperty().addListener((o, was, state) -> style(state));
        style(sync.stateProperty().get());
        // The automatic sync runs only on a replica and while a showing window holds this control: its
        // timer keeps the whole workspace reachable, so a closed window or a rebuilt root must stop it.
        showing = sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        showing.addListener((o, was, is) -> runAutomaticIfDue());
        sync.replicaProperty().addListener((o, was, is) -> runAutomaticIfDue());
        sync.refresh();
    }

    private void runAutomaticIfDue() {
        if (showing.getValue() && sync.replicaProperty().get()) {
            sync.startAutomatic();
        } else {
            sync.stopAutomatic();
        }
    }

    /** The sync this control shows. */
    public ReplicaSync sync() {
        return sync;
    }

    /** 立即同步: the hub's profile first if none is set, then the progress dialog. */
    void open() {
        if (sync.hubProfileProperty().get() == null) {
            HubChoiceDialog.ask(sync.profiles(), getScene() == null ? null : getScene().getWindow())
                    .ifPresent(name -> sync.chooseHub(name, this::showDialog));
            return;
        }
        showDialog();
    }

    private void showDialog() {
        SyncDialog dialog = new SyncDialog(sync, getScene() == null ? null : getScene().getWindow());
        sync.syncNow();
        dialog.show();
    }

    private void style(ReplicaSync.State state) {
        icon.setIconCode(switch (state) {
            case SYNCING -> Feather.REFRESH_CW;
            case OFFLINE -> Feather.WIFI_OFF;
            case PROBLEM -> Feather.ALERT_TRIANGLE;
            case IDLE -> Feather.CHECK_CIRCLE;
        });
        icon.getStyleClass().removeAll(Styles.WARNING, Styles.DANGER, Styles.SUCCESS);
        if (state == ReplicaSync.State.OFFLINE) {
            icon.getStyleClass().add(Styles.WARNING);
        } else if (state == ReplicaSync.State.PROBLEM) {
            icon.getStyleClass().add(Styles.DANGER);
        } else if (state == ReplicaSync.State.IDLE) {
            icon.getStyleClass().add(Styles.SUCCESS);
        }
    }
}
