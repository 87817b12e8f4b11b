package io.salesdesk.app.map;

/**
 * Takes the map tests offline: every HTTP(S) request goes through a proxy on a closed local port
 * and fails at once, as on a branch office's laptop without a line. {@link #restore} puts the
 * JVM's proxy settings back for the tests that run after.
 */
final class OfflineNetwork {

    private static final String[] PROXY_PROPERTIES = {"http.proxyHost", "http.proxyPort", "https.proxyHost",
        "https.proxyPort"};
    private static final String[] saved = new String[PROXY_PROPERTIES.length];

    private OfflineNetwork() {
    }

    static void cutOff() {
        for (int i = 0; i < PROXY_PROPERTIES.length; i++) {
            saved[i] = System.getProperty(PROXY_PROPERTIES[i]);
            System.setProperty(PROXY_PROPERTIES[i], i % 2 == 0 ? "127.0.0.1" : "9");
        }
    }

    static void restore() {
        for (int i = 0; i < PROXY_PROPERTIES.length; i++) {
            if (saved[i] == null) {
                System.clearProperty(PROXY_PROPERTIES[i]);
            } else {
                System.setProperty(PROXY_PROPERTIES[i], saved[i]);
            }
        }
    }
}
