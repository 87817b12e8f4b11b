package io.salesdesk.app.settings;

import java.util.List;

import javafx.scene.control.ComboBox;
import javafx.scene.layout.GridPane;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.auth.UserAdminService.UserRow;

/** An account's role and org unit, which decide what its user sees. */
final class EditUserDialog extends FormDialog<Boolean> {

    private final AppContext context;
    private final UserRow row;
    private final ComboBox<Role> role;
    private final ComboBox<OrgUnit> unit;

    EditUserDialog(AppContext context, UserRow row) {
        super(I18n.get("users.edit.title", row.account().draft().displayName()), "userEditSave");
        this.context = context;
        this.row = row;
        role = Pickers.of(AddUserDialog.grantable(context), r -> I18n.label("role", r), "");
        role.setPrefWidth(200);
        role.setId("editUserRole");
        role.setValue(row.account().draft().role());
        List<OrgUnit> units = context.userAdmin().orgUnits(context.currentUser().asActor());
        unit = OrgUnitsPane.picker(units);
        unit.setPrefWidth(200);
        unit.setId("editUserOrgUnit");
        units.stream().filter(u -> u.id().equals(row.orgUnit().id())).findFirst().ifPresent(unit::setValue);
        GridPane grid = grid();
        grid.addRow(0, field("role", I18n.get("users.field.role"), role),
                field("unit", I18n.get("users.field.orgUnit"), unit));
        setForm(grid);
    }

    @Override
    protected void save() {
        try {
            context.userAdmin().changeRoleAndUnit(context.currentUser().asActor(), row, role.getValue(),
                    unit.getValue() == null ? null : unit.getValue().id());
            finish(true);
        } catch (SalesDeskException e) {
            showFailure(e);
        }
    }
}
