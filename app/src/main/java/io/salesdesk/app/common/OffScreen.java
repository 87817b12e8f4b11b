package io.salesdesk.app.common;

import javafx.scene.Node;

/**
 * Retires what a node keeps running (a refresh timer, an open pop-over) once the node leaves the screen:
 * taken out of its scene, or its scene taken off its window (the window reloaded its navigation, or a
 * new scene replaced it). A timer left running would keep reading a workspace that may be closed.
 */
public final class OffScreen {

    private OffScreen() {
    }

    public static void retireWhenGone(Node node, Runnable retire) {
        node.sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                retire.run();
            } else {
                now.windowProperty().addListener((o, before, window) -> {
                    if (window == null) {
                        retire.run();
                    }
                });
            }
        });
    }
}
