package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.User;
import io.salesdesk.territory.layer.BulkOwnerChange;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * 分配负责人 for the customers selected on the map: one rep and a reason; each customer goes
 * through the transfer rules and approval flow as a single transfer would.
 */
final class AssignOwnerDialog extends FormDialog<BulkOwnerChange.Outcome> {

    private final AppContext context;
    private final List<Customer> customers;
    private final ComboBox<User> owner;
    private final TextField reason = new TextField();

    AssignOwnerDialog(AppContext context, List<Customer> customers) {
        super(I18n.get("map.assign.title"), "mapAssignSave");
        this.context = context;
        this.customers = List.copyOf(customers);
        ((Button) getDialogPane().lookupButton(saveType)).setText(I18n.get("map.assign.save"));
        List<User> reps = context.users().visibleOwners(context.currentUser().asActor()).stream()
                .filter(u -> u.role() == Role.REP).toList();
        // Two reps may share a name: the team tells them apart.
        owner = Pickers.of(reps, u -> I18n.get("map.assign.repLabel", u.displayName(), u.orgUnitName()),
                I18n.get("map.assign.owner.prompt"));
        owner.setId("mapAssignRep");
        owner.setMaxWidth(Double.MAX_VALUE);
        reason.setId("mapAssignReason");
        reason.setPromptText(I18n.get("map.assign.reason.prompt"));
        Label what = new Label(I18n.get("map.assign.what", customers.size()));
        what.getStyleClass().add(Styles.TEXT_BOLD);
        what.setWrapText(true);
        VBox form = new VBox(12, what, field("ownerId", I18n.get("map.assign.owner"), owner),
                field("reason", I18n.get("map.assign.reason"), reason));
        form.setPrefWidth(460);
        setForm(form);
        setOnShown(e -> owner.requestFocus());
    }

    @Override
    protected void save() {
        User chosen = owner.getValue();
        if (chosen == null) {
            fieldNamed("ownerId").showProblem(I18n.get("map.assign.owner.required"));
            return;
        }
        var actor = context.currentUser().asActor();
        String why = reason.getText() == null || reason.getText().isBlank() ? I18n.get("map.assign.defaultReason")
                : reason.getText().strip();
        getDialogPane().setDisable(true);
        BackgroundTask.wrap(() -> new BulkOwnerChange(context.customers()).transfer(actor, customers, chosen.id(), why))
                .onFinished(() -> getDialogPane().setDisable(false))
                .onSuccess(this::finish)
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
