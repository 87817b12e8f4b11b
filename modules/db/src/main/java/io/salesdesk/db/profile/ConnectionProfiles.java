package io.salesdesk.db.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.DatabaseConfig;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The connection profiles of this user on this machine, in {@code profiles.json} in the user's config
 * folder, passwords sealed by {@link SecretBox}. One profile may be marked to start with: the app opens
 * it when no data folder, URL or profile is named on the command line.
 */
public final class ConnectionProfiles {

    static final String FILE_NAME = "profiles.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    public ConnectionProfiles(Path dir) {
        this.dir = dir;
    }

    /**
     * The user's config folder: the system property {@code salesdesk.config.dir}, else {@code SALESDESK_CONFIG},
     * else the OS convention ({@code %APPDATA%\SalesDesk}, {@code ~/Library/Application Support/SalesDesk},
     * {@code $XDG_CONFIG_HOME/salesdesk}).
     */
    public static Path defaultDir(Map<String, String> env) {
        String property = System.getProperty("salesdesk.config.dir");
        if (property != null && !property.isBlank()) {
            return Paths.get(property);
        }
        String explicit = env.get("SALESDESK_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Paths.get(explicit);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            return Paths.get(env.getOrDefault("APPDATA", home), "SalesDesk");
        }
        if (os.contains("mac")) {
            return Paths.get(home, "Library", "Application Support", "SalesDesk");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg == null || xdg.isBlank() ? Paths.get(home, ".config") : Paths.get(xdg)).resolve("salesdesk");
    }

    /** Every profile, by name. */
    public List<ConnectionProfile> all() {
        return read().profiles().stream().map(Stored::profile)
                .sorted(Comparator.comparing(ConnectionProfile::name)).toList();
    }

    public Optional<ConnectionProfile> find(String name) {
        return read().profiles().stream().filter(p -> p.name().equals(name)).map(Stored::profile).findFirst();
    }

    /**
     * Adds or replaces the profile of that name.
     *
     * @param password the server password to keep sealed; {@code null} keeps the one stored before
     * @throws SalesDeskException naming the first missing or wrong field
     */
    public synchronized void save(ConnectionProfile profile, String password) {
        check(profile);
        File file = read();
        String sealed = password == null
                ? file.profiles().stream().filter(p -> p.name().equals(profile.name())).map(Stored::password)
                        .findFirst().orElse(null)
                : SecretBox.in(dir).seal(profile.name(), password);
        List<Stored> profiles = new ArrayList<>(file.profiles());
        profiles.removeIf(p -> p.name().equals(profile.name()));
        profiles.add(Stored.of(profile, sealed));
        write(new File(file.startWith(), profiles));
    }

    private static void check(ConnectionProfile p) {
        if (p.name() == null || p.name().isBlank()) {
            throw new SalesDeskException("error.profile.name");
        }
        if (p.kind() == ConnectionProfile.Kind.EMBEDDED) {
            if (p.dataDir() == null || p.dataDir().isBlank()) {
                throw new SalesDeskException("error.profile.dataDir", p.name());
            }
        } else if (p.host() == null || p.host().isBlank() || p.database() == null || p.database().isBlank()
                || p.user() == null || p.user().isBlank() || p.port() < 1 || p.port() > 65535) {
            throw new SalesDeskException("error.profile.server", p.name());
        }
    }

    /** Removes the profile; whether there was one. */
    public synchronized boolean remove(String name) {
        File file = read();
        List<Stored> profiles = new ArrayList<>(file.profiles());
        boolean removed = profiles.removeIf(p -> p.name().equals(name));
        write(new File(name.equals(file.startWith()) ? null : file.startWith(), profiles));
        return removed;
    }

    /** The profile the app opens when the command line names none. */
    public Optional<String> startWith() {
        return Optional.ofNullable(read().startWith());
    }

    /** Marks the profile to start with next time; {@code null}: start with the default data folder. */
    public synchronized void setStartWith(String name) {
        File file = read();
        if (name != null && file.profiles().stream().noneMatch(p -> p.name().equals(name))) {
            throw new SalesDeskException("error.profile.unknown", name);
        }
        write(new File(name, file.profiles()));
    }

    /** How to open the named profile's database, its password unsealed. */
    public DatabaseConfig config(String name) {
        Stored stored = read().profiles().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new SalesDeskException("error.profile.unknown", name));
        String password = stored.password() == null ? null : SecretBox.in(dir).open(name, stored.password());
        return stored.profile().config(password);
    }

    private File read() {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new File(null, List.of());
        }
        try {
            File read = JSON.readValue(file.toFile(), File.class);
            return new File(read.startWith(), read.profiles() == null ? List.of() : read.profiles());
        } catch (IOException e) {
            throw new SalesDeskException(e, "error.profile.file", file, e.getMessage());
        }
    }

    private void write(File content) {
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
            Path fresh = Files.createTempFile(dir, FILE_NAME, ".new");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
            }
            JSON.writeValue(fresh.toFile(), content);
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new SalesDeskException(e, "error.profile.file", file, e.getMessage());
        }
    }

    /** The file's content. */
    record File(String startWith, List<Stored> profiles) {
    }

    /** A profile as stored, with its sealed password. */
    record Stored(String name, ConnectionProfile.Kind kind, String dataDir, String host, int port, String database,
                  String user, String password) {

        static Stored of(ConnectionProfile p, String sealedPassword) {
            return new Stored(p.name(), p.kind(), p.dataDir(), p.host(), p.port(), p.database(), p.user(),
                    sealedPassword);
        }

        ConnectionProfile profile() {
            return new ConnectionProfile(name, kind, dataDir, host, port, database, user);
        }
    }
}
