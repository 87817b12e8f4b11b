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
import io.salesdesk.board.CardExtraField;
import io.salesdesk.board.CardFact;
import io.salesdesk.board.CardFactSettings;
import io.salesdesk.board.ColumnSetting;
import io.salesdesk.board.ColumnValue;
import io.salesdesk.board.CustomCardField;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.Tier;
import io.salesdesk.studio.board.KeyAccountBoardExample;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The board designer (看板设计器): a manager makes a board or changes one by picking, not typing — what
 * it shows (deals or key-account customers), where its columns come from (the stage, a choice field
 * of their own, or columns they name), which items it holds, which fields and customer facts each
 * card carries, and per column a WIP limit, colour and whether it is shown; a live preview shows the
 * columns and a real card as drafted. "从示例创建" fills it with the goal's 大客户专项攻坚看板.
 */
final class BoardDesignerDialog extends FormDialog<Board> {

    private static final String MANUAL = BoardDefinition.MANUAL;

    private final AppContext context;
    private final Board board;
    private final boolean asNew;
    private final TextField name = new TextField();
    private final ComboBox<BoardKind> kind;
    private final ComboBox<String> columnsFrom;
    private final TextField manualNames = new TextField();
    /** The lanes' field by the key a definition stores: a field of the item's own, or custom.KEY. */
    private final ComboBox<String> swimlane;
    private final Map<String, String> laneNames = new HashMap<>();
    private final CheckBox mineOnly = new CheckBox(I18n.get("boardSettings.mineOnly"));
    private final ComboBox<Tier> tier;
    private final ComboBox<Region> province;
    private final TextField products = new TextField();
    private final FlowPane builtInFields = new FlowPane(12, 6);
    private final FlowPane customFields = new FlowPane(12, 6);
    private final Label customerFieldsHeading = new Label(I18n.get("boardDesigner.customerFields"));
    private final FlowPane customerFields = new FlowPane(12, 6);
    private final FlowPane factFields = new FlowPane(12, 6);
    private final Map<String, CheckBox> cardFields = new LinkedHashMap<>();
    private final ComboBox<CustomCardField> contactField;
    private final ComboBox<String> contactValue = new ComboBox<>();
    private final TextField contactTitles = new TextField();
    private final Spinner<Integer> noteCount = new Spinner<>(1, CardFactSettings.MAX_NOTES, CardFactSettings.DEFAULT_NOTES);
    private final Map<ActivityKind, CheckBox> noteKinds = new LinkedHashMap<>();
    private final VBox factSettings = new VBox(8);
    private final GridPane columnGrid = grid();
    private final Map<String, TextField> limits = new LinkedHashMap<>();
    private final Map<String, CheckBox> shown = new LinkedHashMap<>();
    private final Map<String, ColorPicker> colours = new LinkedHashMap<>();
    private final BoardPreview preview;
    private List<ColumnValue> columns = List.of();
    private List<CustomCardField> custom = List.of();
    /** The definition the controls were last filled from: column settings of columns not shown stay. */
    private BoardDefinition loaded;
    private boolean filling;

