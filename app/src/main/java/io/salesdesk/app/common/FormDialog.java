package io.salesdesk.app.common;

import java.util.HashMap;
import java.util.Map;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;

/**
 * A dialog with a form and Save / Cancel, that stays open while saving fails: problems are shown at
 * their fields (by field name, as {@link ValidationException#problems()} names them), anything else
 * in a line above the buttons.
 *
 * @param <R> what a successful save returns
 */
public abstract class FormDialog<R> extends Dialog<R> {

    private static final Logger LOG = LoggerFactory.getLogger(FormDialog.class);

    protected final ButtonType saveType = new ButtonType(I18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
    private final Map<String, FormField> fields = new HashMap<>();
    private final Label generalProblem = new Label();
    private final VBox body = new VBox(12);

    protected FormDialog(String title, String saveButtonId) {
        setTitle(title);
        setHeaderText(null);
        initModality(Modality.APPLICATION_MODAL);
        getDialogPane().getButtonTypes().setAll(saveType, new ButtonType(I18n.get("action.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().getStyleClass().add("form-dialog");
        Stylesheets.addTo(getDialogPane());
        Button save = (Button) getDialogPane().lookupButton(saveType);
        save.setId(saveButtonId);
        save.getStyleClass().add(Styles.ACCENT);
        save.addEventFilter(ActionEvent.ACTION, event -> {
            // The dialog closes only when the save succeeded.
            event.consume();
            clearProblems();
            save();
        });
        generalProblem.getStyleClass().addAll(Styles.DANGER, "general-problem");
        generalProblem.setWrapText(true);
        // Wraps to as many lines as it needs instead of ending in "…" on one.
        generalProblem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        generalProblem.setManaged(false);
        generalProblem.setVisible(false);
        body.getChildren().add(generalProblem);
        getDialogPane().setContent(body);
        setResultConverter(button -> null);
        // A dialog centred on its owner while still growing can open with its title bar above the screen.
        addEventHandler(javafx.scene.control.DialogEvent.DIALOG_SHOWN, e -> Platform.runLater(this::keepOnScreen));
    }

    /** Moves (and if need be shortens) the dialog so all of it is on the screen it opened on. */
    private void keepOnScreen() {
        if (!isShowing() || Double.isNaN(getY())) {
            return;
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(getX(), getY(),
                        Math.max(1, getWidth()), Math.max(1, getHeight())).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        if (getHeight() > screen.getHeight()) {
            setHeight(screen.getHeight());
        }
        if (getY() + getHeight() > screen.getMaxY()) {
            setY(screen.getMaxY() - getHeight());
        }
        if (getY() < screen.getMinY()) {
            setY(screen.getMinY());
        }
    }

    /** Puts the form above the general problem line. */
    protected void setForm(Node form) {
        body.getChildren().add(0, form);
    }

    /** Registers a field under the domain's field name, so problems reach it. */
    protected FormField field(String name, String label, Node control) {
        FormField field = new FormField(label, control);
        fields.put(name, field);
        // A message appearing under a field makes the form taller: grow the window with it.
        field.problemLabel().visibleProperty().addListener((obs, was, now) -> fitWindow());
        return field;
    }

    protected FormField fieldNamed(String name) {
        return fields.get(name);
    }

    /** Validates (optionally) and calls the service; on success call {@link #finish(Object)}. */
    protected abstract void save();

    protected void finish(R result) {
        setResult(result);
        close();
    }

    protected void clearProblems() {
        fields.values().forEach(FormField::clearProblem);
        generalProblem.setManaged(false);
        generalProblem.setVisible(false);
    }

    /** Shows what a failed save says: at the fields where it can, otherwise above the buttons. */
    protected void showFailure(Throwable error) {
        if (error instanceof ValidationException validation) {
            LOG.info("Form refused: {}", validation.problems());
            StringBuilder unplaced = new StringBuilder();
            for (ValidationException.FieldProblem problem : validation.problems()) {
                String text = I18n.get(problem.messageKey(), problem.arguments().toArray());
                FormField field = fields.get(problem.field());
                if (field != null) {
                    field.showProblem(text);
                } else {
                    unplaced.append(unplaced.length() == 0 ? "" : "\n").append(text);
                }
            }
            if (unplaced.length() > 0) {
                showGeneralProblem(unplaced.toString());
            }
        } else if (error instanceof SalesDeskException) {
            LOG.warn("Save refused: {}", error.getMessage());
            showGeneralProblem(I18n.message(error));
        } else {
            ErrorDialogs.show(error);
        }
    }

    protected void showGeneralProblem(String text) {
        generalProblem.setText(text);
        generalProblem.setManaged(true);
        generalProblem.setVisible(true);
        fitWindow();
    }

    /** Grows or shrinks the dialog to its content (a problem shown, rows added). */
    protected void fitWindow() {
        Platform.runLater(() -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
                keepOnScreen();
            }
        });
    }

    protected static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        return grid;
    }

    protected static String text(javafx.scene.control.TextInputControl control) {
        String value = control.getText();
        return value == null || value.isBlank() ? null : value.trim();
    }
}
