package io.salesdesk.app.studio;

import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.ValidationException;
import io.salesdesk.db.custom.CustomValueFilter;
import io.salesdesk.db.custom.CustomValueFilter.Operator;
import io.salesdesk.crm.User;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldCriteria;
import io.salesdesk.studio.field.FieldType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * Picks one filter on a custom field for a list: the field, then what fits its type — contains or
 * equals for text, from … to for numbers, money and dates, any of the ticked choices or people, yes
 * or no for a checkbox.
 */
public final class CustomFieldFilterDialog extends FormDialog<CustomFieldFilterDialog.Chosen> {

    /**
     * A filter with the words a list shows for it.
     *
     * @param field       the field filtered on
     * @param description "床位数：500 – 800", for the chip that shows and removes it
     * @param filter      the condition the list's query carries
     */
    public record Chosen(CustomField field, String description, CustomValueFilter filter) {
    }

    private final List<User> users;
    private final Clock clock;
    private final ComboBox<CustomField> field;
    private final ComboBox<Operator> operator;
    private final StackPane valueArea = new StackPane();
    /** The operands the current inputs give, and their words for the chip. */
    private Supplier<List<String>> operands = List::of;
    private Supplier<String> words = () -> "";

    public CustomFieldFilterDialog(List<CustomField> fields, List<User> users, Clock clock) {
        super(I18n.get("customFilter.title"), "customFilterApply");
        this.users = users;
        this.clock = clock;
        ((javafx.scene.control.Button) getDialogPane().lookupButton(saveType)).setText(I18n.get("customFilter.apply"));
        field = Pickers.of(fields, CustomField::label, I18n.get("customFilter.field.prompt"));
        field.setId("customFilterField");
        field.setMaxWidth(Double.MAX_VALUE);
        operator = Pickers.of(List.of(), o -> I18n.get("customFilter.op." + o.name()), "");
        operator.setId("customFilterOperator");
        operator.setMaxWidth(Double.MAX_VALUE);

        var grid = grid();
        grid.add(field("field", I18n.get("customFilter.field"), field), 0, 0);
        grid.add(field("operator", I18n.get("customFilter.operator"), operator), 1, 0);
        grid.add(field("value", I18n.get("customFilter.value"), valueArea), 0, 1, 2, 1);
        grid.setPrefWidth(480);
        setForm(grid);

        field.valueProperty().addListener((o, a, now) -> fieldPicked(now));
        operator.valueProperty().addListener((o, a, now) -> showInputs());
        if (!fields.isEmpty()) {
            field.setValue(fields.get(0));
        }
    }

    /** Starts on this field (a column's header menu opens the dialog on its field). */
    public CustomFieldFilterDialog on(CustomField picked) {
        field.setValue(picked);
        return this;
    }

    private void fieldPicked(CustomField now) {
        List<Operator> fitting = now == null ? List.of() : CustomFieldCriteria.operators(now.type());
        operator.getItems().setAll(fitting);
        operator.setValue(fitting.isEmpty() ? null : fitting.get(0));
        operator.setDisable(fitting.size() < 2);
        showInputs();
    }

    private void showInputs() {
        CustomField f = field.getValue();
        Operator op = operator.getValue();
        valueArea.getChildren().clear();
        operands = List::of;
        words = () -> "";
        if (f == null || op == null) {
            return;
        }
        switch (op) {
            case CONTAINS, EQUALS, STARTS_WITH -> textInput(op);
            case BETWEEN -> rangeInputs(f.type());
            case ONE_OF, ANY_LINE_OF -> ticks(f);
            case IS_TRUE, NOT_TRUE -> words = () -> I18n.get("customFilter.op." + op.name());
        }
        fitWindow();
    }

    private void textInput(Operator op) {
        TextField text = new TextField();
        text.setId("customFilterText");
        valueArea.getChildren().add(text);
        operands = () -> List.of(text.getText() == null ? "" : text.getText());
        words = () -> I18n.get("customFilter.words." + op.name(), text.getText().strip());
    }