    /**
     * @param board      the board to change, or to start a new one from (its kind and settings)
     * @param kinds      the kinds of board a new one may show
     * @param presenters how each kind's cards look, for the preview
     * @param asNew      save as a new board instead of changing this one
     */
    BoardDesignerDialog(AppContext context, Board board, List<BoardKind> kinds, Map<BoardKind, CardPresenter> presenters,
                        CardExtraLines extraLines, boolean asNew) {
        super(I18n.get(asNew ? "boardSettings.newTitle" : "boardSettings.title"), "boardSave");
        this.context = context;
        this.board = board;
        this.asNew = asNew;
        this.preview = new BoardPreview(context, presenters, extraLines, asNew ? null : board.id());
        name.setId("boardName");
        name.setText(asNew ? "" : board.name());
        kind = Pickers.of(kinds, k -> I18n.get("boardKind." + k.name()), "");
        kind.setId("boardKind");
        kind.setValue(board.kind());
        kind.setDisable(!asNew || kinds.size() < 2);
        columnsFrom = Pickers.of(List.of(), this::columnsFromName, "");
        columnsFrom.setId("boardColumnsFrom");
        swimlane = Pickers.optional(FXCollections.observableArrayList(), k -> laneNames.getOrDefault(k, k),
                I18n.get("boardSettings.noLanes"));
        swimlane.setId("boardSwimlane");
        tier = Pickers.optional(FXCollections.observableArrayList(Tier.values()), t -> I18n.get("tier.long." + t.name()),
                I18n.get("boardSettings.allTiers"));
        tier.setId("boardTier");
        province = Pickers.optional(FXCollections.observableArrayList(context.regions().provinces()), Region::name,
                I18n.get("boardSettings.allProvinces"));
        products.setPromptText(I18n.get("boardSettings.products"));
        manualNames.setId("boardColumnNames");
        manualNames.setPromptText(I18n.get("boardSettings.columnNames.prompt"));
        contactField = Pickers.optional(FXCollections.observableArrayList(context.customFields()
                        .fields(CustomEntity.CONTACT).stream().filter(f -> f.type().hasChoices())
                        .map(f -> new CustomCardField(f.key(), f.label(), f.type().name(), f.choices())).toList()),
                CustomCardField::label, I18n.get("boardDesigner.contactField.none"));
        contactField.setId("factContactField");
        contactValue.setId("factContactValue");
        contactTitles.setId("factTitles");
        contactTitles.setPromptText(I18n.get("boardDesigner.contactTitles.prompt"));
        noteCount.setId("factNoteCount");
        noteCount.setPrefWidth(80);
        for (ActivityKind k : ActivityKind.values()) {
            CheckBox box = new CheckBox(I18n.get("activityKind." + k.name()));
            box.setId("factKind-" + k.name());
            noteKinds.put(k, box);
        }
        setForm(createForm(kinds));
        fill(board.kind(), board.definition());
        wireChanges();
        setOnShown(e -> name.requestFocus());
    }

    private HBox createForm(List<BoardKind> kinds) {
        getDialogPane().getStyleClass().add("board-designer");
        GridPane top = grid();
        top.add(field("name", I18n.get("boardSettings.name"), name), 0, 0);
        top.add(field("kind", I18n.get("boardDesigner.kind"), kind), 1, 0);
        top.add(field("groupBy", I18n.get("boardSettings.columnsFrom"), columnsFrom), 0, 1);
        top.add(field("columnNames", I18n.get("boardSettings.columnNames"), manualNames), 1, 1);
        top.add(field("swimlane", I18n.get("boardSettings.swimlane"), swimlane), 0, 2);
        VBox form = new VBox(12);
        if (asNew && kinds.contains(BoardKind.CUSTOMER) && CustomFieldService.mayConfigure(
                context.currentUser().asActor())) {
            form.getChildren().add(exampleBar());
        }
        FlowPane filter = new FlowPane(12, 6, mineOnly, tier, province, products);
        GridPane contact = grid();
        contact.addRow(0, fixed(I18n.get("boardDesigner.contactField")), contactField, contactValue);
        contact.addRow(1, fixed(I18n.get("boardDesigner.contactTitles")), contactTitles);
        contactTitles.setPrefColumnCount(24);
        contactValue.setPrefWidth(140);
        GridPane.setColumnSpan(contactTitles, 2);
        FlowPane kindsBox = new FlowPane(10, 4);
        kindsBox.getChildren().addAll(noteKinds.values());
        HBox notes = new HBox(8, fixed(I18n.get("boardDesigner.noteCount")), noteCount,
                fixed(I18n.get("boardDesigner.noteKinds")), kindsBox);
        notes.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        factSettings.getChildren().setAll(contact, notes);
        factSettings.getStyleClass().add("board-fact-settings");
        customerFieldsHeading.getStyleClass().add(Styles.TEXT_MUTED);
        form.getChildren().addAll(top,
                heading("boardSettings.cardFields"), builtInFields,
                subheading("boardDesigner.customFields"), customFields,
                customerFieldsHeading, customerFields,
                subheading("boardDesigner.facts"), factFields, factSettings,
                heading("boardSettings.filter"), filter,
                field("columns", I18n.get("boardSettings.columns"), columnGrid));
        form.setPrefWidth(700);
        form.setPadding(new javafx.geometry.Insets(0, 12, 0, 0));
        // The form scrolls inside a window that fits the screen; the preview stays in view beside it.
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportWidth(712);
        scroll.setPrefViewportHeight(Math.min(720, Screen.getPrimary().getVisualBounds().getHeight() - 220));
        scroll.getStyleClass().add("edge-to-edge");
        return new HBox(20, scroll, preview);
    }

