package io.salesdesk.app.studio.onboarding;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.Confirmations;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.studio.CustomFieldsSection;
import io.salesdesk.studio.onboarding.OnboardingPath;
import io.salesdesk.studio.onboarding.PathStage;
import io.salesdesk.studio.onboarding.StepKind;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Settings → Studio → 成长路径: the company's onboarding paths, each with its stages, days and steps; a new
 * one built in the path editor, one edited (hires already on it keep the version they started with),
 * copied as the start of another, or retired so nobody new is put on it.
 */
public final class OnboardingPathsSection extends VBox {

    private final AppContext context;
    private final TableView<OnboardingPath> table = new TableView<>();
    private final Button edit = new Button(I18n.get("paths.edit"), new FontIcon(Feather.EDIT_2));
    private final Button copy = new Button(I18n.get("paths.copy"), new FontIcon(Feather.COPY));
    private final Button retire = new Button(I18n.get("paths.retire"), new FontIcon(Feather.ARCHIVE));

    public OnboardingPathsSection(AppContext context, CustomFieldsSection.VBoxFiller filler) {
        this.context = context;
        setId("onboardingPathsSection");
        table.setId("pathTable");
        table.setPrefHeight(180);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(I18n.get("paths.empty"));
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
        table.getColumns().setAll(List.of(
                column("paths.col.name", OnboardingPath::name, 200),
                column("paths.col.days", p -> I18n.get("paths.days", p.definition().days()), 70),
                column("paths.col.stages", OnboardingPathsSection::stages, 300),
                column("paths.col.steps", OnboardingPathsSection::steps, 200)));
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<OnboardingPath>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem(), false);
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            edit.setDisable(now == null);
            copy.setDisable(now == null);
            retire.setDisable(now == null);
        });
        edit.setId("editPath");
        edit.setDisable(true);
        edit.setOnAction(e -> open(table.getSelectionModel().getSelectedItem(), false));
        copy.setId("copyPath");
        copy.setDisable(true);
        copy.setOnAction(e -> open(table.getSelectionModel().getSelectedItem(), true));
        retire.setId("retirePath");
        retire.setDisable(true);
        retire.setOnAction(e -> retireSelected());
        Button add = new Button(I18n.get("paths.add"), new FontIcon(Feather.PLUS));
        add.setId("addPath");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> open(null, false));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, spacer, edit, copy, retire, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        filler.fill(this, I18n.get("paths.title"), I18n.get("paths.hint"), bar, table);
        load(null);
    }

    /** "熟悉产品 → 跟访实战 → 独立开单": the days are in their own column (and often in the names). */
    private static String stages(OnboardingPath p) {
        return p.definition().stages().stream().map(PathStage::name).collect(Collectors.joining(" → "));
    }

    /** "学习 4 · 演练 2 · 导师反馈 1". */
    private static String steps(OnboardingPath p) {
        List<String> parts = new ArrayList<>();
        for (StepKind kind : StepKind.values()) {
            long count = p.definition().steps().stream().filter(s -> s.kind() == kind).count();
            if (count > 0) {
                parts.add(I18n.get("onboarding.kind." + kind.name()) + " " + count);
            }
        }
        return String.join(" · ", parts);
    }

    private void open(OnboardingPath path, boolean asCopy) {
        if (path == null && asCopy) {
            return;
        }
        new PathEditorDialog(context, path, asCopy).showAndWait().ifPresent(saved -> load(saved.id()));
    }

    private void retireSelected() {
        OnboardingPath path = table.getSelectionModel().getSelectedItem();
        if (path == null) {
            return;
        }
        if (!Confirmations.ask(I18n.get("paths.retire.confirm", path.name()))) {
            return;
        }
        run(() -> {
            context.onboarding().retire(context.currentUser().asActor(), path.id(), path.version());
            return null;
        });
    }

    private void load(UUID select) {
        BackgroundTask.wrap(() -> context.onboarding().paths())
                .onSuccess(paths -> {
                    table.getItems().setAll(paths);
                    paths.stream().filter(p -> p.id().equals(select)).findFirst()
                            .ifPresent(p -> table.getSelectionModel().select(p));
                }).onFailure(ErrorDialogs::show).executeWith(context.executor());
    }

    private void run(Supplier<UUID> change) {
        BackgroundTask.wrap(change::get).onSuccess(this::load).onFailure(error -> {
            ErrorDialogs.show(error);
            load(null);
        }).executeWith(context.executor());
    }

    private static TableColumn<OnboardingPath, String> column(String key, Function<OnboardingPath, String> text,
                                                             double width) {
        TableColumn<OnboardingPath, String> c = new TableColumn<>(I18n.get(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(text.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
