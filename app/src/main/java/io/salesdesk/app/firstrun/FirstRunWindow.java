package io.salesdesk.app.firstrun;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.profile.ConnectionProfiles;

/**
 * What a new user sees when SalesDesk starts on a data folder with no workspace yet: the language,
 * then one of three ways to begin (the demo workspace, a blank one, the company's server). It ends
 * with the database to open, or with nothing when the user closed it.
 */
public final class FirstRunWindow {

    static final String ID = "firstRun";

    private final Path dataDir;
    private final AppearancePreferences appearance;
    private final ConnectionProfiles profiles;
    private final Executor executor;
    private final Consumer<Optional<DatabaseConfig>> done;
    private final StackPane root = new StackPane();
    private final VBox card = new VBox(14);
    private boolean finished;

    /**
     * @param done told once: the database to open, or empty when the user gave up
     */
    public FirstRunWindow(Path dataDir, AppearancePreferences appearance, ConnectionProfiles profiles,
                          Executor executor, Consumer<Optional<DatabaseConfig>> done) {
        this.dataDir = dataDir;
        this.appearance = appearance;
        this.profiles = profiles;
        this.executor = executor;
        this.done = done;
        root.setId(ID);
        root.getStyleClass().add("signin-root");
        card.getStyleClass().addAll("signin-card", "firstrun-card");
        card.setMaxSize(620, javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setPrefWidth(620);
        root.getChildren().add(card);
        showLanguage();
    }

    /**
     * Shows the window and waits (off the FX thread) until the user has made a workspace or closed it.
     */
    public static Optional<DatabaseConfig> ask(Path dataDir, AppearancePreferences appearance,
                                               ConnectionProfiles profiles, Executor executor) {
        CompletableFuture<Optional<DatabaseConfig>> result = new CompletableFuture<>();
        // The main window follows this one; the toolkit must not end in between.
        Platform.setImplicitExit(false);
        Platform.runLater(() -> {
            // The main window sets the theme when it builds; this window comes before it.
            javafx.application.Application.setUserAgentStylesheet(
                    appearance.getTheme() == AppearancePreferences.Theme.DARK
                            ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                            : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            Stage stage = new Stage();
            FirstRunWindow window = new FirstRunWindow(dataDir, appearance, profiles, executor, chosen -> {
                result.complete(chosen);
                stage.hide();
            });
            Scene scene = new Scene(window.root(), 900, 660);
            scene.getStylesheets().add(Stylesheets.APP);
            stage.setScene(scene);
            stage.setTitle("SalesDesk");
            var icon = FirstRunWindow.class.getResourceAsStream("/io/salesdesk/app/icon.png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon));
            }
            stage.setOnCloseRequest(e -> window.cancel());
            stage.show();
        });
        return result.join();
    }

    public Parent root() {
        return root;
    }

    void cancel() {
        finish(Optional.empty());
    }

    void finish(Optional<DatabaseConfig> config) {
        if (!finished) {
            finished = true;
            done.accept(config);
        }
    }

    /** Step 1: 中文 or English; the window speaks the chosen language from the next step on. */
    private void showLanguage() {
        Label title = new Label("欢迎使用 SalesDesk 销售台");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Welcome to SalesDesk · 请选择语言 / Choose your language");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        Button chinese = choice("firstRunChinese", Feather.GLOBE, "中文（简体）", "界面、帮助和示例数据使用中文");
        Button english = choice("firstRunEnglish", Feather.GLOBE, "English", "Menus, help and messages in English");
        chinese.setOnAction(e -> chooseLanguage(AppearancePreferences.Language.CHINESE));
        english.setOnAction(e -> chooseLanguage(AppearancePreferences.Language.ENGLISH));
        card.getChildren().setAll(logo(), title, subtitle, chinese, english);
    }

    private void chooseLanguage(AppearancePreferences.Language language) {
        appearance.setLanguage(language);
        I18n.setLocale(language.locale());
        showChoices();
    }

    /** Step 2: 三选一. */
    void showChoices() {
        Label title = new Label(I18n.get("firstrun.choose.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = new Label(I18n.get("firstrun.choose.subtitle", dataDir));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        Button demo = choice("firstRunDemo", Feather.PLAY_CIRCLE, I18n.get("firstrun.demo"),
                I18n.get("firstrun.demo.hint"));
        Button blank = choice("firstRunBlank", Feather.FILE_PLUS, I18n.get("firstrun.blank"),
                I18n.get("firstrun.blank.hint"));
        Button server = choice("firstRunServer", Feather.SERVER, I18n.get("firstrun.server"),
                I18n.get("firstrun.server.hint"));
        demo.setOnAction(e -> show(new DemoProgress(this, DatabaseConfig.embedded(dataDir), executor)));
        blank.setOnAction(e -> show(new BlankWorkspaceForm(this, DatabaseConfig.embedded(dataDir), executor)));
        server.setOnAction(e -> show(new ServerForm(this, profiles, executor)));
        Button back = new Button(I18n.get("firstrun.language"), new FontIcon(Feather.GLOBE));
        back.getStyleClass().add(Styles.FLAT);
        back.setOnAction(e -> showLanguage());
        card.getChildren().setAll(logo(), title, subtitle, demo, blank, server, back);
    }

    /** Shows a step's own content in the card. */
    void show(Node step) {
        card.getChildren().setAll(logo(), step);
    }

    private static Node logo() {
        FontIcon icon = new FontIcon(Feather.TRENDING_UP);
        icon.getStyleClass().add("signin-logo-icon");
        StackPane logo = new StackPane(icon);
        logo.getStyleClass().add("signin-logo");
        Label name = new Label("SalesDesk 销售台");
        name.getStyleClass().addAll(Styles.TITLE_4, "signin-name");
        HBox row = new HBox(12, logo, name);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A large button with an icon, a title and a line saying what it leads to. */
    private static Button choice(String id, Feather iconCode, String title, String hint) {
        FontIcon icon = new FontIcon(iconCode);
        icon.getStyleClass().add("firstrun-choice-icon");
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add("firstrun-choice-title");
        Label hintLabel = new Label(hint);
        hintLabel.getStyleClass().add(Styles.TEXT_MUTED);
        // Short hints stay on one line; a long one wraps at a fixed reading width, so its height is
        // known before layout (a wrapping label in a button's graphic otherwise asks for far too much).
        if (hint.length() > 30) {
            hintLabel.setWrapText(true);
            hintLabel.setPrefWidth(470);
            hintLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        VBox text = new VBox(2, titleLabel, hintLabel);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox content = new HBox(14, icon, text);
        content.setAlignment(Pos.CENTER_LEFT);
        Button button = new Button(null, content);
        button.setId(id);
        button.getStyleClass().add("firstrun-choice");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setAlignment(Pos.CENTER_LEFT);
        return button;
    }
}
