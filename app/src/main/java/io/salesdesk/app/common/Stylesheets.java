package io.salesdesk.app.common;

import java.util.Objects;

import javafx.scene.Parent;

/** The app's own stylesheet, added to the main scene and to every dialog (each has its own scene). */
public final class Stylesheets {

    public static final String APP = Objects.requireNonNull(
            Stylesheets.class.getResource("/io/salesdesk/app/salesdesk.css"), "salesdesk.css").toExternalForm();

    private Stylesheets() {
    }

    public static void addTo(Parent parent) {
        if (!parent.getStylesheets().contains(APP)) {
            parent.getStylesheets().add(APP);
        }
    }
}
