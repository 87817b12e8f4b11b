package io.salesdesk.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/** Combo boxes over domain values, with a readable label and an optional "all / none" entry. */
public final class Pickers {

    private Pickers() {
    }

    /** A combo box whose first entry, {@code null}, reads {@code noneText} ("全部等级", "不限"). */
    public static <T> ComboBox<T> optional(ObservableList<T> values, Function<T, String> label, String noneText) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(withNone(values)));
        box.setPromptText(noneText);
        box.setConverter(converter(label, noneText));
        box.setCellFactory(list -> cell(label, noneText));
        box.setButtonCell(cell(label, noneText));
        return box;
    }

    /** A combo box over values only. */
    public static <T> ComboBox<T> of(List<T> values, Function<T, String> label, String prompt) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setPromptText(prompt);
        box.setConverter(converter(label, ""));
        box.setCellFactory(list -> cell(label, prompt));
        box.setButtonCell(cell(label, prompt));
        return box;
    }

    public static <T> List<T> withNone(List<T> values) {
        List<T> all = new ArrayList<>(values.size() + 1);
        all.add(null);
        all.addAll(values);
        return all;
    }

    private static <T> StringConverter<T> converter(Function<T, String> label, String noneText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? noneText : label.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    private static <T> ListCell<T> cell(Function<T, String> label, String noneText) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? noneText : item == null ? noneText : label.apply(item));
            }
        };
    }
}
