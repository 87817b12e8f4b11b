package io.salesdesk.app.signin;

import java.util.Arrays;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.User;
import io.salesdesk.crm.auth.SignedIn;
import io.salesdesk.db.DatabaseConfig;

/**
 * The sign-in screen (登录) the main window shows on a workspace where people sign in: the brand,
 * login and password, one message for a wrong login or password, the lockout's end, and on an
 * admin-set password the change-password dialog before anything else.
 */
public final class SignInPane extends StackPane {

    private static final Logger LOG = LoggerFactory.getLogger(SignInPane.class);

    private final AppContext context;
    private final Consumer<User> signedIn;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label problem = new Label();
    private final Button submit = new Button(I18n.get("signin.submit"));

    /**
     * @param prefilledUsername the login to offer, may be null
     * @param signedIn          called on the FX thread with the user once signed in (and the password changed if due)
     */
    public SignInPane(AppContext context, String prefilledUsername, Consumer<User> signedIn) {
        this.context = context;
        this.signedIn = signedIn;
        setId("signInPane");
        getStyleClass().add("signin-root");
        VBox card = new VBox(18, brand(), form(prefilledUsername), footer());
        card.getStyleClass().add("signin-card");
        card.setMaxSize(400, Region.USE_PREF_SIZE);
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        // Once on screen (the scene would otherwise focus its first field): the login, or the
        // password when the login is offered.
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(() -> (username.getText().isEmpty() ? username : password).requestFocus());
            }
        });
    }

    private VBox brand() {
        FontIcon icon = new FontIcon(Feather.TRENDING_UP);
        icon.getStyleClass().add("signin-logo-icon");
        StackPane logo = new StackPane(icon);
        logo.getStyleClass().add("signin-logo");
        Label name = new Label(I18n.get("app.name"));
        name.getStyleClass().addAll(Styles.TITLE_2, "signin-name");
        Label welcome = new Label(I18n.get("signin.welcome"));
        welcome.getStyleClass().add(Styles.TEXT_MUTED);
        VBox brand = new VBox(10, logo, name, welcome);
        brand.setAlignment(Pos.CENTER);
        return brand;
    }

    private VBox form(String prefilledUsername) {
        username.setId("signInUsername");
        username.setPromptText(I18n.get("signin.username.prompt"));
        if (prefilledUsername != null) {
            username.setText(prefilledUsername);
        }
        password.setId("signInPassword");
        password.setPromptText(I18n.get("signin.password.prompt"));
        problem.setId("signInProblem");
        problem.getStyleClass().addAll(Styles.DANGER, "signin-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        showProblem(null);
        submit.setId("signInButton");
        submit.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.setOnAction(e -> submit());
        // Enter in either field signs in, as the default button would.
        username.setOnAction(e -> submit());
        password.setOnAction(e -> submit());
        VBox form = new VBox(8,
                caption(I18n.get("signin.username")), username,
                caption(I18n.get("signin.password")), password,
                problem, spacer(6), submit);
        form.setFillWidth(true);
        return form;
    }

    private VBox footer() {
        Label forgot = new Label(I18n.get("signin.forgot"));
        forgot.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        forgot.setWrapText(true);
        DatabaseConfig config = context.database().config();
        Label where = new Label(I18n.get("signin.workspace", I18n.label("dbMode", config.mode())),
                new FontIcon(Feather.DATABASE));
        where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox whereRow = new HBox(where);
        whereRow.setAlignment(Pos.CENTER);
        VBox footer = new VBox(8, forgot, whereRow);
        footer.setAlignment(Pos.CENTER);
        return footer;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("signin-caption");
        return label;
    }

    private static Region spacer(double height) {
        Region r = new Region();
        r.setMinHeight(height);
        VBox.setVgrow(r, Priority.NEVER);
        return r;
    }

    private void submit() {
        if (submit.isDisabled()) {
            return;
        }
        String login = username.getText() == null ? "" : username.getText().strip();
        if (login.isEmpty()) {
            showProblem(I18n.get("signin.usernameMissing"));
            username.requestFocus();
            return;
        }
        char[] typed = password.getText().toCharArray();
        busy(true);
        showProblem(null);
        BackgroundTask.wrap(() -> context.signIn().signIn(login, typed))
                .onSuccess(result -> whenSignedIn(result, typed))
                .onFailure(error -> {
                    Arrays.fill(typed, '\0');
                    LOG.info("Sign-in refused for a login: {}", error.getMessage());
                    showProblem(I18n.message(error));
                    password.clear();
                    password.requestFocus();
                })
                .onFinished(() -> busy(false))
                .executeWith(context.executor());
    }

    private void whenSignedIn(SignedIn result, char[] typed) {
        if (result.mustChangePassword()) {
            boolean changed = new ChangePasswordDialog(context, result.user(), typed, true).showAndWait()
                    .orElse(false);
            Arrays.fill(typed, '\0');
            if (!changed) {
                // No way past a due change: back to the sign-in.
                password.clear();
                showProblem(I18n.get("signin.changeRequired"));
                return;
            }
        }
        Arrays.fill(typed, '\0');
        if (result.changeAtHeadOffice()) {
            // A replica cannot change it, so the user works and is told where to change it.
            javafx.scene.control.Alert notice = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.INFORMATION, I18n.get("signin.changeAtHeadOffice"));
            notice.setTitle(I18n.get("password.change.title"));
            notice.setHeaderText(null);
            if (getScene() != null) {
                notice.initOwner(getScene().getWindow());
            }
            notice.showAndWait();
        }
        context.setCurrentUser(result.user());
        signedIn.accept(result.user());
    }

    private void busy(boolean busy) {
        submit.setDisable(busy);
        username.setDisable(busy);
        password.setDisable(busy);
        submit.setText(I18n.get(busy ? "signin.busy" : "signin.submit"));
    }

    private void showProblem(String text) {
        problem.setText(text == null ? "" : text);
        problem.setVisible(text != null);
        problem.setManaged(text != null);
    }
}
