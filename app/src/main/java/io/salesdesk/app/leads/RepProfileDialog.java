package io.salesdesk.app.leads;

import java.util.ArrayList;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.dispatch.RepProfile;

/**
 * 销售设置: where a rep sells, how much work a month they can take and when they are away — what
 * dispatch weighs for them. A manager opens it from the load view.
 */
final class RepProfileDialog extends FormDialog<RepProfile> {

    private final AppContext context;
    private final RepProfile profile;
    private final List<String> territories;
    private final FlowPane chips = new FlowPane(6, 6);
    private final RegionPicker region;
    private final TextField capacity = new TextField();
    private final DatePicker awayFrom = new DatePicker();
    private final DatePicker awayUntil = new DatePicker();

    private RepProfileDialog(AppContext context, RepProfile profile, int defaultCapacity) {
        super(I18n.get("leads.profile.title", profile.name()), "repProfileSave");
        this.context = context;
        this.profile = profile;
        this.territories = new ArrayList<>(profile.territories());
        region = new RegionPicker(context.regions());
        chips.setId("repTerritories");
        chips.setPrefWrapLength(440);
        Button add = new Button(I18n.get("leads.profile.addTerritory"), new FontIcon(Feather.PLUS));
        add.setId("repAddTerritory");
        add.setDisable(true);
        region.onChange(() -> add.setDisable(region.code() == null));
        add.setOnAction(e -> addTerritory());
        HBox picker = new HBox(8, region, add);
        HBox.setHgrow(region, Priority.ALWAYS);
        picker.setAlignment(Pos.CENTER_LEFT);
        VBox territoryBox = new VBox(8, chips, picker);

        capacity.setId("repCapacity");
        capacity.setPromptText(I18n.get("leads.profile.capacity.prompt", defaultCapacity));
        capacity.setText(profile.monthlyCapacity() == null ? "" : profile.monthlyCapacity().toString());
        capacity.setPrefColumnCount(8);
        Label capacityHint = hint(I18n.get("leads.profile.capacity.hint"));
        HBox capacityRow = new HBox(10, capacity, capacityHint);
        capacityRow.setAlignment(Pos.CENTER_LEFT);

        awayFrom.setId("repAwayFrom");
        awayUntil.setId("repAwayUntil");
        awayFrom.setValue(profile.awayFrom());
        awayUntil.setValue(profile.awayUntil());
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
                field("territories", I18n.get("leads.profile.territories"), territoryBox),
                field("monthlyCapacity", I18n.get("leads.profile.capacity"), capacityRow),
                field("awayFrom", I18n.get("leads.profile.away"), awayRow),
                hint(I18n.get("leads.profile.away.hint")));
        form.setPrefWidth(520);
        setForm(form);
        showChips();
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

    private void addTerritory() {
        String code = region.code();
        if (code == null) {
            return;
        }
        // A place inside one already listed adds nothing; a wider one replaces the places it holds.
        if (territories.stream().anyMatch(t -> code.startsWith(trimmed(t)))) {
            region.clear();
            return;
        }
        territories.removeIf(t -> t.startsWith(trimmed(code)));
        territories.add(code);
        territories.sort(null);
        region.clear();
        showChips();
    }

    /** The code without the zeros that stand for "the whole province / city". */
    private static String trimmed(String code) {
        return code.endsWith("0000") ? code.substring(0, 2) : code.endsWith("00") ? code.substring(0, 4) : code;
    }

    private void showChips() {
        chips.getChildren().clear();
        if (territories.isEmpty()) {
            Label none = new Label(I18n.get("leads.profile.noTerritory"));
            none.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.WARNING);
            chips.getChildren().add(none);
            return;
        }
        for (String code : territories) {
            Label name = new Label(context.regions().fullName(code));
            Button remove = new Button(null, new FontIcon(Feather.X));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            remove.setId("repRemoveTerritory-" + code);
            remove.setOnAction(e -> {
                territories.remove(code);
                showChips();
            });
            HBox chip = new HBox(2, name, remove);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().add("territory-chip");
            chips.getChildren().add(chip);
        }
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
        RepProfile edited = new RepProfile(profile.userId(), profile.name(), territories, monthly,
                awayFrom.getValue(), awayUntil.getValue());
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.dispatch().saveProfile(actor, edited))
                .onSuccess(this::finish)
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
