package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.territory.surge.PoolGrant;
import io.salesdesk.territory.surge.SurgeAlert;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 询盘激增 at the top of the map: the newest open surge alert the viewer may act on, its headline
 * and its suggestion, with 接受 (lend the reps and open the region's pool to them) and 忽略. After a
 * decision the banner says what was done, or why it could not be; the next open alert, if any,
 * follows. "临时授权 N" opens the pool access grants in force, where a manager revokes one (收回);
 * with no open alert but grants in force the banner shows just that. Hidden while there is
 * nothing to say. The page is told which provinces to outline.
 */
final class SurgeBanner extends VBox {

    private static final Logger LOG = LoggerFactory.getLogger(SurgeBanner.class);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AppContext context;
    private final Consumer<List<String>> onRegions;
    private final Label headline = new Label();
    private final Label suggestion = new Label();
    private final Label outcome = new Label();
    private final Button accept = new Button(I18n.get("map.surge.accept"), new FontIcon(Feather.CHECK));
    private final Button dismiss = new Button(I18n.get("map.surge.dismiss"));
    private final Button close = new Button(null, new FontIcon(Feather.X));
    private final Button grantsButton = new Button(null, new FontIcon(Feather.USERS));
    private final List<SurgeAlert> alerts = new ArrayList<>();
    private List<PoolGrant> grants = List.of();
    /** Whether the banner shows only the grants line (no alert). */
    private boolean grantsOnly;

    /** @param onRegions told the province codes of the alert shown (empty when none is) */
    SurgeBanner(AppContext context, Consumer<List<String>> onRegions) {
        super(6);
        this.context = context;
        this.onRegions = onRegions;
        setId("surgeBanner");
        getStyleClass().add("surge-banner");
        headline.setId("surgeHeadline");
        headline.getStyleClass().addAll(Styles.TEXT_BOLD, "surge-headline");
        headline.setWrapText(true);
        suggestion.setId("surgeSuggestion");
        suggestion.setWrapText(true);
        outcome.setId("surgeOutcome");
        outcome.setWrapText(true);
        outcome.getStyleClass().add("surge-outcome");
        accept.setId("surgeAccept");
        accept.getStyleClass().add(Styles.ACCENT);
        accept.setOnAction(e -> decide(true));
        dismiss.setId("surgeDismiss");
        dismiss.setOnAction(e -> decide(false));
        close.setId("surgeClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setOnAction(e -> showNext());
        grantsButton.setId("surgeGrants");
        grantsButton.getStyleClass().add(Styles.FLAT);
        grantsButton.setOnAction(e -> openGrants());
        FontIcon icon = new FontIcon(Feather.TRENDING_UP);
        icon.getStyleClass().add("surge-icon");
        HBox top = new HBox(8, icon, headline);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(headline, Priority.ALWAYS);
        headline.setMaxWidth(Double.MAX_VALUE);
        top.getChildren().add(close);
        HBox buttons = new HBox(8, accept, dismiss, grantsButton, outcome);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, suggestion, buttons);
        hideBanner();
    }

    /**
     * Reads the viewer's open alerts and the pool access grants in force they may revoke in the
     * background, and shows the newest alert (or, with none, the grants).
     */
    void load() {
        Actor viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> new Loaded(context.surges().openAlerts(viewer),
                context.surges().grantsInForce(viewer))).onSuccess(loaded -> {
            alerts.clear();
            alerts.addAll(loaded.alerts());
            showGrants(loaded.grants());
            outcome.setText("");
            showFirst();
        }).onFailure(error -> LOG.warn("Surge alerts could not be read", error)).executeWith(context.executor());
    }

    private record Loaded(List<SurgeAlert> alerts, List<PoolGrant> grants) {
    }

    /** The grants in force shown behind the "临时授权 N" button. */
    List<PoolGrant> grants() {
        return grants;
    }

    private void showGrants(List<PoolGrant> inForce) {
        grants = List.copyOf(inForce);
        grantsButton.setText(I18n.get("map.grants.button", grants.size()));
        grantsButton.setVisible(!grants.isEmpty());
        grantsButton.setManaged(!grants.isEmpty());
    }

    private void openGrants() {
        PoolGrantsDialog dialog = new PoolGrantsDialog(context, grants, this::reloadGrants);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.show();
    }

    private void reloadGrants() {
        Actor viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.surges().grantsInForce(viewer)).onSuccess(inForce -> {
            showGrants(inForce);
            if (grantsOnly) {
                showFirst();
            }
        }).onFailure(error -> LOG.warn("Pool access grants could not be read", error))
                .executeWith(context.executor());
    }

    /** The alert shown now, or null. */
    SurgeAlert shown() {
        return alerts.isEmpty() || !isVisible() ? null : alerts.get(0);
    }

    private void showFirst() {
        grantsOnly = false;
        if (alerts.isEmpty() && !grants.isEmpty()) {
            showGrantsOnly();
            return;
        }
        if (alerts.isEmpty()) {
            hideBanner();
            return;
        }
        SurgeAlert alert = alerts.get(0);
        headline.setText(alert.headline());
        suggestion.setText(alert.suggestionText());
        suggestion.setManaged(true);
        boolean canAct = !alert.suggestion().reps().isEmpty();
        accept.setDisable(!canAct);
        accept.setVisible(true);
        accept.setManaged(true);
        dismiss.setVisible(true);
        dismiss.setManaged(true);
        setVisible(true);
        setManaged(true);
        onRegions.accept(alert.suggestion().regionCodes());
    }

    /** No open alert, but reps are lent: a quiet line with the way to the grants. */
    private void showGrantsOnly() {
        grantsOnly = true;
        headline.setText(I18n.get("map.grants.headline", grants.size()));
        suggestion.setText("");
        suggestion.setManaged(false);
        accept.setVisible(false);
        accept.setManaged(false);
        dismiss.setVisible(false);
        dismiss.setManaged(false);
        setVisible(true);
        setManaged(true);
        onRegions.accept(List.of());
    }

    private void decide(boolean accepting) {
        if (alerts.isEmpty()) {
            return;
        }
        SurgeAlert alert = alerts.get(0);
        Actor viewer = context.currentUser().asActor();
        accept.setDisable(true);
        dismiss.setDisable(true);
        BackgroundTask.wrap(() -> accepting ? context.surges().accept(alert.id(), viewer)
                        : context.surges().dismiss(alert.id(), viewer))
                .onFinished(() -> dismiss.setDisable(false))
                .onSuccess(decided -> {
                    alerts.remove(0);
                    if (accepting) {
                        showDone(decided);
                        reloadGrants();
                    } else {
                        outcome.setText("");
                        showFirst();
                    }
                })
                .onFailure(error -> {
                    accept.setDisable(false);
                    if (error instanceof SalesDeskException) {
                        LOG.info("Surge decision refused: {}", error.getMessage());
                    } else {
                        LOG.error("Surge decision failed", error);
                    }
                    outcome.getStyleClass().setAll("label", "surge-outcome", Styles.DANGER);
                    outcome.setText(I18n.message(error));
                })
                .executeWith(context.executor());
    }

    /** "已开放 … 7 天": the suggestion is applied; the banner stays until closed, without buttons. */
    private void showDone(SurgeAlert decided) {
        var s = decided.suggestion();
        String reps = String.join(I18n.get("map.surge.listSeparator"),
                s.reps().stream().map(r -> r.name()).toList());
        String until = decided.decidedAt() == null ? ""
                : decided.decidedAt().plusDays(s.grantDays()).atZoneSameInstant(BusinessTime.ZONE).format(UNTIL);
        outcome.getStyleClass().setAll("label", "surge-outcome", Styles.SUCCESS);
        outcome.setText(I18n.get("map.surge.accepted", decided.regionName(), reps, s.grantDays(), until));
        accept.setVisible(false);
        accept.setManaged(false);
        dismiss.setVisible(false);
        dismiss.setManaged(false);
    }

    /** Closes the banner's alert for now (it shows again at the next load while still open). */
    private void showNext() {
        outcome.setText("");
        if (accept.isVisible() && !alerts.isEmpty()) {
            alerts.remove(0);
        }
        showFirst();
    }

    private void hideBanner() {
        setVisible(false);
        setManaged(false);
        onRegions.accept(List.of());
    }
}
