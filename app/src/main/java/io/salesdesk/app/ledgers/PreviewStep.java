package io.salesdesk.app.ledgers;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.imports.DuplicateDecision;
import io.salesdesk.ledger.imports.ImportPreview;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.MatchKind;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.RowMatch;
import io.salesdesk.ledger.model.LedgerEntity;

/**
 * Step ③: what the import will do. Counts, the default for duplicates and "skip invalid rows",
 * every problem with row, column, value and reason (and its error report), and every duplicate with
 * why it matched and a decision that can be changed row by row.
 */
final class PreviewStep extends VBox {

    private final Label summary = new Label();
    private final Label mapping = new Label();
    private final ComboBox<DuplicateDecision> onDuplicate;
    private final CheckBox skipInvalid = new CheckBox(I18n.get("ledgers.import.skipInvalid"));
    private final Label problemsTitle = new Label();
    private final Button errorReport = new Button(I18n.get("ledgers.report.export"), new FontIcon(Feather.FILE_TEXT));
    private final TableView<CellProblem> problems = new TableView<>();
    private final Label duplicatesTitle = new Label();
    private final TableView<ImportRow> duplicates = new TableView<>();
    private final TableColumn<ImportRow, String> duplicateName;
    private final TableColumn<ImportRow, String> duplicateReason;
    private final BiConsumer<ImportRow, DuplicateDecision> onDecide;
    private LedgerEntity entity;
    private boolean updating;

