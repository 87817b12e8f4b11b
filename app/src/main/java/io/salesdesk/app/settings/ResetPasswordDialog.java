package io.salesdesk.app.settings;

import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.auth.PasswordPolicy;
import io.salesdesk.crm.auth.UserAdminService.UserRow;

/** 重置密码: a new password for a user who forgot theirs; they must change it at the next sign-in. */
final class ResetPasswordDialog extends FormDialog<Boolean> {

    private final AppContext context;
    private final UserRow row;
    private final PasswordField password = new PasswordField();

    ResetPasswordDialog(AppContext context, UserRow row) {
        super(I18n.get("users.reset.title"), "userResetSave");
        this.context = context;
        this.row = row;
        password.setId("resetPassword");
        Label hint = new Label(I18n.get("users.reset.hint", row.account().draft().displayName()) + " "
                + I18n.get("password.change.rule", PasswordPolicy.MIN_LENGTH));
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        setForm(new VBox(10, hint, field("password", I18n.get("password.change.new"), password)));
    }

    @Override
    protected void save() {
        try {
            context.userAdmin().resetPassword(context.currentUser().asActor(), row, password.getText().toCharArray());
            finish(true);
        } catch (SalesDeskException e) {
            showFailure(e);
        }
    }
}
