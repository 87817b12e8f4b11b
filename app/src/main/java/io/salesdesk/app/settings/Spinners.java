package io.salesdesk.app.settings;

import javafx.scene.control.Spinner;

/** Editable number spinners whose typed text counts even when Save is clicked straight after typing. */
final class Spinners {

    private Spinners() {
    }

    static Spinner<Integer> whole(String id, int min, int max, int value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value);
        return setUp(spinner, id, 110);
    }

    static Spinner<Double> decimal(String id, double min, double max, double value, double step) {
        Spinner<Double> spinner = new Spinner<>(min, max, value, step);
        return setUp(spinner, id, 110);
    }

    /** The value, after taking over what was typed; typing that is not a number is dropped. */
    static <T> T value(Spinner<T> spinner) {
        try {
            T typed = spinner.getValueFactory().getConverter().fromString(spinner.getEditor().getText());
            if (typed != null) {
                spinner.getValueFactory().setValue(typed);
            }
        } catch (RuntimeException notANumber) {
            spinner.getEditor().setText(spinner.getValueFactory().getConverter().toString(spinner.getValue()));
        }
        return spinner.getValue();
    }

    private static <T> Spinner<T> setUp(Spinner<T> spinner, String id, double width) {
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(width);
        spinner.getEditor().setPrefColumnCount(5);
        return spinner;
    }
}
