package io.salesdesk.app.settings;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.auth.UserAdminService.UserRow;

/**
 * 用户与组织: the accounts the admin manages with their sign-in state (locked, last sign-in), and
 * the actions on them — add with a first password, role and unit, deactivate or activate, unlock,
 * reset password — above the org units. Admins and managers only (UserAdminPolicy).
 */
final class UserAdminSection extends VBox {

    private final AppContext context;
    private final TableView<UserRow> table = new TableView<>();
    private final Button edit = button("userEdit", "users.edit", Feather.EDIT_2);
    private final Button toggle = button("userToggleActive", "users.disable", Feather.USER_X);
    private final Button unlock = button("userUnlock", "users.unlock", Feather.UNLOCK);
    private final Button reset = button("userResetPassword", "users.resetPassword", Feather.KEY);

    UserAdminSection(AppContext context) {
        this.context = context;
        setId("userAdminSection");
        Button add = button("userAdd", "users.add", Feather.USER_PLUS);
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> new AddUserDialog(context).showAndWait().ifPresent(id -> reload()));
        edit.setOnAction(e -> selected(row -> new EditUserDialog(context, row).showAndWait()
                .ifPresent(done -> reload())));
        toggle.setOnAction(e -> selected(row -> act(() -> context.userAdmin().setActive(actor(), row,
                !row.account().active()))));
        unlock.setOnAction(e -> selected(row -> act(() -> context.userAdmin().unlock(actor(), row))));
        reset.setOnAction(e -> selected(row -> new ResetPasswordDialog(context, row).showAndWait()
                .ifPresent(done -> reload())));
        HBox actions = new HBox(8, add, edit, toggle, unlock, reset);
        actions.setAlignment(Pos.CENTER_LEFT);
        // A branch replica gets its users, roles, units and passwords from the head office; unlocking
        // stays (lockouts are local).
        if (context.signIn().onReplica()) {
            Label atHeadOffice = new Label(I18n.get("users.atHeadOffice"));
            atHeadOffice.setId("usersAtHeadOffice");
            atHeadOffice.getStyleClass().add(Styles.TEXT_MUTED);
            atHeadOffice.setWrapText(true);
            actions.getChildren().setAll(unlock, atHeadOffice);
        }
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> updateButtons(now));
        updateButtons(null);
        SettingsPage.fillSection(this, I18n.get("settings.users.title"), I18n.get("settings.users.hint"),
                createTable(), actions, new OrgUnitsPane(context, this::reload));
        reload();
    }

    private io.salesdesk.core.Actor actor() {
        return context.currentUser().asActor();
    }

    private TableView<UserRow> createTable() {
        table.setId("userTable");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(240);
        table.getColumns().setAll(List.of(
                column("users.col.name", r -> r.account().draft().displayName(), 110),
                column("users.col.login", UserRow::username, 120),
                column("users.col.role", r -> I18n.label("role", r.account().draft().role()), 90),
                column("users.col.orgUnit", r -> r.orgUnit().name(), 120),
                column("users.col.status", this::status, 150),
                column("users.col.lastSignIn", r -> when(r.lastSignIn()), 140)));
        return table;
    }

    /** What the admin needs to know at a glance: deactivated, locked (until when), no password yet. */
    private String status(UserRow row) {
        if (!row.account().active()) {
            return I18n.get("users.status.disabled");
        }
        Instant now = context.clock().instant();
        if (row.lockedAt(now)) {
            return I18n.get("users.status.locked", when(row.credential().lockedUntil()));
        }
        if (row.credential() == null) {
            return I18n.get("users.status.noPassword");
        }
        return I18n.get(row.credential().mustChange() ? "users.status.mustChange" : "users.status.active");
    }

    private static String when(Instant instant) {
        return instant == null ? I18n.get("users.never")
                : Formats.dateTime(instant.atOffset(ZoneOffset.UTC), BusinessTime.ZONE);
    }

    private void updateButtons(UserRow row) {
        boolean none = row == null;
        edit.setDisable(none);
        toggle.setDisable(none);
        reset.setDisable(none);
        unlock.setDisable(none || row.credential() == null
                || !row.lockedAt(context.clock().instant()) && row.credential().failedAttempts() == 0);
        toggle.setText(I18n.get(row != null && !row.account().active() ? "users.enable" : "users.disable"));
    }

    private void selected(java.util.function.Consumer<UserRow> action) {
        UserRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            action.accept(row);
        }
    }

    private void act(Runnable change) {
        try {
            change.run();
        } catch (SalesDeskException e) {
            ErrorDialogs.show(e);
        }
        reload();
    }

    /** Reads the accounts afresh, keeping the selection on the same account. */
    void reload() {
        var actor = actor();
        UserRow selected = table.getSelectionModel().getSelectedItem();
        BackgroundTask.wrap(() -> context.userAdmin().users(actor))
                .onSuccess(rows -> {
                    table.getItems().setAll(rows);
                    if (selected != null) {
                        rows.stream().filter(r -> r.id().equals(selected.id())).findFirst()
                                .ifPresent(r -> table.getSelectionModel().select(r));
                    }
                    updateButtons(table.getSelectionModel().getSelectedItem());
                })
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private static Button button(String id, String key, Feather icon) {
        Button button = new Button(I18n.get(key), new FontIcon(icon));
        button.setId(id);
        return button;
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
