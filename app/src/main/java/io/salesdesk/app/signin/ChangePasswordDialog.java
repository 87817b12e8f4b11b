package io.salesdesk.app.signin;

import java.util.Arrays;

import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.User;
import io.salesdesk.crm.auth.PasswordPolicy;

/**
 * 修改密码: the current password (unless the user has just typed it to sign in), the new one twice.
 * Returns true once the password is changed.
 */
public final class ChangePasswordDialog extends FormDialog<Boolean> {

    private final AppContext context;
    private final User user;
    private final char[] knownOldPassword;
    private final PasswordField oldPassword = new PasswordField();
    private final PasswordField newPassword = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    /**
     * @param knownOldPassword the password just used to sign in, or null to ask for it
     * @param due              whether the change is required (an admin set the password)
     */
    public ChangePasswordDialog(AppContext context, User user, char[] knownOldPassword, boolean due) {
        super(I18n.get("password.change.title"), "changePasswordSave");
        this.context = context;
        this.user = user;
        this.knownOldPassword = knownOldPassword == null ? null : knownOldPassword.clone();
        oldPassword.setId("oldPassword");
        newPassword.setId("newPassword");
        repeat.setId("repeatPassword");
        VBox form = new VBox(10);
        if (due) {
            Label why = new Label(I18n.get("password.change.due"));
            why.setWrapText(true);
            why.setMaxWidth(360);
            form.getChildren().add(why);
        }
        // A first password (none set yet) needs no old one.
        if (this.knownOldPassword == null && context.signIn().hasPassword(user.id())) {
            form.getChildren().add(field("old", I18n.get("password.change.old"), oldPassword));
        }
        FormField fresh = field("new", I18n.get("password.change.new"), newPassword);
        Label rule = new Label(I18n.get("password.change.rule", PasswordPolicy.MIN_LENGTH));
        rule.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        form.getChildren().addAll(fresh, rule, field("repeat", I18n.get("password.change.repeat"), repeat));
        setForm(form);
    }

    @Override
    protected void save() {
        if (!newPassword.getText().equals(repeat.getText())) {
            fieldNamed("repeat").showProblem(I18n.get("password.mismatch"));
            return;
        }
        char[] old = knownOldPassword != null ? knownOldPassword : oldPassword.getText().toCharArray();
        // The service checks the old password only where there is one.

        char[] fresh = newPassword.getText().toCharArray();
        try {
            context.signIn().changePassword(user, old, fresh);
        } catch (SalesDeskException e) {
            if ("password.wrongOld".equals(e.messageKey()) && fieldNamed("old") != null) {
                fieldNamed("old").showProblem(I18n.message(e));
            } else {
                fieldNamed("new").showProblem(I18n.message(e));
            }
            return;
        } finally {
            Arrays.fill(fresh, '\0');
        }
        if (knownOldPassword != null) {
            Arrays.fill(knownOldPassword, '\0');
        }
        finish(true);
    }
}
