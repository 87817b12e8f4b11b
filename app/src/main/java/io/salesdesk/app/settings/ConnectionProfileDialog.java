package io.salesdesk.app.settings;

import java.nio.file.Path;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.profile.ConnectionCheck;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfile.Kind;
import io.salesdesk.db.profile.ConnectionProfiles;

/**
 * A connection profile, new or edited: an embedded folder or a server with its user and password, and
 * 测试连接 to try it before saving. An empty password when editing keeps the saved one.
 */
final class ConnectionProfileDialog extends FormDialog<ConnectionProfile> {

    private final AppContext context;
    private final ConnectionProfiles profiles;
    private final ConnectionProfile existing;
    private final TextField name = new TextField();
    private final ComboBox<Kind> kind = Pickers.of(List.of(Kind.values()),
            k -> I18n.get("settings.connection.kind." + k.name()), "");
    private final TextField dataDir = new TextField();
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final TextField database = new TextField("salesdesk");
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label testResult = new Label();

    ConnectionProfileDialog(AppContext context, ConnectionProfiles profiles, ConnectionProfile existing) {
        super(I18n.get("settings.connection.dialog.title"), "connectionProfileSave");
        this.context = context;
        this.profiles = profiles;
        this.existing = existing;
        name.setId("connectionName");
        kind.setId("connectionKind");
        dataDir.setId("connectionDataDir");
        host.setId("connectionHost");
        port.setId("connectionPort");
        database.setId("connectionDatabase");
        user.setId("connectionUser");
        password.setId("connectionPassword");
        testResult.setId("connectionTestResult");
        testResult.setWrapText(true);
        testResult.setMaxWidth(440);
        Button test = new Button(I18n.get("settings.connection.test"));
        test.setId("connectionTest");
        test.setOnAction(e -> test());

        GridPane grid = grid();
        int row = 0;
        grid.add(field("name", I18n.get("settings.connection.name"), name), 0, row++, 2, 1);
        grid.add(field("kind", I18n.get("settings.connection.kind"), kind), 0, row++, 2, 1);
        grid.add(field("dataDir", I18n.get("settings.connection.dataDir"), dataDir), 0, row++, 2, 1);
        grid.add(field("host", I18n.get("settings.connection.host"), host), 0, row);
        grid.add(field("port", I18n.get("settings.connection.port"), port), 1, row++);
        grid.add(field("database", I18n.get("settings.connection.database"), database), 0, row);
        grid.add(field("user", I18n.get("settings.connection.user"), user), 1, row++);
        grid.add(field("password", I18n.get("settings.connection.password"), password), 0, row++, 2, 1);
        HBox testRow = new HBox(12, test, testResult);
        grid.add(testRow, 0, row, 2, 1);
        grid.setPrefWidth(480);
        setForm(grid);

        kind.valueProperty().addListener((obs, old, now) -> showFieldsOf(now, old));
        if (existing == null) {
            kind.setValue(Kind.HSQLDB_SERVER);
        } else {
            name.setText(existing.name());
            name.setDisable(true);
            kind.setValue(existing.kind());
            dataDir.setText(existing.dataDir());
            host.setText(existing.host());
            port.setText(existing.port() == 0 ? "" : Integer.toString(existing.port()));
            database.setText(existing.database());
            user.setText(existing.user());
            password.setPromptText(I18n.get("settings.connection.passwordKeep"));
        }
    }

    private void showFieldsOf(Kind now, Kind old) {
        boolean embedded = now == Kind.EMBEDDED;
        dataDir.setDisable(!embedded);
        for (TextField server : List.of(host, port, database, user, password)) {
            server.setDisable(embedded);
        }
        if (now != null && (port.getText().isBlank() || old != null && port.getText().equals(
                Integer.toString(old.defaultPort())))) {
            port.setText(embedded ? "" : Integer.toString(now.defaultPort()));
        }
    }

    private ConnectionProfile profile() {
        Kind k = kind.getValue();
        boolean embedded = k == Kind.EMBEDDED;
        int portNumber;
        try {
            portNumber = embedded ? 0 : Integer.parseInt(port.getText().trim());
        } catch (NumberFormatException e) {
            portNumber = -1;
        }
        String folder = text(dataDir);
        return new ConnectionProfile(text(name), k,
                embedded && folder != null ? Path.of(folder).toAbsolutePath().toString() : null,
                embedded ? null : text(host), portNumber, embedded ? null : text(database),
                embedded ? null : text(user));
    }

    private String typedPassword() {
        return password.getText().isEmpty() ? null : password.getText();
    }

    private void test() {
        testResult.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        testResult.setText("");
        ConnectionProfile profile = profile();
        String typed = typedPassword();
        BackgroundTask.wrap(() -> {
            // An edited profile with its password left empty is tried with the saved password.
            String secret = typed != null || existing == null || profile.kind() == Kind.EMBEDDED ? typed
                    : profiles.config(existing.name()).password();
            return ConnectionCheck.problem(profile.config(secret));
        }).onSuccess(problem -> {
            testResult.getStyleClass().add(problem.isEmpty() ? Styles.SUCCESS : Styles.DANGER);
            testResult.setText(problem.map(p -> I18n.get("settings.connection.testFailed", p))
                    .orElse(I18n.get("settings.connection.testOk")));
        }).onFailure(error -> {
            testResult.getStyleClass().add(Styles.DANGER);
            testResult.setText(error instanceof SalesDeskException ? I18n.message(error)
                    : I18n.get("settings.connection.testFailed", error.getMessage()));
        }).executeWith(context.executor());
    }

    @Override
    protected void save() {
        ConnectionProfile profile = profile();
        try {
            profiles.save(profile, profile.kind() == Kind.EMBEDDED ? null : typedPassword());
            finish(profile);
        } catch (SalesDeskException e) {
            showFailure(e);
        }
    }
}
