package io.salesdesk.app.customers;

import java.util.Objects;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;

/**
 * Someone else saved the customer while the user was editing: both versions side by side, the
 * differing fields marked, and the user decides. Nothing is overwritten silently.
 */
final class StaleRecordDialog extends Dialog<StaleRecordDialog.Choice> {

    enum Choice {
        OVERWRITE, DISCARD
    }

    private final AppContext context;

    StaleRecordDialog(AppContext context, Customer theirs, CustomerDraft mine) {
        this.context = context;
        setTitle(I18n.get("stale.title"));
        io.salesdesk.app.common.Stylesheets.addTo(getDialogPane());
        setHeaderText(I18n.get(theirs == null ? "stale.deleted" : "stale.header"));
        ButtonType overwrite = new ButtonType(I18n.get("stale.overwrite"), ButtonBar.ButtonData.OK_DONE);
        ButtonType discard = new ButtonType(I18n.get("stale.discard"), ButtonBar.ButtonData.CANCEL_CLOSE);
        if (theirs == null) {
            getDialogPane().getButtonTypes().setAll(discard);
        } else {
            getDialogPane().getButtonTypes().setAll(overwrite, discard);
            getDialogPane().lookupButton(overwrite).setId("staleOverwrite");
            getDialogPane().lookupButton(overwrite).getStyleClass().add(Styles.DANGER);
        }
        getDialogPane().lookupButton(discard).setId("staleDiscard");
        setResultConverter(button -> button == overwrite ? Choice.OVERWRITE : Choice.DISCARD);
        if (theirs != null) {
            getDialogPane().setContent(compare(theirs.toDraft(), mine, theirs.ownerName()));
        }
    }

    private VBox compare(CustomerDraft theirs, CustomerDraft mine, String theirOwnerName) {
        GridPane grid = new GridPane();
        grid.setHgap(20);
        grid.setVgap(6);
        grid.getStyleClass().add("stale-compare");
        grid.addRow(0, new Label(), heading(I18n.get("stale.theirs")), heading(I18n.get("stale.mine")));
        int row = 1;
        row = line(grid, row, "customerForm.name", theirs, mine, CustomerDraft::name);
        row = line(grid, row, "customerForm.creditCode", theirs, mine, CustomerDraft::creditCode);
        row = line(grid, row, "customerForm.tier", theirs, mine, d -> d.tier() == null ? "" : d.tier().name());
        row = line(grid, row, "customerForm.industry", theirs, mine,
                d -> d.industry() == null ? "" : I18n.get("industry." + d.industry()));
        row = line(grid, row, "customerForm.region", theirs, mine,
                d -> d.regionCode() == null ? "" : context.regions().fullName(d.regionCode()));
        row = line(grid, row, "customerForm.address", theirs, mine, CustomerDraft::address);
        row = line(grid, row, "customerForm.phone", theirs, mine, CustomerDraft::phone);
        line(grid, row, "customerForm.owner", theirs, mine, d -> ownerName(d, theirs, theirOwnerName));
        Label hint = new Label(I18n.get("stale.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        return new VBox(12, grid, hint);
    }

    private String ownerName(CustomerDraft d, CustomerDraft theirs, String theirOwnerName) {
        if (d.ownerId() == null) {
            return I18n.get("form.pool");
        }
        if (d.ownerId().equals(theirs.ownerId()) && theirOwnerName != null) {
            return theirOwnerName;
        }
        return context.users().all().stream().filter(u -> u.id().equals(d.ownerId())).findFirst()
                .map(u -> u.displayName()).orElse("");
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static int line(GridPane grid, int row, String key, CustomerDraft theirs, CustomerDraft mine,
                            Function<CustomerDraft, String> value) {
        String a = Objects.toString(value.apply(theirs), "");
        String b = Objects.toString(value.apply(mine), "");
        Label name = new Label(I18n.get(key));
        name.getStyleClass().add(Styles.TEXT_MUTED);
        Label left = new Label(a);
        Label right = new Label(b);
        if (!a.equals(b)) {
            left.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_BOLD);
            right.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_BOLD);
        }
        grid.addRow(row, name, left, right);
        return row + 1;
    }
}
