package io.salesdesk.app.board;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.board.Board;
import io.salesdesk.board.BoardDefinition;
import io.salesdesk.board.BoardField;
import io.salesdesk.board.BoardFilter;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.ColumnSetting;
import io.salesdesk.board.ColumnValue;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * Changes how a board shows its items, or saves it as a new board: name, swimlanes, the fields on
 * a card, a filter (only my items, a tier, a province, a product line) and per column a WIP limit
 * and whether it is shown. Boards are shared, so only managers and company-wide roles open this.
 */
final class BoardSettingsDialog extends FormDialog<Board> {

    private final AppContext context;
    private final Board board;
    private final boolean asNew;
    private final List<ColumnValue> columns;
    private final TextField name = new TextField();
    private final ComboBox<BoardField> swimlane;
    private final Map<BoardField, CheckBox> cardFields = new LinkedHashMap<>();
    private final CheckBox mineOnly = new CheckBox(I18n.get("boardSettings.mineOnly"));
    private final ComboBox<Tier> tier;
    private final ComboBox<Region> province;
    private final TextField products = new TextField();
    private final ComboBox<Boolean> manual = Pickers.of(List.of(false, true),
            m -> I18n.get(m ? "boardSettings.manualColumns" : "boardSettings.fieldColumns"), "");
    private final TextField manualNames = new TextField();
    private final Map<String, TextField> limits = new LinkedHashMap<>();
    private final Map<String, CheckBox> shown = new LinkedHashMap<>();
    private final Map<String, ColorPicker> colours = new LinkedHashMap<>();

    /**
     * @param board   the board to change (or to start a new one from)
     * @param columns every column the board's field offers, hidden ones included
     * @param asNew   save as a new board instead of changing this one
     */
    BoardSettingsDialog(AppContext context, Board board, List<ColumnValue> columns, boolean asNew) {
        super(I18n.get(asNew ? "boardSettings.newTitle" : "boardSettings.title"), "boardSave");
        this.context = context;
        this.board = board;
        this.asNew = asNew;
        this.columns = columns;
        BoardDefinition def = board.definition();
        name.setId("boardName");
        name.setText(asNew ? "" : board.name());
        swimlane = Pickers.optional(FXCollections.observableArrayList(BoardField.of(board.kind()).stream()
                .filter(BoardField::swimlane).toList()), f -> I18n.label("boardField", f), I18n.get("boardSettings.noLanes"));
        BoardField.of(board.kind(), def.swimlane() == null ? "" : def.swimlane()).ifPresent(swimlane::setValue);
        tier = Pickers.optional(FXCollections.observableArrayList(Tier.values()), t -> I18n.get("tier.long." + t.name()),
                I18n.get("boardSettings.allTiers"));
        province = Pickers.optional(FXCollections.observableArrayList(context.regions().provinces()), Region::name,
                I18n.get("boardSettings.allProvinces"));
        BoardFilter filter = def.filter();
        mineOnly.setSelected(filter.mineOnly());
        if (filter.tier() != null && !filter.tier().isBlank()) {
            tier.setValue(Tier.valueOf(filter.tier()));
        }
        if (filter.regionPrefix() != null) {
            province.getItems().stream().filter(r -> r != null && r.code().startsWith(filter.regionPrefix()))
                    .findFirst().ifPresent(province::setValue);
        }
        products.setText(filter.products());
        manual.setId("boardManual");
        manual.setValue(def.manual());
        manual.setDisable(!asNew);
        manualNames.setId("boardColumnNames");
        manualNames.setPromptText(I18n.get("boardSettings.columnNames.prompt"));
        if (def.manual()) {
            manualNames.setText(String.join("，", columns.stream().map(ColumnValue::nameZh).toList()));
        }
        manualNames.disableProperty().bind(manual.valueProperty().map(m -> !m));
        setForm(createForm(def));
        setOnShown(e -> name.requestFocus());
    }

