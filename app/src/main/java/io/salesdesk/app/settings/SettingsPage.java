package io.salesdesk.app.settings;

import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.app.common.AppearancePreferences.Language;
import io.salesdesk.app.common.AppearancePreferences.Theme;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.app.signin.ChangePasswordDialog;
import io.salesdesk.app.studio.CustomFieldsSection;
import io.salesdesk.app.studio.forms.FormLayoutsSection;
import io.salesdesk.app.studio.onboarding.OnboardingPathsSection;
import io.salesdesk.app.studio.rules.AutomationRulesSection;
import io.salesdesk.app.studio.templates.TemplatesSection;
import io.salesdesk.crm.User;
import io.salesdesk.db.profile.ConnectionProfiles;
import io.salesdesk.crm.auth.UserAdminPolicy;
import io.salesdesk.studio.field.CustomFieldService;

/**
 * Settings (设置): language and theme apply at once; the current user (switchable only where nobody
 * signs in) and 修改密码; the user admin for admins and managers; then the company-wide sections.
 */
public final class SettingsPage extends VBox {

    public SettingsPage(AppContext context, AppearancePreferences appearance, Runnable reload) {
        super(24);
        setId("settingsPage");
        getStyleClass().add("page");
        Label title = new Label(I18n.get("settings.title"));
        title.getStyleClass().add(Styles.TITLE_2);

        ComboBox<Language> language = Pickers.of(List.of(Language.values()),
                l -> I18n.get("settings.language." + l.name()), "");
        language.setId("languagePicker");
        language.setValue(appearance.getLanguage());
        language.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != appearance.getLanguage()) {
                appearance.setLanguage(now);
                reload.run();
            }
        });
        ComboBox<Theme> theme = Pickers.of(List.of(Theme.values()), t -> I18n.get("settings.theme." + t.name()), "");
        theme.setId("themePicker");
        theme.setValue(appearance.getTheme());
        theme.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != appearance.getTheme()) {
                appearance.setTheme(now);
                reload.run();
            }
        });

        ComboBox<User> user = Pickers.of(context.users().all(),
                u -> u.displayName() + " · " + I18n.label("role", u.role())
                        + (u.orgUnitName() == null ? "" : " · " + u.orgUnitName()), "");
        user.setId("userPicker");
        user.getItems().stream().filter(u -> u.id().equals(context.currentUser().id())).findFirst()
                .ifPresent(user::setValue);
        user.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.id().equals(context.currentUser().id())) {
                context.setCurrentUser(now);
                reload.run();
            }
        });

        // Where people sign in, the user is whoever signed in: no switching without a password.
        user.setDisable(context.signInRequired());
        Button changePassword = new Button(I18n.get("settings.password.change"), new FontIcon(Feather.KEY));
        changePassword.setId("changePasswordButton");
        Label changed = new Label();
        changed.setId("passwordChanged");
        changed.getStyleClass().add(Styles.SUCCESS);
        changePassword.setOnAction(e -> new ChangePasswordDialog(context, context.currentUser(), null, false)
                .showAndWait().ifPresent(done -> changed.setText(I18n.get("password.change.done"))));
        javafx.scene.layout.HBox passwordRow = new javafx.scene.layout.HBox(12, changePassword, changed);
        // A branch replica takes its passwords from the head office: say so where the change would be.
        if (context.signIn().onReplica()) {
            changePassword.setDisable(true);
            changed.setId("passwordAtHeadOffice");
            changed.getStyleClass().setAll("label", Styles.TEXT_MUTED);
            changed.setWrapText(true);
            changed.setText(I18n.get("settings.password.atHeadOffice"));
        }
        passwordRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, new SettingsIndex(this),
                section(I18n.get("settings.appearance"), I18n.get("settings.appearance.hint"),
                        row(I18n.get("settings.language"), language), row(I18n.get("settings.theme"), theme)),
                section(I18n.get("settings.user"),
                        I18n.get(context.signInRequired() ? "settings.user.signedIn" : "settings.user.hint"),
                        row(I18n.get("settings.currentUser"), user), new Node[] {new Label(), passwordRow}));
        if (UserAdminPolicy.managesUsers(context.currentUser().role())) {
            getChildren().add(new UserAdminSection(context));
        }
        // Everyone may clear the map tiles cached on their computer; the section locks the rest.
        getChildren().add(new MapTilesSection(context));
        // Connection profiles belong to this user on this computer, whatever their role.
        getChildren().add(new ConnectionSection(context,
                new ConnectionProfiles(ConnectionProfiles.defaultDir(System.getenv()))));
        getChildren().add(new BackupSection(context));
        // On a branch replica: its head office, the automatic sync and the last result (hidden elsewhere).
        getChildren().add(new ReplicaSyncSection(context,
                new ConnectionProfiles(ConnectionProfiles.defaultDir(System.getenv()))));
        // Where branch offices sync with this database, a manager settles what both sides changed.
        if (CustomFieldService.mayConfigure(context.currentUser().asActor())) {
            getChildren().add(new SyncConflictsSection(context));
        }
        // Follow-up rules, pool limits, dispatch weights, the calendar, the notification channels and
        // the approval flows bind the whole company: only its
        // company-wide roles see them (the services refuse everyone else anyway).
        // Custom fields shape the forms of everyone the manager leads; reps do not see the section.
        if (CustomFieldService.mayConfigure(context.currentUser().asActor())) {
            getChildren().add(new CustomFieldsSection(context, SettingsPage::fillSection));
            getChildren().add(new FormLayoutsSection(context, SettingsPage::fillSection));
            getChildren().add(new AutomationRulesSection(context, SettingsPage::fillSection));
            getChildren().add(new OnboardingPathsSection(context, SettingsPage::fillSection));
            getChildren().add(new TemplatesSection(context, SettingsPage::fillSection));
        }
        if (context.currentUser().role().seesEverything()) {
            getChildren().addAll(new MessageLanguageSection(context), new LeadRulesSection(context),
                    new PoolLimitsSection(context),
                    new DispatchWeightsSection(context), new WorkingCalendarSection(context),
                    new NotificationChannelsSection(context), new ApprovalFlowsSection(context));
        }
        setMaxWidth(960);
        setAlignment(Pos.TOP_LEFT);
    }

    private static Node[] row(String label, ComboBox<?> control) {
        control.setPrefWidth(320);
        Label text = new Label(label);
        text.setMinWidth(96);
        return new Node[] {text, control};
    }

    private static VBox section(String title, String hint, Node[]... rows) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        for (int i = 0; i < rows.length; i++) {
            grid.addRow(i, rows[i]);
        }
        VBox box = new VBox(6);
        fillSection(box, title, hint, grid);
        return box;
    }

    /** Gives {@code box} the look of a settings section: heading, muted hint, then the content. */
    static void fillSection(VBox box, String title, String hint, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label(hint);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        VBox body = new VBox(10, content);
        body.setPadding(new Insets(8, 0, 0, 0));
        box.setSpacing(6);
        box.getChildren().setAll(heading, text, body);
        box.getStyleClass().add("settings-section");
    }
}
