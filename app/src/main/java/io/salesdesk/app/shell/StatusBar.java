package io.salesdesk.app.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.User;
import io.salesdesk.db.DatabaseConfig;

/** Where the data lives and who is working: database mode, data folder, user and role, schema. */
final class StatusBar extends HBox {

    /**
     * @param sync    the branch replica's sync control (hidden elsewhere)
     * @param signOut 退出登录 / 切换用户 where people sign in
     */
    StatusBar(AppContext context, Node sync, Runnable signOut) {
        this();
        DatabaseConfig config = context.database().config();
        Label mode = item("statusDb", Feather.DATABASE, I18n.get("status.db", I18n.label("dbMode", config.mode())));
        String where = context.dataDir() != null ? context.dataDir().toString() : redact(config.url());
        Label dir = item("statusDir", Feather.FOLDER, where);
        User user = context.currentUser();
        Label who = item("statusUser", Feather.USER, user == null ? "" : I18n.get("status.user",
                user.displayName(), I18n.label("role", user.role()),
                user.orgUnitName() == null ? "" : user.orgUnitName()));
        Node whoItem = context.signInRequired() ? userMenu(who, signOut) : who;
        Label schema = item("statusSchema", Feather.LAYERS, I18n.get("status.schema", context.database().schemaVersion()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(mode, separator(), dir, separator(), sync, spacer, whoItem, separator(), schema);
        // The separator before the sync control shows only with it (on a branch replica).
        Node before = getChildren().get(getChildren().indexOf(sync) - 1);
        before.visibleProperty().bind(sync.visibleProperty());
        before.managedProperty().bind(sync.managedProperty());
    }

    /** The user chip as a menu: 切换用户 and 退出登录 both lead back to the sign-in screen. */
    private static MenuButton userMenu(Label who, Runnable signOut) {
        MenuItem switchUser = new MenuItem(I18n.get("signout.switchUser"), new FontIcon(Feather.USERS));
        switchUser.setId("switchUserItem");
        switchUser.setOnAction(e -> signOut.run());
        MenuItem signOutItem = new MenuItem(I18n.get("signout.signOut"), new FontIcon(Feather.LOG_OUT));
        signOutItem.setId("signOutItem");
        signOutItem.setOnAction(e -> signOut.run());
        // The label stays the chip's face, so it reads as before.
        MenuButton menu = new MenuButton(null, who, switchUser, signOutItem);
        menu.setId("userMenu");
        menu.getStyleClass().add(Styles.FLAT);
        return menu;
    }

    private StatusBar() {
        super(10);
        setId("statusBar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
    }

    /** The status bar while the workspace opens. */
    static StatusBar opening() {
        StatusBar bar = new StatusBar();
        bar.getChildren().add(item("statusDb", Feather.DATABASE, I18n.get("opening.status")));
        return bar;
    }

    /** A server URL without anything after '?' (it may carry options, never shown in full). */
    private static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static Label item(String id, Feather icon, String text) {
        Label label = new Label(text, new FontIcon(icon));
        label.setId(id);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }

    private static Separator separator() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }
}