    private void rangeInputs(FieldType type) {
        Node from;
        Node to;
        Supplier<String> fromText;
        Supplier<String> toText;
        if (type == FieldType.DATE || type == FieldType.DATE_TIME) {
            DatePicker fromDate = new DatePicker();
            DatePicker toDate = new DatePicker();
            fromDate.setId("customFilterFromDate");
            toDate.setId("customFilterToDate");
            from = fromDate;
            to = toDate;
            boolean moments = type == FieldType.DATE_TIME;
            // A date-time range covers its days whole, in the user's time zone.
            fromText = () -> day(fromDate.getValue(), moments, LocalTime.MIN);
            toText = () -> day(toDate.getValue(), moments, LocalTime.MAX);
            words = () -> range(fromDate.getValue() == null ? "" : fromDate.getValue().toString(),
                    toDate.getValue() == null ? "" : toDate.getValue().toString());
        } else {
            TextField fromNumber = new TextField();
            TextField toNumber = new TextField();
            fromNumber.setId("customFilterFrom");
            toNumber.setId("customFilterTo");
            fromNumber.setPromptText(I18n.get("customFilter.from"));
            toNumber.setPromptText(I18n.get("customFilter.to"));
            from = fromNumber;
            to = toNumber;
            fromText = () -> text(fromNumber);
            toText = () -> text(toNumber);
            words = () -> range(blankToEmpty(text(fromNumber)), blankToEmpty(text(toNumber)));
        }
        HBox row = new HBox(8, from, new Label("–"), to);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        valueArea.getChildren().add(row);
        operands = () -> java.util.Arrays.asList(fromText.get(), toText.get());
    }

    private void ticks(CustomField f) {
        FlowPane boxes = new FlowPane(12, 8);
        boxes.setPrefWrapLength(440);
        List<CheckBox> ticks = new ArrayList<>();
        if (f.type() == FieldType.USER) {
            for (User u : users) {
                CheckBox box = new CheckBox(u.displayName());
                box.setUserData(u.id().toString());
                ticks.add(box);
            }
        } else {
            for (String choice : f.choices()) {
                CheckBox box = new CheckBox(choice);
                box.setUserData(choice);
                ticks.add(box);
            }
        }
        for (int i = 0; i < ticks.size(); i++) {
            ticks.get(i).setId("customFilterChoice" + i);
        }
        boxes.getChildren().setAll(ticks);
        ScrollPane scroll = new ScrollPane(boxes);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(160, 28.0 * (1 + ticks.size() / 4)));
        valueArea.getChildren().add(scroll);
        operands = () -> ticks.stream().filter(CheckBox::isSelected).map(b -> (String) b.getUserData()).toList();
        words = () -> String.join("、", ticks.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList());
    }

    private String day(LocalDate date, boolean moment, LocalTime time) {
        if (date == null) {
            return null;
        }
        return moment ? date.atTime(time).atZone(clock.getZone()).toOffsetDateTime().toString() : date.toString();
    }

    private static String range(String from, String to) {
        if (to.isEmpty()) {
            return I18n.get("customFilter.words.atLeast", from);
        }
        if (from.isEmpty()) {
            return I18n.get("customFilter.words.atMost", to);
        }
        return from + " – " + to;
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text;
    }

    @Override
    protected void save() {
        CustomField f = field.getValue();
        if (f == null || operator.getValue() == null) {
            fieldNamed("field").showProblem(I18n.get("customFilter.field.missing"));
            return;
        }
        try {
            CustomValueFilter filter = CustomFieldCriteria.filter(f, operator.getValue(), operands.get());
            finish(new Chosen(f, I18n.get("customFilter.chip", f.label(), words.get()), filter));
        } catch (ValidationException e) {
            var problem = e.problems().get(0);
            fieldNamed("value").showProblem(I18n.get(problem.messageKey(), problem.arguments().toArray()));
        }
    }
}
