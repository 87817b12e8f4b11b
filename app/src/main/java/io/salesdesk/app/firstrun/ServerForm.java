package io.salesdesk.app.firstrun;

import java.util.Optional;
import java.util.concurrent.Executor;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.I18n;
import io.salesdesk.db.profile.ConnectionCheck;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;

/**
 * 连接公司服务器: the server's kind, host, port, database and account, with 测试连接; saved as a
 * connection profile the app starts with from now on (the password sealed, decision 4).
 */
final class ServerForm extends VBox {

    private final ChoiceBox<ConnectionProfile.Kind> kind = new ChoiceBox<>();
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final TextField database = new TextField("salesdesk");
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField name = new TextField();
    private final Label result = new Label();

    ServerForm(FirstRunWindow window, ConnectionProfiles profiles, Executor executor) {
        super(10);
        setId("firstRunServerForm");
        Label title = new Label(I18n.get("firstrun.server"));
        title.getStyleClass().add(Styles.TITLE_3);
        kind.getItems().setAll(ConnectionProfile.Kind.POSTGRESQL, ConnectionProfile.Kind.HSQLDB_SERVER);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConnectionProfile.Kind value) {
                return value == null ? "" : I18n.get("firstrun.server.kind." + value.name());
            }

            @Override
            public ConnectionProfile.Kind fromString(String text) {
                return null;
            }
        });
        kind.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                port.setText(String.valueOf(now.defaultPort()));
            }
        });
        kind.getSelectionModel().selectFirst();
        host.setId("firstRunHost");
        user.setId("firstRunDbUser");
        password.setId("firstRunDbPassword");
        name.setId("firstRunProfileName");
        name.setText(I18n.get("firstrun.server.defaultName"));
        result.setId("firstRunServerResult");
        result.setWrapText(true);
        Button back = new Button(I18n.get("firstrun.back"));
        back.setOnAction(e -> window.showChoices());
        Button test = new Button(I18n.get("firstrun.server.test"));
        test.setId("firstRunTest");
        Button connect = new Button(I18n.get("firstrun.server.connect"));
        connect.setId("firstRunConnect");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setDefaultButton(true);
        test.setOnAction(e -> check(executor, test, () -> result.setText(I18n.get("firstrun.server.ok"))));
        connect.setOnAction(e -> check(executor, connect, () -> {
            ConnectionProfile profile = profile();
            profiles.save(profile, password.getText());
            profiles.setStartWith(profile.name());
            window.finish(Optional.of(profiles.config(profile.name())));
        }));
        HBox.setHgrow(host, Priority.ALWAYS);
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, spacer, test, connect);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        FormField hostField = new FormField(I18n.get("firstrun.server.host"), host);
        HBox.setHgrow(hostField, Priority.ALWAYS);
        getChildren().addAll(title,
                new FormField(I18n.get("firstrun.server.kind"), kind),
                new HBox(10, hostField, new FormField(I18n.get("firstrun.server.port"), port)),
                new HBox(10, new FormField(I18n.get("firstrun.server.database"), database),
                        new FormField(I18n.get("firstrun.server.user"), user),
                        new FormField(I18n.get("firstrun.server.password"), password)),
                new FormField(I18n.get("firstrun.server.name"), name),
                result, buttons);
    }

    private ConnectionProfile profile() {
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.getText().strip());
        } catch (NumberFormatException e) {
            portNumber = -1;
        }
        return new ConnectionProfile(name.getText().strip(), kind.getValue(), null, host.getText().strip(),
                portNumber, database.getText().strip(), user.getText().strip());
    }

    /** Tries the connection off the FX thread; {@code ok} runs when the server answered. */
    private void check(Executor executor, Button button, Runnable ok) {
        ConnectionProfile profile = profile();
        String secret = password.getText();
        result.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        result.setText(I18n.get("firstrun.server.testing"));
        button.setDisable(true);
        BackgroundTask.wrap(() -> profile.port() < 1 || profile.host().isEmpty() || profile.user().isEmpty()
                        ? Optional.of(I18n.get("firstrun.server.incomplete"))
                        : ConnectionCheck.problem(profile.config(secret)))
                .onSuccess(problem -> {
                    button.setDisable(false);
                    if (problem.isPresent()) {
                        result.getStyleClass().add(Styles.DANGER);
                        // The driver's sentence ends with its own full stop; ours follows.
                        result.setText(I18n.get("firstrun.server.failed", problem.get().replaceFirst("[.。]\\s*$", "")));
                    } else {
                        result.getStyleClass().add(Styles.SUCCESS);
                        ok.run();
                    }
                })
                .onFailure(error -> {
                    button.setDisable(false);
                    result.getStyleClass().add(Styles.DANGER);
                    result.setText(I18n.message(error));
                })
                .executeWith(executor);
    }
}
