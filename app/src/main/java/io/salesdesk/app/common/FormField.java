package io.salesdesk.app.common;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A form control with its label above and its problem below: the control gets a red border
 * (AtlantaFX {@code :danger}) and the message shows under it, so the user sees what to fix where.
 */
public final class FormField extends VBox {

    private static final String REQUIRED_MARK = " *";

    private final Node control;
    private final Label label;
    private final Label problem = new Label();

    public FormField(String labelText, Node control) {
        super(4);
        this.control = control;
        label = new Label(labelText);
        label.getStyleClass().add("form-label");
        label.setLabelFor(control);
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER, "field-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.setManaged(false);
        problem.setVisible(false);
        getChildren().addAll(label, control, problem);
    }

    public Node control() {
        return control;
    }

    /** The label without its required mark, to name the field in a message. */
    public String labelText() {
        String text = label.getText();
        return text.endsWith(REQUIRED_MARK) ? text.substring(0, text.length() - REQUIRED_MARK.length()) : text;
    }

    /** Shows or removes the required mark after the label. */
    public void markRequired(boolean required) {
        label.setText(labelText() + (required ? REQUIRED_MARK : ""));
    }

    public Label problemLabel() {
        return problem;
    }

    /** Shows a problem at the field, or clears it when {@code message} is null or blank. */
    public void showProblem(String message) {
        boolean has = message != null && !message.isBlank();
        control.pseudoClassStateChanged(Styles.STATE_DANGER, has);
        problem.setText(has ? message : "");
        problem.setManaged(has);
        problem.setVisible(has);
    }

    /** Shows a problem with extra nodes after the text, e.g. a link to the existing customer. */
    public void showProblem(String message, Node graphic) {
        showProblem(message);
        problem.setGraphic(graphic);
        problem.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
    }

    public void clearProblem() {
        showProblem(null);
        problem.setGraphic(null);
    }

    public boolean hasProblem() {
        return problem.isVisible();
    }
}