    private VBox createForm(BoardDefinition def) {
        GridPane top = grid();
        top.add(field("name", I18n.get("boardSettings.name"), name), 0, 0);
        top.add(field("swimlane", I18n.get("boardSettings.swimlane"), swimlane), 1, 0);
        top.add(field("groupBy", I18n.get("boardSettings.columnsFrom"), manual), 0, 1);
        top.add(field("columnNames", I18n.get("boardSettings.columnNames"), manualNames), 1, 1);
        FlowPane fields = new FlowPane(12, 6);
        for (BoardField f : BoardField.of(board.kind())) {
            if (f.groupable()) {
                continue;
            }
            CheckBox box = new CheckBox(I18n.label("boardField", f));
            box.setId("cardField-" + f.key());
            box.setSelected(def.cardFields().contains(f.key()));
            cardFields.put(f, box);
            fields.getChildren().add(box);
        }
        FlowPane filter = new FlowPane(12, 6, mineOnly);
        if (board.kind() == BoardKind.OPPORTUNITY) {
            products.setPromptText(I18n.get("boardSettings.products"));
            filter.getChildren().addAll(tier, province, products);
        }
        // Two columns of settings side by side, so eight stages fit without a scrolling dialog.
        GridPane columnGrid = grid();
        for (int half = 0; half < 2; half++) {
            columnGrid.add(heading("boardSettings.column"), half * 4, 0);
            columnGrid.add(heading("boardSettings.wipLimit"), half * 4 + 1, 0);
            columnGrid.add(heading("boardSettings.colour"), half * 4 + 2, 0);
            columnGrid.add(heading("boardSettings.shown"), half * 4 + 3, 0);
        }
        int index = 0;
        int rows = (columns.size() + 1) / 2;
        for (ColumnValue column : columns) {
            TextField limit = new TextField();
            limit.setId("wip-" + column.key());
            limit.setPrefColumnCount(4);
            limit.setPromptText(I18n.get("boardSettings.noLimit"));
            CheckBox show = new CheckBox();
            show.setId("shown-" + column.key());
            def.column(column.key()).ifPresentOrElse(setting -> {
                limit.setText(setting.wipLimit() == null ? "" : setting.wipLimit().toString());
                show.setSelected(!setting.hidden());
            }, () -> show.setSelected(true));
            String current = def.column(column.key()).map(ColumnSetting::colour).filter(c -> c != null && !c.isBlank())
                    .orElse(column.colour());
            ColorPicker colour = new ColorPicker(current == null ? Color.GRAY : Color.web(current));
            colour.setId("colour-" + column.key());
            // Only the swatch: the colour's hex name says nothing to a sales director.
            colour.setStyle("-fx-color-label-visible: false;");
            limits.put(column.key(), limit);
            shown.put(column.key(), show);
            colours.put(column.key(), colour);
            int half = index / rows;
            int row = 1 + index % rows;
            columnGrid.add(new Label(I18n.isChinese() ? column.nameZh() : column.nameEn()), half * 4, row);
            columnGrid.add(limit, half * 4 + 1, row);
            columnGrid.add(colour, half * 4 + 2, row);
            columnGrid.add(show, half * 4 + 3, row);
            index++;
        }
        VBox form = new VBox(12, top, heading("boardSettings.cardFields"), fields, heading("boardSettings.filter"),
                filter, field("columns", I18n.get("boardSettings.columns"), columnGrid));
        form.setPrefWidth(600);
        return form;
    }

    /** The colour chosen for a column, or null when it is still the field value's own. */
    private String colourOf(ColumnValue column) {
        ColorPicker picker = colours.get(column.key());
        if (picker == null) {
            return null;
        }
        Color c = picker.getValue();
        String hex = String.format("#%02X%02X%02X", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
        return hex.equalsIgnoreCase(column.colour()) ? null : hex;
    }

    private static Label heading(String key) {
        Label label = new Label(I18n.get(key));
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    @Override
    protected void save() {
        boolean manualColumns = Boolean.TRUE.equals(manual.getValue());
        List<ColumnValue> saved = columns;
        if (manualColumns) {
            saved = new ArrayList<>();
            for (String columnName : (manualNames.getText() == null ? "" : manualNames.getText()).split("[,，、]")) {
                String trimmed = columnName.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String key = columns.stream().filter(c -> c.nameZh().equals(trimmed) && !c.key().equals("inbox"))
                        .map(ColumnValue::key).findFirst()
                        .orElse("c" + io.salesdesk.core.Ids.newId().toString().substring(24));
                saved.add(new ColumnValue(key, trimmed, trimmed, null, false));
            }
            if (saved.isEmpty()) {
                showFailure(new ValidationException(List.of(FieldProblem.of("columnNames",
                        "boardSettings.columnNames.required"))));
                return;
            }
        }
        List<ColumnSetting> settings = new ArrayList<>();
        for (ColumnValue column : saved) {
            TextField limitField = limits.get(column.key());
            String text = limitField == null ? null : limitField.getText();
            Integer limit = null;
            if (text != null && !text.isBlank()) {
                try {
                    limit = Integer.valueOf(text.strip());
                } catch (NumberFormatException e) {
                    limit = -1;
                }
                if (limit < 1) {
                    showFailure(new ValidationException(List.of(FieldProblem.of("columns",
                            "boardSettings.wipLimit.invalid", I18n.isChinese() ? column.nameZh() : column.nameEn()))));
                    return;
                }
            }
            boolean hidden = shown.containsKey(column.key()) && !shown.get(column.key()).isSelected();
            String colour = colourOf(column);
            if (manualColumns) {
                settings.add(new ColumnSetting(column.key(), limit, colour, hidden, column.nameZh()));
            } else if (limit != null || hidden || colour != null) {
                settings.add(new ColumnSetting(column.key(), limit, colour, hidden));
            }
        }
        List<String> fields = cardFields.entrySet().stream().filter(e -> e.getValue().isSelected())
                .map(e -> e.getKey().key()).toList();
        BoardFilter filter = new BoardFilter(mineOnly.isSelected(),
                province.getValue() == null ? null : province.getValue().code().substring(0, 2),
                products.getText() == null || products.getText().isBlank() ? null : products.getText().strip(),
                tier.getValue() == null ? null : tier.getValue().name());
        String groupBy = manualColumns ? BoardDefinition.MANUAL : board.definition().manual()
                ? BoardField.of(board.kind()).stream().filter(BoardField::groupable).findFirst().orElseThrow().key()
                : board.definition().groupBy();
        BoardDefinition definition = new BoardDefinition(groupBy,
                swimlane.getValue() == null ? null : swimlane.getValue().key(), fields, filter, settings);
        var actor = context.currentUser().asActor();
        String newName = name.getText();
        BackgroundTask.wrap(() -> asNew ? context.boards().create(actor, board.kind(), newName, definition)
                        : context.boards().update(actor, board.id(), board.version(), newName, definition))
                .onSuccess(this::finish)
                .onFailure(error -> {
                    if (error instanceof StaleRecordException) {
                        showGeneralProblem(I18n.get("boardSettings.stale"));
                    } else {
                        showFailure(error);
                    }
                })
                .executeWith(context.executor());
    }
}
