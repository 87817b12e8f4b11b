package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.territory.surge.PoolGrant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 临时公海授权: the pool access grants in force that the viewer may see (reps lent to a surging
 * region), soonest to end first, with 收回 to end the selected one now. The rep is told and the
 * change history records it; {@code onChanged} lets the banner recount.
 */
final class PoolGrantsDialog extends Dialog<Void> {

    private static final Logger LOG = LoggerFactory.getLogger(PoolGrantsDialog.class);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final TableView<PoolGrant> table = new TableView<>();
    private final Label outcome = new Label();

    PoolGrantsDialog(AppContext context, List<PoolGrant> grants, Runnable onChanged) {
        setTitle(I18n.get("map.grants.title"));
        setResizable(true);
        table.setId("mapGrantsTable");
        table.getColumns().add(column(I18n.get("map.grants.rep"), PoolGrant::userName, 90));
        table.getColumns().add(column(I18n.get("map.grants.region"), PoolGrant::regionName, 110));
        table.getColumns().add(column(I18n.get("map.grants.until"),
                g -> g.expiresAt().atZoneSameInstant(BusinessTime.ZONE).format(UNTIL), 100));
        table.getColumns().add(column(I18n.get("map.grants.reason"), PoolGrant::reason, 200));
        table.getItems().setAll(grants);
        table.setPlaceholder(new Label(I18n.get("map.grants.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(560, 320);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button revoke = new Button(I18n.get("map.grants.revoke"), new FontIcon(Feather.CORNER_UP_LEFT));
        revoke.setId("mapGrantsRevoke");
        revoke.getStyleClass().add(Styles.DANGER);
        revoke.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        revoke.setOnAction(e -> {
            PoolGrant grant = table.getSelectionModel().getSelectedItem();
            if (grant == null) {
                return;
            }
            Actor viewer = context.currentUser().asActor();
            BackgroundTask.wrap(() -> context.surges().revoke(grant.id(), viewer)).onSuccess(done -> {
                table.getItems().remove(grant);
                // Removing the row moves the selection to the next grant; a second click must not
                // take that one back too.
                table.getSelectionModel().clearSelection();
                outcome.getStyleClass().setAll("label", Styles.SUCCESS);
                outcome.setText(I18n.get("map.grants.revoked", done.userName(), done.regionName()));
                onChanged.run();
            }).onFailure(error -> {
                if (error instanceof SalesDeskException) {
                    LOG.info("Revoking grant {} refused: {}", grant.id(), error.getMessage());
                } else {
                    LOG.error("Revoking grant {} failed", grant.id(), error);
                }
                outcome.getStyleClass().setAll("label", Styles.DANGER);
                outcome.setText(I18n.message(error));
            }).executeWith(context.executor());
        });
        outcome.setId("mapGrantsOutcome");
        outcome.setWrapText(true);
        Label hint = new Label(I18n.get("map.grants.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        HBox actions = new HBox(10, revoke, outcome);
        getDialogPane().setContent(new VBox(10, hint, table, actions));
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setId("mapGrantsDialog");
    }

    private static TableColumn<PoolGrant, String> column(String title, Function<PoolGrant, String> value,
                                                         double width) {
        TableColumn<PoolGrant, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
