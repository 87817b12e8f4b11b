package io.salesdesk.app.settings;

import java.util.Optional;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;

/**
 * 连接 / Connection: the database this window is on, and this user's connection profiles, which can be
 * added, edited (with 测试连接), removed, and marked to be used at the next start. Switching needs a
 * restart: every open view and timer holds the current database.
 */
final class ConnectionSection extends VBox {

    private final AppContext context;
    private final ConnectionProfiles profiles;
    private final ListView<ConnectionProfile> list = new ListView<>();
    private final Label status = new Label();
    private Optional<String> startWith = Optional.empty();

    ConnectionSection(AppContext context, ConnectionProfiles profiles) {
        this.context = context;
        this.profiles = profiles;
        setId("connectionSection");
        DatabaseConfig config = context.database().config();
        Label current = new Label(I18n.get("settings.connection.current",
                config.dataDir() != null ? config.dataDir().toString() : config.url().replaceAll(";.*$", "")));
        current.setId("connectionCurrent");
        list.setId("connectionProfiles");
        list.setPrefHeight(150);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + " · "
                        + I18n.get("settings.connection.kind." + item.kind().name()) + " · " + item.target()
                        + (startWith.filter(item.name()::equals).isPresent()
                        ? I18n.get("settings.connection.startWithMark") : ""));
            }
        });
        Button add = button("connectionAdd", "settings.connection.add");
        add.setOnAction(e -> edit(null));
        Button edit = button("connectionEdit", "settings.connection.edit");
        edit.setOnAction(e -> edit(list.getSelectionModel().getSelectedItem()));
        Button remove = button("connectionRemove", "settings.connection.remove");
        remove.setOnAction(e -> remove(list.getSelectionModel().getSelectedItem()));
        Button use = button("connectionStartWith", "settings.connection.startWith");
        use.setOnAction(e -> useAtStart(list.getSelectionModel().getSelectedItem()));
        for (Button b : new Button[] {edit, remove, use}) {
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        status.setId("connectionStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        HBox actions = new HBox(8, add, edit, remove, use);
        actions.setAlignment(Pos.CENTER_LEFT);
        SettingsPage.fillSection(this, I18n.get("settings.connection.title"), I18n.get("settings.connection.hint"),
                current, list, actions, status);
        reload();
    }

    private static Button button(String id, String key) {
        Button button = new Button(I18n.get(key));
        button.setId(id);
        return button;
    }

    private void reload() {
        try {
            startWith = profiles.startWith();
            list.getItems().setAll(profiles.all());
        } catch (RuntimeException e) {
            ErrorDialogs.show(e);
        }
    }

    private void edit(ConnectionProfile existing) {
        new ConnectionProfileDialog(context, profiles, existing).showAndWait().ifPresent(saved -> {
            reload();
            list.getItems().stream().filter(p -> p.name().equals(saved.name())).findFirst()
                    .ifPresent(list.getSelectionModel()::select);
        });
    }

    private void remove(ConnectionProfile profile) {
        profiles.remove(profile.name());
        reload();
    }

    private void useAtStart(ConnectionProfile profile) {
        profiles.setStartWith(profile.name());
        status.setText(I18n.get("settings.connection.restartNote", profile.name()));
        reload();
    }
}
