package io.salesdesk.app.ledgers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.ledger.imports.MappingSource;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.map.HeaderRow;
import io.salesdesk.ledger.map.HeaderText;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.map.UnmappedColumn;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.LedgerField;
import io.salesdesk.ledger.read.LedgerRow;

/**
 * Step ②: every header column with a sample value and the field it feeds, changeable per column
 * (or "不导入"). The edited mapping is applied by re-running the preview; a successful import saves it
 * for the next ledger with the same headers.
 */
final class MappingStep extends VBox {

    /** One column of the ledger and the field the user lets it feed ({@code null}: left out). */
    static final class ColumnChoice {
        final int column;
        final String header;
        final String sample;
        LedgerField field;

        ColumnChoice(int column, String header, String sample, LedgerField field) {
            this.column = column;
            this.header = header;
            this.sample = sample;
            this.field = field;
        }
    }

    private final Label source = new Label();
    private final Label headerHint = new Label();
    private final Label warning = new Label();
    private final TableView<ColumnChoice> columns = new TableView<>();
    private final Button apply = new Button(I18n.get("ledgers.mapping.apply"), new FontIcon(Feather.REFRESH_CW));
    private final Runnable onChange;
    private LedgerEntity entity;
    private boolean dirty;

    /**
     * @param onApply  the user asked for a preview with the mapping shown
     * @param onChange the user changed a column's field
     */
    MappingStep(Runnable onApply, Runnable onChange) {
        super(12);
        setId("ledgerStepMapping");
        this.onChange = onChange;
        source.setId("ledgerMappingSource");
        source.getStyleClass().add(Styles.TEXT_BOLD);
        headerHint.setId("ledgerHeaderHint");
        headerHint.getStyleClass().add(Styles.TEXT_MUTED);
        warning.setId("ledgerMappingWarning");
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.DANGER);
        apply.setId("ledgerRemap");
        apply.setDisable(true);
        apply.setOnAction(e -> onApply.run());

        columns.setId("ledgerMapping");
        columns.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        columns.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        columns.setPrefHeight(360);
        columns.setPlaceholder(new Label(I18n.get("ledgers.mapping.none")));
        columns.getColumns().setAll(List.of(
                text("ledgers.problems.column", c -> LedgersPage.columnName(c.column), 50),
                text("ledgers.problems.header", c -> c.header, 180),
                text("ledgers.mapping.sample", c -> c.sample, 220)));

