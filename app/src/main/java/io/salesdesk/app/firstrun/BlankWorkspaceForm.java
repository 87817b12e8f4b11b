package io.salesdesk.app.firstrun;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.auth.NewWorkspace;
import io.salesdesk.crm.auth.PasswordHasher;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;

/**
 * 空白工作区: the company's name and its first administrator (name, login, an optional password).
 * Without a password the workspace opens as the administrator on this computer; with one, it asks.
 */
final class BlankWorkspaceForm extends VBox {

    final TextField company = new TextField();
    final TextField adminName = new TextField();
    final TextField username = new TextField("admin");
    final PasswordField password = new PasswordField();
    final PasswordField repeat = new PasswordField();
    private final Label problem = new Label();

    BlankWorkspaceForm(FirstRunWindow window, DatabaseConfig config, Executor executor) {
        super(10);
        setId("firstRunBlankForm");
        Label title = new Label(I18n.get("firstrun.blank"));
        title.getStyleClass().add(Styles.TITLE_3);
        company.setId("firstRunCompany");
        adminName.setId("firstRunAdminName");
        username.setId("firstRunUsername");
        password.setId("firstRunPassword");
        repeat.setId("firstRunRepeat");
        password.setPromptText(I18n.get("firstrun.password.optional"));
        problem.setId("firstRunProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        Button back = new Button(I18n.get("firstrun.back"));
        back.setOnAction(e -> window.showChoices());
        Button create = new Button(I18n.get("firstrun.blank.create"));
        create.setId("firstRunCreate");
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.setOnAction(e -> {
            problem.setText("");
            if (!password.getText().equals(repeat.getText())) {
                problem.setText(I18n.get("firstrun.password.mismatch"));
                return;
            }
            String companyName = company.getText();
            String admin = adminName.getText();
            String login = username.getText();
            char[] secret = password.getText().toCharArray();
            try {
                // Before the database is made: a refused form must not leave a workspace behind.
                NewWorkspace.check(companyName, login, admin, secret);
            } catch (io.salesdesk.core.SalesDeskException refused) {
                problem.setText(I18n.message(refused));
                return;
            }
            create.setDisable(true);
            BackgroundTask.wrap(() -> {
                try (Database db = Database.open(config)) {
                    new NewWorkspace(db, Clock.systemUTC(), PasswordHasher.standard())
                            .create(companyName, login, admin, secret);
                }
            }).onSuccess(none -> window.finish(Optional.of(config)))
                    .onFailure(error -> {
                        create.setDisable(false);
                        problem.setText(I18n.message(error));
                    })
                    .executeWith(executor);
        });
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox buttons = new HBox(8, back, spacer, create);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title,
                new FormField(I18n.get("firstrun.company"), company),
                new FormField(I18n.get("firstrun.adminName"), adminName),
                new FormField(I18n.get("firstrun.username"), username),
                twoColumns(new FormField(I18n.get("firstrun.password"), password),
                        new FormField(I18n.get("firstrun.repeat"), repeat)),
                hint(), problem, buttons);
    }

    private static HBox twoColumns(FormField left, FormField right) {
        HBox.setHgrow(left, javafx.scene.layout.Priority.ALWAYS);
        HBox.setHgrow(right, javafx.scene.layout.Priority.ALWAYS);
        left.setMaxWidth(Double.MAX_VALUE);
        right.setMaxWidth(Double.MAX_VALUE);
        return new HBox(10, left, right);
    }

    private static Label hint() {
        Label hint = new Label(I18n.get("firstrun.blank.passwordHint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        return hint;
    }
}
