package io.salesdesk.app.sync;

import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.profile.ConnectionProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Whether the hub answers at all, cheaply and quickly: a TCP connection to a server's port, or an
 * existing workspace in an embedded hub's folder. Used before every sync and, while offline, to
 * notice the line is back; the JDBC drivers would wait far longer before giving up.
 */
public final class HubProbe {

    /** How long a probe waits for a server. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HubProbe() {
    }

    public static boolean reachable(ConnectionProfile hub) {
        if (hub.kind() == ConnectionProfile.Kind.EMBEDDED) {
            return hubFolderExists(Path.of(hub.dataDir()));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hub.host(), hub.port()), (int) TIMEOUT.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** For a hub given by URL: embedded folders are checked, servers are left to the driver. */
    public static boolean reachable(DatabaseConfig hub) {
        return hub.mode() != DatabaseConfig.Mode.EMBEDDED || hubFolderExists(hub.dataDir());
    }

    // Opening a missing folder would create an empty database and call it the hub.
    private static boolean hubFolderExists(Path dataDir) {
        return dataDir != null && Files.isDirectory(dataDir.resolve("db"));
    }
}