    /**
     * @param onDefaultChanged the default decision or "skip invalid" changed
     * @param onDecide         the user changed one row's decision
     * @param onErrorReport    the user asked for the error report
     */
    PreviewStep(Runnable onDefaultChanged, BiConsumer<ImportRow, DuplicateDecision> onDecide, Runnable onErrorReport) {
        super(12);
        setId("ledgerStepPreview");
        this.onDecide = onDecide;
        summary.setId("ledgerSummary");
        summary.getStyleClass().addAll(Styles.TITLE_4);
        mapping.setId("ledgerMappingSummary");
        mapping.setWrapText(true);
        mapping.getStyleClass().add(Styles.TEXT_MUTED);

        onDuplicate = Pickers.of(List.of(DuplicateDecision.values()),
                d -> I18n.label("ledgers.onDuplicate", d), I18n.get("ledgers.import.onDuplicate"));
        onDuplicate.setId("ledgerOnDuplicate");
        onDuplicate.setValue(DuplicateDecision.SKIP);
        onDuplicate.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                onDefaultChanged.run();
            }
        });
        skipInvalid.setId("ledgerSkipInvalid");
        skipInvalid.selectedProperty().addListener((obs, old, now) -> {
            if (!updating) {
                onDefaultChanged.run();
            }
        });
        HBox options = new HBox(12, new Label(I18n.get("ledgers.import.onDuplicate")), onDuplicate, skipInvalid);
        options.setAlignment(Pos.CENTER_LEFT);

        problemsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        errorReport.setId("ledgerErrorReport");
        errorReport.getStyleClass().add(Styles.SMALL);
        errorReport.setOnAction(e -> onErrorReport.run());
        errorReport.setDisable(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox problemsHeader = new HBox(12, problemsTitle, spacer, errorReport);
        problemsHeader.setAlignment(Pos.CENTER_LEFT);
        problems.setId("ledgerProblems");
        problems.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        problems.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        problems.setPrefHeight(150);
        problems.setPlaceholder(new Label(I18n.get("ledgers.problems.noFile")));
        problems.getColumns().setAll(List.of(
                column("ledgers.problems.row", (CellProblem p) -> String.valueOf(p.rowNumber()), 50),
                column("ledgers.problems.column", p -> LedgersPage.columnName(p.column()), 50),
                column("ledgers.problems.header", p -> nullToEmpty(p.header()), 120),
                column("ledgers.problems.value", p -> nullToEmpty(p.value()), 140),
                column("ledgers.problems.reason", p -> I18n.get(p.messageKey(), p.args().toArray()), 320)));

        duplicatesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        duplicates.setId("ledgerDuplicates");
        duplicates.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        duplicates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        duplicates.setPrefHeight(190);
        duplicates.setPlaceholder(new Label(I18n.get("ledgers.duplicates.none")));
        duplicateName = column("ledgers.duplicates.name", this::mainValue, 200);
        duplicateReason = column("ledgers.duplicates.reason", this::matchText, 300);
        duplicates.getColumns().setAll(List.of(
                column("ledgers.problems.row", (ImportRow r) -> String.valueOf(r.rowNumber()), 50),
                duplicateName,
                duplicateReason,
                decisionColumn(),
                column("ledgers.duplicates.action", r -> I18n.label("ledgers.action", r.action()), 80)));

        getChildren().setAll(summary, mapping, options, problemsHeader, problems, duplicatesTitle, duplicates);
    }

    /** Shows a preview; the options take the values the preview was made with. */
    void show(ImportPreview preview, LedgerEntity fields) {
        entity = fields;
        updating = true;
        try {
            List<DuplicateDecision> offered = decisions(fields);
            onDuplicate.getItems().setAll(offered);
            DuplicateDecision asked = preview.request().onDuplicate();
            onDuplicate.setValue(offered.contains(asked) ? asked : DuplicateDecision.SKIP);
            skipInvalid.setSelected(preview.request().skipInvalid());
        } finally {
            updating = false;
        }
        mapping.setText(MappingStep.summary(fields, preview.mapping()));
        List<CellProblem> found = preview.problems();
        problems.setPlaceholder(new Label(I18n.get("ledgers.problems.none")));
        problems.getItems().setAll(found);
        problemsTitle.setText(I18n.get("ledgers.problems.title", found.size(), preview.counts().invalid()));
        errorReport.setDisable(found.isEmpty());
        List<ImportRow> matched = preview.rows().stream().filter(r -> r.match() != null).toList();
        duplicateName.setText(EntityTexts.get("ledgers.duplicates.name", fields.key()));
        duplicates.setPlaceholder(new Label(EntityTexts.get("ledgers.duplicates.none", fields.key())));
        duplicates.getItems().setAll(matched);
        duplicatesTitle.setText(EntityTexts.get("ledgers.duplicates.title", fields.key(), matched.size()));
        refreshCounts(preview);
    }

    /** Shows the counts and actions again after a decision changed. */
    void refreshCounts(ImportPreview preview) {
        summary.setText(LedgersPage.countsText(preview.counts()));
        duplicates.refresh();
    }

    /** Back to "no preview". */
    void clear() {
        summary.setText("");
        mapping.setText("");
        problemsTitle.setText("");
        duplicatesTitle.setText("");
        problems.setPlaceholder(new Label(I18n.get("ledgers.problems.noFile")));
        problems.getItems().clear();
        duplicates.getItems().clear();
        errorReport.setDisable(true);
    }

    DuplicateDecision defaultDecision() {
        return onDuplicate.getValue() == null ? DuplicateDecision.SKIP : onDuplicate.getValue();
    }

    boolean skipInvalid() {
        return skipInvalid.isSelected();
    }

    /** Follow-ups are history: a duplicate is skipped or recorded again, never updated. */
    private static List<DuplicateDecision> decisions(LedgerEntity shown) {
        return shown != null && "activities".equals(shown.key())
                ? List.of(DuplicateDecision.SKIP, DuplicateDecision.CREATE)
                : List.of(DuplicateDecision.values());
    }

    /** What a person recognises the row by: the customer's name, the contact and its customer… */
    private String mainValue(ImportRow row) {
        return entity == null ? "" : EntityTexts.recognisedBy(entity, row);
    }

    /** Why the row is taken for a duplicate, in the words of the entity (a follow-up on record, a login…). */
    private String matchText(ImportRow row) {
        RowMatch match = row.match();
        String entityKey = entity == null ? "" : entity.key();
        String why = EntityTexts.get("ledgers.match." + match.kind().name(), entityKey);
        if (match.inFile()) {
            return I18n.get("ledgers.match.earlierRow", why, match.fileRowNumber());
        }
        if (match.existingName() == null || match.existingName().isBlank()) {
            return EntityTexts.get("ledgers.match.onRecord", entityKey, why);
        }
        return I18n.get("ledgers.match.existing", why, match.existingName());
    }

    private TableColumn<ImportRow, ImportRow> decisionColumn() {
        TableColumn<ImportRow, ImportRow> column = new TableColumn<>(I18n.get("ledgers.duplicates.decision"));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setPrefWidth(110);
        column.setSortable(false);
        column.setCellFactory(c -> new TableCell<>() {
            private final ComboBox<DuplicateDecision> box = Pickers.of(List.of(DuplicateDecision.values()),
                    d -> I18n.label("ledgers.onDuplicate", d), "");
            private boolean filling;

            {
                box.getStyleClass().add(Styles.SMALL);
                box.setMaxWidth(Double.MAX_VALUE);
                box.valueProperty().addListener((obs, old, now) -> {
                    ImportRow row = getItem();
                    if (!filling && row != null && now != null && now != row.decision()) {
                        onDecide.accept(row, now);
                    }
                });
            }

            @Override
            protected void updateItem(ImportRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                filling = true;
                try {
                    box.getItems().setAll(decisions(entity));
                    box.setValue(row.decision());
                    box.setId("ledgerDecision-" + row.rowNumber());
                    // A row from an exported ledger is matched by its id: the importer decides.
                    box.setDisable(row.action() == RowAction.CONFLICT || row.match().kind() == MatchKind.ID);
                } finally {
                    filling = false;
                }
                setGraphic(box);
            }
        });
        return column;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static <S> TableColumn<S, String> column(String key, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
