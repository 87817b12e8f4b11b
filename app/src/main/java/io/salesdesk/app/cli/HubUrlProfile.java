package io.salesdesk.app.cli;

import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connection profile for a head office named by {@code sync --hub-url}, so that a replica made
 * that way remembers its hub: the window's 立即同步 and the automatic sync reach it by the profile
 * (docs/decisions.md, decisions 4 and 6) instead of asking for one. A profile already pointing at the
 * same server as the same user is reused (its sealed password replaced by the one that just worked);
 * otherwise a new one is saved, named {@code baseName} or, where that name is taken, with the host.
 */
final class HubUrlProfile {

    // jdbc:hsqldb:hsql://host[:port]/db or jdbc:postgresql://host[:port]/db, without further properties.
    private static final Pattern SERVER_URL = Pattern.compile(
            "jdbc:(hsqldb:hsql|postgresql)://([^/:;?]+)(?::(\\d{1,5}))?/([^/;?]+)");

    private HubUrlProfile() {
    }

    /**
     * @return the profile's name, or empty where the URL is not a plain server URL (a file URL, or
     *         one with properties, which a profile cannot hold): the replica then keeps asking
     */
    static Optional<String> remember(ConnectionProfiles profiles, String url, String user, String password,
                                     String baseName) {
        Matcher m = SERVER_URL.matcher(url == null ? "" : url.strip());
        if (!m.matches() || user == null || user.isBlank()) {
            return Optional.empty();
        }
        ConnectionProfile.Kind kind = m.group(1).equals("postgresql") ? ConnectionProfile.Kind.POSTGRESQL
                : ConnectionProfile.Kind.HSQLDB_SERVER;
        String host = m.group(2);
        int port = m.group(3) == null ? kind.defaultPort() : Integer.parseInt(m.group(3));
        String database = m.group(4);
        Optional<ConnectionProfile> same = profiles.all().stream()
                .filter(p -> p.kind() == kind && host.equalsIgnoreCase(p.host()) && p.port() == port
                        && database.equals(p.database()) && user.equals(p.user()))
                .findFirst();
        String name = same.map(ConnectionProfile::name).orElseGet(() -> freeName(profiles, baseName, host, port));
        profiles.save(new ConnectionProfile(name, kind, null, host, port, database, user), password);
        return Optional.of(name);
    }

    private static String freeName(ConnectionProfiles profiles, String baseName, String host, int port) {
        String name = baseName;
        for (int n = 2; profiles.find(name).isPresent(); n++) {
            name = n == 2 ? baseName + " " + host + ":" + port : baseName + " " + host + ":" + port + " (" + n + ")";
        }
        return name;
    }
}
