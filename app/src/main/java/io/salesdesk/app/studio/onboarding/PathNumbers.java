package io.salesdesk.app.studio.onboarding;

/** Whole numbers typed into the path editor: days and pass scores. */
final class PathNumbers {

    private PathNumbers() {
    }

    /** The number typed, or null when the text is empty or no whole number. */
    static Integer parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
