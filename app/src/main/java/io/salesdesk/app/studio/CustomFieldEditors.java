package io.salesdesk.app.studio;

import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.crm.User;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The controls of an entity's custom fields in a form, one per field in the fields' order, each as a
 * form field named {@code custom.KEY} so a refused value is shown at its control. Reads and writes the
 * values as the canonical text {@link io.salesdesk.studio.field.CustomFieldService} takes.
 */
public final class CustomFieldEditors {

    /** How a form dialog wraps a control with its label and problem line. */
    @FunctionalInterface
    public interface FieldMaker {
        FormField field(String name, String label, Node control);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final Clock clock;
    private final List<CustomField> fields;
    private final Map<CustomField, Editor> editors = new LinkedHashMap<>();
    private final List<FormField> formFields = new ArrayList<>();

    private interface Editor {
        Node control();

        String value();

        void show(String value);
    }

    public CustomFieldEditors(List<CustomField> fields, List<User> users, Clock clock, FieldMaker maker) {
        this.clock = clock;
        this.fields = List.copyOf(fields);
        for (CustomField field : fields) {
            Editor editor = editor(field, users);
            if (field.helpText() != null) {
                Tooltip.install(editor.control(), new Tooltip(field.helpText()));
            }
            editor.control().setId("custom-" + field.key());
            editors.put(field, editor);
            String label = field.required() ? field.label() + " *" : field.label();
            formFields.add(maker.field("custom." + field.key(), label, editor.control()));
        }
    }

    /** The form fields to lay out, in the fields' order. */
    public List<FormField> formFields() {
        return List.copyOf(formFields);
    }

    public boolean isEmpty() {
        return editors.isEmpty();
    }

    /** Whether the i-th field's control wants a whole row (long text, several choices). */
    public boolean wide(int i) {
        FieldType type = fields.get(i).type();
        return type == FieldType.LONG_TEXT || type == FieldType.MULTI_CHOICE;
    }

    /** Shows values (canonical text by key); keys without a value leave their control empty. */
    public void show(Map<String, String> values) {
        editors.forEach((field, editor) -> editor.show(values.get(field.key())));
    }

    /** The values in the controls, by key; an empty control gives an empty text (which clears the value). */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        editors.forEach((field, editor) -> values.put(field.key(), editor.value()));
        return values;
    }

    private Editor editor(CustomField field, List<User> users) {
        return switch (field.type()) {
            case LONG_TEXT -> text(new TextArea(), field);
            case DATE -> date();
            case DATE_TIME -> dateTime();
            case SINGLE_CHOICE -> choice(field);
            case MULTI_CHOICE -> choices(field);
            case USER -> user(users);
            case CHECKBOX -> checkbox();
            default -> text(new TextField(), field);
        };
    }

    private static Editor text(javafx.scene.control.TextInputControl input, CustomField field) {
        if (input instanceof TextArea area) {
            area.setPrefRowCount(3);
            area.setWrapText(true);
        }
        input.setPromptText(switch (field.type()) {
            case NUMBER -> I18n.get("studio.editor.number");
            case MONEY -> I18n.get("studio.editor.money");
            case REGION -> I18n.get("studio.editor.region");
            case LINK -> "https://";
            default -> field.helpText() == null ? "" : field.helpText();
        });
        return new Editor() {
            public Node control() {
                return input;
            }

            public String value() {
                return input.getText() == null ? "" : input.getText();
            }

            public void show(String value) {
                input.setText(value == null ? "" : value);
            }
        };
    }

    private static Editor date() {
        DatePicker picker = new DatePicker();
        picker.setMaxWidth(Double.MAX_VALUE);
        return new Editor() {
            public Node control() {
                return picker;
            }

            public String value() {
                return picker.getValue() == null ? "" : picker.getValue().toString();
            }

            public void show(String value) {
                picker.setValue(value == null ? null : LocalDate.parse(value));
            }
        };
    }

