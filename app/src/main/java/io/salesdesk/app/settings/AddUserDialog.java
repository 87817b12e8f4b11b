package io.salesdesk.app.settings;

import java.util.List;
import java.util.UUID;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.UserDraft;

/** 新增用户: login, name, role, org unit and a first password the new user must change. */
final class AddUserDialog extends FormDialog<UUID> {

    private final AppContext context;
    private final TextField login = new TextField();
    private final TextField name = new TextField();
    private final ComboBox<Role> role;
    private final ComboBox<OrgUnit> unit;
    private final PasswordField password = new PasswordField();

    AddUserDialog(AppContext context) {
        super(I18n.get("users.add.title"), "userAddSave");
        this.context = context;
        var actor = context.currentUser().asActor();
        login.setId("newUserLogin");
        name.setId("newUserName");
        password.setId("newUserPassword");
        role = Pickers.of(grantable(context), r -> I18n.label("role", r), "");
        role.setPrefWidth(200);
        role.setId("newUserRole");
        role.setValue(Role.REP);
        unit = OrgUnitsPane.picker(context.userAdmin().orgUnits(actor));
        unit.setPrefWidth(200);
        unit.setId("newUserOrgUnit");
        unit.setValue(context.userAdmin().orgUnits(actor).stream()
                .filter(u -> u.id().equals(context.currentUser().orgUnitId())).findFirst()
                .orElse(unit.getItems().isEmpty() ? null : unit.getItems().get(0)));
        GridPane grid = grid();
        grid.addRow(0, field("login", I18n.get("users.field.login"), login),
                field("name", I18n.get("users.field.name"), name));
        grid.addRow(1, field("role", I18n.get("users.field.role"), role),
                field("unit", I18n.get("users.field.orgUnit"), unit));
        grid.add(field("password", I18n.get("users.field.password"), password), 0, 2);
        Label hint = new Label(I18n.get("users.add.mustChange") + " "
                + I18n.get("password.change.rule", io.salesdesk.crm.auth.PasswordPolicy.MIN_LENGTH));
        hint.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        setForm(new VBox(10, grid, hint));
    }

    @Override
    protected void save() {
        OrgUnit chosen = unit.getValue();
        UserDraft draft = new UserDraft(text(login), text(name), role.getValue(),
                chosen == null ? null : chosen.id(), null, null, null);
        try {
            finish(context.userAdmin().addUser(context.currentUser().asActor(), draft,
                    password.getText().toCharArray()));
        } catch (SalesDeskException e) {
            showFailure(e);
        }
    }

    /** The roles this admin may give: only an admin makes admins (the service refuses it anyway). */
    static List<Role> grantable(AppContext context) {
        return java.util.Arrays.stream(Role.values())
                .filter(r -> r != Role.ADMIN || context.currentUser().role() == Role.ADMIN).toList();
    }
}