    /** "从示例创建": the goal's key-account board, with the two customer fields it needs added if missing. */
    private HBox exampleBar() {
        Button example = new Button(I18n.get("boardDesigner.example"), new FontIcon(Feather.STAR));
        example.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        example.setId("boardExample");
        example.getStyleClass().add(Styles.ACCENT);
        Label hint = new Label(I18n.get("boardDesigner.example.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        example.setOnAction(e -> {
            var actor = context.currentUser().asActor();
            BackgroundTask.wrap(() -> new KeyAccountBoardExample(context.customFields()).prepare(actor))
                    .onSuccess(definition -> {
                        name.setText(KeyAccountBoardExample.NAME);
                        kind.setValue(BoardKind.CUSTOMER);
                        fill(BoardKind.CUSTOMER, definition);
                        updatePreview();
                        fitWindow();
                    })
                    .onFailure(this::showFailure)
                    .executeWith(context.executor());
        });
        HBox bar = new HBox(12, example, hint);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("board-example-bar");
        return bar;
    }

    /** Fills every control from a kind and a definition (the board's own, or the example's). */
    private void fill(BoardKind newKind, BoardDefinition def) {
        filling = true;
        try {
            loaded = def;
            custom = context.boards().customFields(newKind);
            List<String> sources = new ArrayList<>();
            BoardField.of(newKind).stream().filter(BoardField::groupable).forEach(f -> sources.add(f.key()));
            custom.stream().filter(CustomCardField::singleChoice).forEach(f -> sources.add(f.definitionKey()));
            // Own columns are chosen when a board is made: its cards' places belong to those columns.
            if (asNew || def.manual()) {
                sources.add(MANUAL);
            }
            columnsFrom.getItems().setAll(sources);
            columnsFrom.setValue(sources.contains(def.groupBy()) ? def.groupBy() : sources.get(0));
            columnsFrom.setDisable(!asNew && def.manual());
            manualNames.setText(def.manual() ? String.join("，", context.boards().columns(board).stream()
                    .map(ColumnValue::nameZh).toList()) : "");
            // Lanes by a field of the item's own, or by a single-choice custom field (客户按攻坚阶段).
            List<String> lanes = new ArrayList<>();
            lanes.add(null);
            laneNames.clear();
            BoardField.of(newKind).stream().filter(BoardField::swimlane).forEach(f -> {
                lanes.add(f.key());
                laneNames.put(f.key(), I18n.label("boardField", f));
            });
            context.boards().customFields(newKind).stream().filter(CustomCardField::singleChoice).forEach(f -> {
                lanes.add(f.definitionKey());
                laneNames.put(f.definitionKey(), f.label());
            });
            swimlane.getItems().setAll(lanes);
            swimlane.setValue(lanes.contains(def.swimlane()) ? def.swimlane() : null);
            BoardFilter filter = def.filter();
            mineOnly.setSelected(filter.mineOnly());
            tier.setValue(filter.tier() == null || filter.tier().isBlank() ? null : Tier.valueOf(filter.tier()));
            province.setValue(filter.regionPrefix() == null ? null : province.getItems().stream()
                    .filter(r -> r != null && r.code().startsWith(filter.regionPrefix())).findFirst().orElse(null));
            products.setText(filter.products());
            boolean deals = newKind == BoardKind.OPPORTUNITY;
            products.setVisible(deals);
            products.setManaged(deals);
            boolean customers = newKind == BoardKind.OPPORTUNITY || newKind == BoardKind.CUSTOMER;
            tier.setVisible(customers);
            tier.setManaged(customers);
            province.setVisible(customers);
            province.setManaged(customers);
            fillCardFields(newKind, def);
            CardFactSettings facts = def.facts();
            contactField.setValue(contactField.getItems().stream()
                    .filter(f -> f != null && f.key().equals(facts.contactField())).findFirst().orElse(null));
            contactValue.getItems().setAll(contactField.getValue() == null ? List.of() : contactField.getValue().choices());
            contactValue.setValue(facts.contactValue());
            contactTitles.setText(facts.contactTitles());
            noteCount.getValueFactory().setValue(facts.notes());
            noteKinds.forEach((k, box) -> box.setSelected(facts.noteKinds().contains(k.name())));
            updateFactSettings();
            fillColumns(newKind, def);
        } finally {
            filling = false;
        }
    }

