package io.salesdesk.app.customers;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.FieldMergeDialog;
import io.salesdesk.app.common.MergeFields;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.merge.CustomerMergeResult;
import io.salesdesk.crm.merge.CustomerMergeService;

/**
 * 合并客户: two records of the same company become one. The user picks which one stays, then, for
 * each field the two differ in, whose value it keeps (the one that stays, unless picked otherwise).
 * Everything that pointed to the other moves to it; a summary says what moved.
 */
public final class MergeCustomersDialog extends Dialog<MergeCustomersDialog.Choice> {

    /** What the user chose: who stays, who goes, and the fields taken from the one that goes. */
    record Choice(Customer survivor, Customer merged, Set<String> fromMerged) {
    }

    private final MergeFields words;
    private final Customer first;
    private final Customer second;
    private final List<String> notes;
    private final GridPane fields = new GridPane();
    private final Label same = new Label();
    private final Set<String> fromMerged = new HashSet<>();
    private Customer survivor;

    private MergeCustomersDialog(AppContext context, Customer first, Customer second, List<String> notes) {
        this.words = CustomerVersions.mergeFields(context);
        this.first = first;
        this.second = second;
        this.notes = notes;
        this.survivor = first;
        setTitle(I18n.get("customerMerge.title"));
        Stylesheets.addTo(getDialogPane());
        setHeaderText(I18n.get("customerMerge.header"));
        ButtonType merge = new ButtonType(I18n.get("customerMerge.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(merge, ButtonType.CANCEL);
        getDialogPane().lookupButton(merge).setId("customerMergeConfirm");
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("customerMergeCancel");
        getDialogPane().setContent(new VBox(14, createSurvivorChoice(), fields, same));
        showFields();
        setResultConverter(button -> button == merge
                ? new Choice(survivor, other(), Set.copyOf(fromMerged)) : null);
    }

    /**
     * Asks which customer stays and which fields it takes, merges, shows what moved and then calls
     * {@code done} with the result; nothing happens when the user cancels.
     */
    public static void open(AppContext context, Customer first, Customer second, Consumer<CustomerMergeResult> done) {
        open(context, first, null, second, null, done);
    }

    /**
     * As {@link #open(AppContext, Customer, Customer, Consumer)}, with a note beside each customer
     * that tells two of the same name apart (总部已有, 分支新建); a note may be null.
     */
    public static void open(AppContext context, Customer first, String firstNote, Customer second, String secondNote,
                            Consumer<CustomerMergeResult> done) {
        java.util.ArrayList<String> notes = new java.util.ArrayList<>();
        notes.add(firstNote);
        notes.add(secondNote);
        new MergeCustomersDialog(context, first, second, notes).showAndWait().ifPresent(choice -> {
            var actor = context.currentUser().asActor();
            BackgroundTask.wrap(() -> context.customerMerges().merge(actor, choice.survivor().id(),
                            choice.survivor().version(), choice.merged().id(), choice.merged().version(),
                            choice.fromMerged()))
                    .onSuccess(result -> {
                        summary(context, choice, result, done);
                        done.accept(result);
                    })
                    .onFailure(ErrorDialogs::show)
                    .executeWith(context.executor());
        });
    }

    private Node createSurvivorChoice() {
        Label question = new Label(I18n.get("customerMerge.keep"));
        question.getStyleClass().add(Styles.TITLE_4);
        ToggleGroup group = new ToggleGroup();
        RadioButton keepFirst = keepButton(first, notes.get(0), "customerMergeKeepFirst", group);
        RadioButton keepSecond = keepButton(second, notes.get(1), "customerMergeKeepSecond", group);
        group.selectToggle(keepFirst);
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                survivor = now == keepFirst ? first : second;
                fromMerged.clear();
                showFields();
            }
        });
        return new VBox(6, question, new HBox(24, keepFirst, keepSecond));
    }

    private RadioButton keepButton(Customer customer, String note, String id, ToggleGroup group) {
        String owner = customer.ownerName() == null ? I18n.get("form.pool") : customer.ownerName();
        String text = I18n.get("customerMerge.keepOne", customer.name(), owner);
        RadioButton button = new RadioButton(note == null ? text : text + " · " + note);
        button.setId(id);
        button.setToggleGroup(group);
        button.setWrapText(true);
        button.setMaxWidth(420);
        return button;
    }

    /** One row per field the two differ in: the survivor's value (chosen at first) or the other's. */
    private void showFields() {
        fields.getChildren().clear();
        fields.getColumnConstraints().clear();
        fields.setHgap(18);
        fields.setVgap(8);
        fields.getStyleClass().add("merge-table");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints(120, 260, 340);
        fields.getColumnConstraints().addAll(names, value, value);
        fields.addRow(0, heading(I18n.get("merge.field")), heading(I18n.get("customerMerge.stays")),
                heading(I18n.get("customerMerge.goes")));
        Map<String, String> kept = values(survivor);
        Map<String, String> taken = values(other());
        int row = 1;
        for (String field : CustomerMergeService.FIELDS) {
            if (Objects.equals(kept.get(field), taken.get(field))) {
                continue;
            }
            ToggleGroup group = new ToggleGroup();
            RadioButton keep = valueButton(field, kept.get(field), group, "customerMergeKeep-");
            RadioButton take = valueButton(field, taken.get(field), group, "customerMergeTake-");
            group.selectToggle(keep);
            group.selectedToggleProperty().addListener((obs, was, now) -> {
                if (now == take) {
                    fromMerged.add(field);
                } else {
                    fromMerged.remove(field);
                }
            });
            Label label = new Label(words.label(field));
            label.getStyleClass().add(Styles.TEXT_MUTED);
            fields.addRow(row++, label, keep, take);
            for (Node cell : List.of(label, keep, take)) {
                GridPane.setValignment(cell, VPos.TOP);
            }
        }
        long equal = CustomerMergeService.FIELDS.size() - (row - 1);
        same.setText(I18n.get("customerMerge.same", equal));
        same.getStyleClass().setAll("label", Styles.TEXT_MUTED);
        same.setWrapText(true);
    }

    private RadioButton valueButton(String field, String value, ToggleGroup group, String idPrefix) {
        String shown = words.display(field, value);
        RadioButton button = new RadioButton(shown == null || shown.isEmpty() ? I18n.get("merge.empty") : shown);
        button.setId(idPrefix + FieldMergeDialog.idOf(field));
        button.setToggleGroup(group);
        button.setWrapText(true);
        button.setMaxWidth(340);
        return button;
    }

    private Customer other() {
        return survivor == first ? second : first;
    }

    private static Map<String, String> values(Customer c) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", c.name());
        v.put("creditCode", c.creditCode());
        v.put("tier", c.tier() == null ? null : c.tier().name());
        v.put("industry", c.industry());
        v.put("regionCode", c.regionCode());
        v.put("address", c.address());
        v.put("phone", c.phone());
        v.put("ownerId", c.ownerId() == null ? null : c.ownerId().toString());
        return v;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    /** What moved, in words: "联系人 2、商机 1、跟进 3". */
    static String moved(Map<String, Integer> moved) {
        if (moved.isEmpty()) {
            return I18n.get("customerMerge.movedNothing");
        }
        return String.join("、", moved.entrySet().stream().map(e -> {
            String key = "customerMerge.kind." + e.getKey();
            return (I18n.has(key) ? I18n.get(key) : e.getKey()) + " " + e.getValue();
        }).toList());
    }

    /** What moved, with 撤销合并 beside 确定: a merge of the wrong two is put right in one click. */
    private static void summary(AppContext context, Choice choice, CustomerMergeResult result,
                                Consumer<CustomerMergeResult> changed) {
        Alert done = new Alert(Alert.AlertType.INFORMATION);
        ButtonType undo = new ButtonType(I18n.get("customerMerge.undo"), ButtonBar.ButtonData.LEFT);
        // Not offered where sync carries the merge to other databases (decision 12).
        if (context.customerMerges().mayUndo(context.currentUser().asActor())) {
            done.getButtonTypes().setAll(undo, ButtonType.OK);
            done.getDialogPane().lookupButton(undo).setId("customerMergeUndo");
        }
        done.resultProperty().addListener((obs, was, now) -> {
            if (now == undo) {
                MergeUndo.run(context, result.mergeId(), undone -> changed.accept(result));
            }
        });
        Stylesheets.addTo(done.getDialogPane());
        done.setTitle(I18n.get("customerMerge.title"));
        done.setHeaderText(I18n.get("customerMerge.done", choice.merged().name(), result.survivor().name()));
        done.setContentText(I18n.get("customerMerge.moved", moved(result.moved())));
        done.getDialogPane().setId("customerMergeSummary");
        done.show();
    }
}