        HBox info = new HBox(16, source, headerHint);
        info.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(12, apply, warning);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(info, columns, actions);
    }

    /**
     * Shows a mapping. Resets the edits.
     *
     * @param fields  the entity mapped to
     * @param header  the header found
     * @param mapping the mapping to show
     * @param from    where it came from; {@code null} when the preview refused it
     * @param sample  the first data row, for sample values
     */
    void show(LedgerEntity fields, HeaderRow header, ColumnMapping mapping, MappingSource from, LedgerRow sample) {
        if (entity != fields) {
            entity = fields;
            // The combos list the entity's fields: a new entity gets new cells.
            columns.getColumns().removeIf(c -> "field".equals(c.getUserData()));
            columns.getColumns().add(fieldColumn());
        }
        List<ColumnChoice> choices = new ArrayList<>();
        List<String> headers = header.headers();
        for (int c = 0; c < headers.size(); c++) {
            String text = headers.get(c) == null ? "" : headers.get(c);
            if (HeaderText.of(text).isEmpty()) {
                continue; // a column without a header cannot be named in a mapping
            }
            int column = c;
            LedgerField field = mapping.columns().stream().filter(m -> m.column() == column).findFirst()
                    .flatMap(m -> fields.field(m.fieldKey())).orElse(null);
            choices.add(new ColumnChoice(c, text, sample == null ? "" : sample.cell(c).text(), field));
        }
        columns.getItems().setAll(choices);
        source.setText(from == null ? I18n.get("ledgers.mapping.source.refused")
                : I18n.label("ledgers.mapping.source", from));
        headerHint.setText(header.firstRowNumber() == header.lastRowNumber()
                ? I18n.get("ledgers.mapping.headerRow", header.firstRowNumber(), header.lastRowNumber() + 1)
                : I18n.get("ledgers.mapping.headerRows", header.firstRowNumber(), header.lastRowNumber(),
                        header.lastRowNumber() + 1));
        dirty = false;
        check();
    }

    /** The preview refused the mapping (no column for a required field): the warning says which. */
    void showRefusal() {
        source.setText(I18n.get("ledgers.mapping.source.refused"));
    }

    /** Back to "no file". */
    void clear() {
        columns.getItems().clear();
        source.setText("");
        headerHint.setText("");
        warning.setText("");
        dirty = false;
        apply.setDisable(true);
    }

    /** Tells whether the user changed the mapping since it was last previewed. */
    boolean dirty() {
        return dirty;
    }

    /** Tells whether every required field has a column. */
    boolean complete() {
        return entity != null && missingRequired().isEmpty();
    }

    /** The mapping as the user left it: header text → field key, "" for a column left out. */
    Map<String, String> chosen() {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (ColumnChoice choice : columns.getItems()) {
            chosen.putIfAbsent(choice.header, choice.field == null ? "" : choice.field.key());
        }
        return chosen;
    }

    /** Maps a column to a field, as the combo does; for tests. */
    void choose(String header, String fieldKey) {
        columns.getItems().stream().filter(c -> c.header.equals(header)).findFirst().ifPresent(c -> {
            c.field = fieldKey == null ? null : entity.field(fieldKey).orElseThrow();
            changed();
        });
        columns.refresh();
    }

    private void changed() {
        dirty = true;
        check();
        onChange.run();
    }

    private void check() {
        List<String> problems = new ArrayList<>();
        List<LedgerField> missing = missingRequired();
        if (!missing.isEmpty()) {
            problems.add(I18n.get("ledgers.mapping.missing", missing.stream().map(MappingStep::fieldLabel)
                    .collect(Collectors.joining("、"))));
        }
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (ColumnChoice choice : columns.getItems()) {
            if (choice.field != null) {
                byField.computeIfAbsent(fieldLabel(choice.field), k -> new ArrayList<>())
                        .add(LedgersPage.columnName(choice.column));
            }
        }
        byField.forEach((field, used) -> {
            if (used.size() > 1) {
                problems.add(I18n.get("ledgers.mapping.twice", field, String.join("、", used), used.get(0)));
            }
        });
        warning.setText(String.join("；", problems));
        apply.setDisable(!dirty || !missing.isEmpty());
    }

    private List<LedgerField> missingRequired() {
        if (entity == null) {
            return List.of();
        }
        return entity.fields().stream().filter(LedgerField::required)
                .filter(f -> columns.getItems().stream().noneMatch(c -> c.field == f))
                .toList();
    }

    private TableColumn<ColumnChoice, ColumnChoice> fieldColumn() {
        TableColumn<ColumnChoice, ColumnChoice> column = new TableColumn<>(I18n.get("ledgers.mapping.field"));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setPrefWidth(240);
        column.setSortable(false);
        column.setUserData("field");
        column.setCellFactory(c -> new TableCell<>() {
            private final ComboBox<LedgerField> box = Pickers.optional(
                    FXCollections.observableArrayList(entity.fields()), MappingStep::fieldChoiceLabel,
                    I18n.get("ledgers.mapping.ignore"));
            private boolean updating;

            {
                box.setMaxWidth(Double.MAX_VALUE);
                box.getStyleClass().add(Styles.SMALL);
                box.valueProperty().addListener((obs, old, now) -> {
                    ColumnChoice choice = getItem();
                    if (!updating && choice != null && choice.field != now) {
                        choice.field = now;
                        changed();
                    }
                });
            }

            @Override
            protected void updateItem(ColumnChoice item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                updating = true;
                try {
                    box.setValue(item.field);
                    box.setId("ledgerMapping-" + LedgersPage.columnName(item.column));
                } finally {
                    updating = false;
                }
                setGraphic(box);
            }
        });
        return column;
    }

    static String fieldLabel(LedgerField field) {
        return I18n.isChinese() ? field.labelZh() : field.labelEn();
    }

    private static String fieldChoiceLabel(LedgerField field) {
        return field.required() ? fieldLabel(field) + " *" : fieldLabel(field);
    }

    private static TableColumn<ColumnChoice, String> text(String key, Function<ColumnChoice, String> value, double width) {
        TableColumn<ColumnChoice, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /** The mapped columns and those left out, for the summary in later steps. */
    static String summary(LedgerEntity fields, ColumnMapping mapping) {
        String mapped = mapping.columns().stream()
                .map((MappedColumn c) -> I18n.get("ledgers.mapping.column", c.header(),
                        fields.field(c.fieldKey()).map(MappingStep::fieldLabel).orElse(c.fieldKey())))
                .collect(Collectors.joining("；"));
        String text = I18n.get("ledgers.mapping.title", mapped);
        if (!mapping.unmapped().isEmpty()) {
            text += "\n" + I18n.get("ledgers.mapping.unmapped", mapping.unmapped().stream()
                    .map(UnmappedColumn::header).collect(Collectors.joining("、")));
        }
        return text;
    }
}