    private void fillCardFields(BoardKind newKind, BoardDefinition def) {
        cardFields.clear();
        builtInFields.getChildren().clear();
        customFields.getChildren().clear();
        factFields.getChildren().clear();
        for (BoardField f : BoardField.of(newKind)) {
            if (f.key().equals(def.groupBy()) || (f.groupable() && newKind != BoardKind.CUSTOMER)) {
                continue;
            }
            builtInFields.getChildren().add(cardField(f.key(), "cardField-" + f.key(), I18n.label("boardField", f), def));
        }
        for (CustomCardField f : custom) {
            customFields.getChildren().add(cardField(f.definitionKey(), "cardField-custom-" + f.key(), f.label(), def));
        }
        if (custom.isEmpty()) {
            Label none = new Label(I18n.get(newKind.customEntity() == null ? "boardDesigner.customFields.unavailable"
                    : "boardDesigner.customFields.none"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            customFields.getChildren().add(none);
        }
        // A deal's or a task's card can carry its customer's fields (the customer's 竞争对手 on a deal).
        customerFields.getChildren().clear();
        boolean ofCustomers = newKind == BoardKind.OPPORTUNITY || newKind == BoardKind.TASK;
        if (ofCustomers) {
            for (CustomCardField f : context.boards().customFields(BoardKind.CUSTOMER)) {
                customerFields.getChildren().add(cardField(CardExtraField.CUSTOMER_PREFIX + f.key(),
                        "cardField-customer-" + f.key(), f.label(), def));
            }
        }
        boolean anyCustomerField = !customerFields.getChildren().isEmpty();
        customerFieldsHeading.setVisible(anyCustomerField);
        customerFieldsHeading.setManaged(anyCustomerField);
        customerFields.setVisible(anyCustomerField);
        customerFields.setManaged(anyCustomerField);
        if (newKind != BoardKind.ESCALATION) {
            for (CardFact fact : CardFact.values()) {
                factFields.getChildren().add(cardField(fact.key(), "cardField-fact-" + fact.name(),
                        I18n.get("boardFact." + fact.name()), def));
            }
        }
    }

    private CheckBox cardField(String key, String id, String label, BoardDefinition def) {
        CheckBox box = new CheckBox(label);
        box.setId(id);
        box.setSelected(def.cardFields().contains(key));
        box.selectedProperty().addListener((obs, was, now) -> {
            updateFactSettings();
            changed();
        });
        cardFields.put(key, box);
        return box;
    }

    /** The fact settings only matter while a card shows a fact. */
    private void updateFactSettings() {
        boolean any = cardFields.entrySet().stream().anyMatch(e -> e.getKey().startsWith("fact.") && e.getValue().isSelected());
        factSettings.setVisible(any);
        factSettings.setManaged(any);
        fitWindow();
    }

    /** The per-column settings of the columns the chosen source gives. */
    private void fillColumns(BoardKind newKind, BoardDefinition def) {
        String groupBy = columnsFrom.getValue();
        boolean manual = MANUAL.equals(groupBy);
        manualNames.setDisable(!manual);
        if (manual) {
            columns = def.manual() && board.kind() == newKind ? context.boards().columns(board) : List.of();
        } else {
            columns = context.boards().columns(newKind, groupBy);
        }
        limits.clear();
        shown.clear();
        colours.clear();
        columnGrid.getChildren().clear();
        for (int half = 0; half < 2; half++) {
            columnGrid.add(heading("boardSettings.column"), half * 4, 0);
            columnGrid.add(heading("boardSettings.wipLimit"), half * 4 + 1, 0);
            columnGrid.add(heading("boardSettings.colour"), half * 4 + 2, 0);
            columnGrid.add(heading("boardSettings.shown"), half * 4 + 3, 0);
        }
        int rows = (columns.size() + 1) / 2;
        int index = 0;
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
            show.selectedProperty().addListener((obs, was, now) -> changed());
            String current = def.column(column.key()).map(ColumnSetting::colour).filter(c -> c != null && !c.isBlank())
                    .orElse(column.colour());
            ColorPicker colour = new ColorPicker(current == null ? Color.GRAY : Color.web(current));
            colour.setId("colour-" + column.key());
            // Only the swatch: the colour's hex name says nothing to a sales director.
            colour.setStyle("-fx-color-label-visible: false;");
            limits.put(column.key(), limit);
            shown.put(column.key(), show);
            colours.put(column.key(), colour);
            int half = rows == 0 ? 0 : index / rows;
            int row = 1 + (rows == 0 ? 0 : index % rows);
            Label columnName = new Label(I18n.isChinese() ? column.nameZh() : column.nameEn());
            columnName.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            columnGrid.add(columnName, half * 4, row);
            columnGrid.add(limit, half * 4 + 1, row);
            columnGrid.add(colour, half * 4 + 2, row);
            columnGrid.add(show, half * 4 + 3, row);
            index++;
        }
    }

    private void wireChanges() {
        kind.valueProperty().addListener((obs, was, now) -> {
            if (!filling && now != null) {
                fill(now, new BoardDefinition(BoardField.of(now).stream().filter(BoardField::groupable)
                        .map(BoardField::key).findFirst().orElse(MANUAL), null, List.of(), null, List.of()));
                changed();
            }
        });
        columnsFrom.valueProperty().addListener((obs, was, now) -> {
            if (!filling && now != null) {
                filling = true;
                try {
                    fillCardFields(kind.getValue(), definitionOrLoaded());
                    fillColumns(kind.getValue(), loaded);
                } finally {
                    filling = false;
                }
                changed();
                fitWindow();
            }
        });
        contactField.valueProperty().addListener((obs, was, now) -> {
            contactValue.getItems().setAll(now == null ? List.of() : now.choices());
            changed();
        });
        contactValue.valueProperty().addListener((obs, was, now) -> changed());
        contactTitles.textProperty().addListener((obs, was, now) -> changed());
        noteCount.valueProperty().addListener((obs, was, now) -> changed());
        noteKinds.values().forEach(b -> b.selectedProperty().addListener((obs, was, now) -> changed()));
        swimlane.valueProperty().addListener((obs, was, now) -> changed());
        mineOnly.selectedProperty().addListener((obs, was, now) -> changed());
        tier.valueProperty().addListener((obs, was, now) -> changed());
        province.valueProperty().addListener((obs, was, now) -> changed());
        products.textProperty().addListener((obs, was, now) -> changed());
        updatePreview();
    }

    private void changed() {
        if (!filling) {
            updatePreview();
        }
    }

    private void updatePreview() {
        BoardDefinition draft = definitionOrLoaded();
        preview.show(kind.getValue(), draft);
    }

    /** The draft as the controls say, or the loaded one while they hold something unsaveable. */
    private BoardDefinition definitionOrLoaded() {
        try {
            return definition(columns, false);
        } catch (ValidationException unfinished) {
            return loaded;
        }
    }

    /** The preview's board as last opened, for tests. */
    io.salesdesk.board.BoardView previewed() {
        return preview.shown();
    }

    private String columnsFromName(String key) {
        if (key == null) {
            return "";
        }
        if (MANUAL.equals(key)) {
            return I18n.get("boardSettings.manualColumns");
        }
        String customKey = CustomCardField.keyOf(key);
        if (customKey != null) {
            return custom.stream().filter(f -> f.key().equals(customKey)).findFirst()
                    .map(f -> I18n.get("boardDesigner.byField", f.label())).orElse(customKey);
        }
        return BoardField.of(kind.getValue(), key).map(f -> I18n.get("boardDesigner.byField", I18n.label("boardField", f)))
                .orElse(key);
    }

    /** The colour chosen for a column, or null when it is still the column's own. */
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

    /**
     * The definition the controls describe.
     *
     * @param saving whether it is being saved (manual columns then get keys of their own)
     * @throws ValidationException naming the control that holds something unsaveable
     */
    private BoardDefinition definition(List<ColumnValue> fieldColumns, boolean saving) {
        String groupBy = columnsFrom.getValue() == null ? loaded.groupBy() : columnsFrom.getValue();
        boolean manualColumns = MANUAL.equals(groupBy);
        List<ColumnValue> saved = fieldColumns;
        if (manualColumns) {
            saved = new ArrayList<>();
            for (String columnName : (manualNames.getText() == null ? "" : manualNames.getText()).split("[,，、]")) {
                String trimmed = columnName.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String key = fieldColumns.stream().filter(c -> c.nameZh().equals(trimmed) && !c.key().equals("inbox"))
                        .map(ColumnValue::key).findFirst()
                        .orElse(saving ? "c" + io.salesdesk.core.Ids.newId().toString().substring(24) : "draft" + saved.size());
                saved.add(new ColumnValue(key, trimmed, trimmed, null, false));
            }
            if (saved.isEmpty() && saving) {
                throw new ValidationException(List.of(FieldProblem.of("columnNames", "boardSettings.columnNames.required")));
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
                    throw new ValidationException(List.of(FieldProblem.of("columns", "boardSettings.wipLimit.invalid",
                            I18n.isChinese() ? column.nameZh() : column.nameEn())));
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
                .map(Map.Entry::getKey).toList();
        BoardFilter filter = new BoardFilter(mineOnly.isSelected(),
                province.getValue() == null ? null : province.getValue().code().substring(0, 2),
                products.getText() == null || products.getText().isBlank() ? null : products.getText().strip(),
                tier.getValue() == null ? null : tier.getValue().name());
        List<String> kinds = noteKinds.entrySet().stream().filter(e -> e.getValue().isSelected())
                .map(e -> e.getKey().name()).toList();
        CardFactSettings facts = new CardFactSettings(contactField.getValue() == null ? null : contactField.getValue().key(),
                contactField.getValue() == null ? null : contactValue.getValue(), text(contactTitles),
                noteCount.getValue(), kinds);
        return new BoardDefinition(groupBy, swimlane.getValue(), fields,
                filter, settings, facts);
    }

    private static Label heading(String key) {
        Label label = new Label(I18n.get(key));
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    /** A label that keeps its whole text however narrow the row. */
    private static Label fixed(String text) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static Label subheading(String key) {
        Label label = new Label(I18n.get(key));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    @Override
    protected void save() {
        BoardDefinition definition;
        try {
            definition = definition(columns, true);
        } catch (ValidationException refused) {
            showFailure(refused);
            return;
        }
        var actor = context.currentUser().asActor();
        String newName = name.getText();
        BoardKind newKind = kind.getValue();
        BackgroundTask.wrap(() -> asNew ? context.boards().create(actor, newKind, newName, definition)
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
