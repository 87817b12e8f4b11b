package io.salesdesk.app.leads;

import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.RegionChips;
import io.salesdesk.app.common.RegionPicker;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.dispatch.RepProfile;

/**
 * 销售设置: where a rep sells, how much work a month they can take and when they are away — what
 * dispatch weighs for them. A manager opens it from the load view.
 */
final class RepProfileDialog extends FormDialog<RepProfile> {

    private final AppContext context;
    /** The profile as this dialog last read it: what a save is based on. */
    private RepProfile profile;
    private final RegionChips territories;
    private final TextField capacity = new TextField();
    private final DatePicker awayFrom = new DatePicker();
    private final DatePicker awayUntil = new DatePicker();

    private RepProfileDialog(AppContext context, RepProfile profile, int defaultCapacity) {
        super(I18n.get("leads.profile.title", profile.name()), "repProfileSave");
        this.context = context;
        this.profile = profile;
        // The picker keeps the "lead" ids it has always had here.
        territories = new RegionChips(context.regions(), "rep", new RegionPicker(context.regions(), "lead"),
                I18n.get("leads.profile.addTerritory"), I18n.get("leads.profile.noTerritory"));
        capacity.setId("repCapacity");
        capacity.setPromptText(I18n.get("leads.profile.capacity.prompt", defaultCapacity));
        capacity.setPrefColumnCount(8);
        Label capacityHint = hint(I18n.get("leads.profile.capacity.hint"));
        HBox capacityRow = new HBox(10, capacity, capacityHint);
        capacityRow.setAlignment(Pos.CENTER_LEFT);

        awayFrom.setId("repAwayFrom");
        awayUntil.setId("repAwayUntil");
        show(profile);
        awayFrom.setPromptText(I18n.get("leads.profile.awayFrom.prompt"));
        awayUntil.setPromptText(I18n.get("leads.profile.awayUntil.prompt"));
        Hyperlink back = new Hyperlink(I18n.get("leads.profile.notAway"));
        back.setId("repNotAway");
        back.setOnAction(e -> {
            awayFrom.setValue(null);
            awayUntil.setValue(null);
        });
        HBox awayRow = new HBox(8, awayFrom, new Label("—"), awayUntil, back);
        awayRow.setAlignment(Pos.CENTER_LEFT);

        Label heading = new Label(profile.name());
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox form = new VBox(14, heading,
                field("territories", I18n.get("leads.profile.territories"), territories),
                field("monthlyCapacity", I18n.get("leads.profile.capacity"), capacityRow),
                field("awayFrom", I18n.get("leads.profile.away"), awayRow),
                hint(I18n.get("leads.profile.away.hint")));
        form.setPrefWidth(520);
        setForm(form);
    }

    /** Opens the dialog for a rep after reading their profile and the default capacity. */
    static void open(AppContext context, java.util.UUID repId, Runnable afterSave) {
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> new Object[] {context.dispatch().profile(viewer, repId),
                        context.dispatch().weights().defaultCapacity()})
                .onSuccess(read -> new RepProfileDialog(context, (RepProfile) read[0], (Integer) read[1])
                        .showAndWait().ifPresent(saved -> afterSave.run()))
                .onFailure(error -> io.salesdesk.app.common.ErrorDialogs.show(error))
                .executeWith(context.executor());
    }

    private void show(RepProfile read) {
        profile = read;
        territories.setCodes(read.territories());
        capacity.setText(read.monthlyCapacity() == null ? "" : read.monthlyCapacity().toString());
        awayFrom.setValue(read.awayFrom());
        awayUntil.setValue(read.awayUntil());
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        return hint;
    }

    @Override
    protected void save() {
        Integer monthly;
        String typed = text(capacity);
        try {
            monthly = typed == null ? null : Integer.valueOf(typed.replace(",", ""));
        } catch (NumberFormatException e) {
            showFailure(new ValidationException(List.of(FieldProblem.of("monthlyCapacity",
                    "dispatch.profile.capacityRange", RepProfile.MAX_CAPACITY))));
            return;
        }
        RepProfile edited = new RepProfile(profile.userId(), profile.name(), territories.codes(), monthly,
                awayFrom.getValue(), awayUntil.getValue());
        var actor = context.currentUser().asActor();
        RepProfile asRead = profile;
        BackgroundTask.wrap(() -> context.dispatch().saveProfile(actor, asRead, edited))
                .onSuccess(this::finish)
                .onFailure(error -> {
                    if (isStale(error)) {
                        reloadAfterStale(error);
                    } else {
                        showFailure(error);
                    }
                })
                .executeWith(context.executor());
    }

    private static boolean isStale(Throwable error) {
        return error instanceof SalesDeskException e && e.messageKey().startsWith("dispatch.profile.stale");
    }

    /** Someone saved this rep meanwhile: show their values, not the stale ones, with who did it. */
    private void reloadAfterStale(Throwable stale) {
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.dispatch().profile(viewer, profile.userId()))
                .onSuccess(current -> {
                    show(current);
                    showFailure(stale);
                })
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