    /** A date and an HH:mm time in the workspace's zone; a time that cannot be read is sent as typed and refused. */
    private Editor dateTime() {
        DatePicker picker = new DatePicker();
        TextField time = new TextField();
        time.setPromptText("09:30");
        time.setPrefColumnCount(5);
        HBox box = new HBox(8, picker, time);
        HBox.setHgrow(picker, Priority.ALWAYS);
        return new Editor() {
            public Node control() {
                return box;
            }

            public String value() {
                if (picker.getValue() == null) {
                    return "";
                }
                String typed = time.getText() == null || time.getText().isBlank() ? "0:00" : time.getText().strip();
                try {
                    return picker.getValue().atTime(LocalTime.parse(typed, TIME)).atZone(clock.getZone())
                            .toOffsetDateTime().toString();
                } catch (DateTimeParseException e) {
                    return picker.getValue() + " " + typed;
                }
            }

            public void show(String value) {
                if (value == null) {
                    picker.setValue(null);
                    time.setText("");
                    return;
                }
                var local = OffsetDateTime.parse(value).atZoneSameInstant(clock.getZone());
                picker.setValue(local.toLocalDate());
                time.setText(DateTimeFormatter.ofPattern("HH:mm").format(local));
            }
        };
    }

    private static Editor choice(CustomField field) {
        ComboBox<String> box = Pickers.optional(FXCollections.observableArrayList(field.choices()), c -> c,
                I18n.get("studio.editor.none"));
        box.setMaxWidth(Double.MAX_VALUE);
        return new Editor() {
            public Node control() {
                return box;
            }

            public String value() {
                return box.getValue() == null ? "" : box.getValue();
            }

            public void show(String value) {
                box.setValue(value);
            }
        };
    }

    private static Editor choices(CustomField field) {
        FlowPane pane = new FlowPane(12, 6);
        List<CheckBox> boxes = field.choices().stream().map(CheckBox::new).toList();
        pane.getChildren().setAll(boxes);
        return new Editor() {
            public Node control() {
                return pane;
            }

            public String value() {
                return String.join("\n", boxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList());
            }

            public void show(String value) {
                List<String> picked = value == null ? List.of() : List.of(value.split("\n"));
                boxes.forEach(b -> b.setSelected(picked.contains(b.getText())));
            }
        };
    }

    private static Editor user(List<User> users) {
        ComboBox<User> box = Pickers.optional(FXCollections.observableArrayList(users), User::displayName,
                I18n.get("studio.editor.none"));
        box.setMaxWidth(Double.MAX_VALUE);
        return new Editor() {
            public Node control() {
                return box;
            }

            public String value() {
                return box.getValue() == null ? "" : box.getValue().id().toString();
            }

            public void show(String value) {
                box.setValue(value == null ? null : users.stream().filter(u -> u.id().equals(UUID.fromString(value)))
                        .findFirst().orElse(null));
            }
        };
    }

    private static Editor checkbox() {
        CheckBox box = new CheckBox(I18n.get("studio.editor.yes"));
        return new Editor() {
            public Node control() {
                return box;
            }

            public String value() {
                return Boolean.toString(box.isSelected());
            }

            public void show(String value) {
                box.setSelected("true".equals(value));
            }
        };
    }

    /** The label of a value for reading (detail panes): choices as "A、B", users by name, checkboxes 是/否. */
    public static String display(CustomField field, String value, List<User> users, Clock clock) {
        if (value == null) {
            return "";
        }
        return switch (field.type()) {
            case MULTI_CHOICE -> String.join("、", value.split("\n"));
            case CHECKBOX -> "true".equals(value) ? I18n.get("studio.editor.yes") : I18n.get("studio.editor.no");
            case USER -> users.stream().filter(u -> u.id().toString().equals(value)).map(User::displayName)
                    .findFirst().orElse(value);
            case DATE_TIME -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(OffsetDateTime.parse(value).atZoneSameInstant(clock.getZone()));
            default -> value;
        };
    }
}
