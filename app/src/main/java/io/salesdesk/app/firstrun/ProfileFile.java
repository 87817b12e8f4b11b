package io.salesdesk.app.firstrun;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;

/**
 * {@code --profile-file FILE}, for IT deploying SalesDesk: a connection profile and the language in a
 * JSON or properties file, set up silently on first start, so nobody is asked where the database is.
 * The password is never in the file: {@code passwordEnv} names the environment variable that holds it.
 * Fields: {@code name, kind (EMBEDDED|HSQLDB_SERVER|POSTGRESQL), host, port, database, user, passwordEnv,
 * dataDir, language (zh|en)}. A profile of that name already there (a later start) is left as the user
 * has it, and so is the language.
 */
public final class ProfileFile {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileFile.class);

    private final Map<String, String> fields;

    private ProfileFile(Map<String, String> fields) {
        this.fields = fields;
    }

    /** Reads the file: JSON when it starts with '{', else Java properties (UTF-8). */
    @SuppressWarnings("unchecked")
    public static ProfileFile read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            Map<String, String> fields = new java.util.HashMap<>();
            if (text.startsWith("{")) {
                new ObjectMapper().readValue(text, Map.class)
                        .forEach((key, value) -> fields.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
            } else {
                Properties properties = new Properties();
                try (Reader reader = new java.io.StringReader(text)) {
                    properties.load(reader);
                }
                properties.forEach((key, value) -> fields.put(String.valueOf(key), String.valueOf(value).strip()));
            }
            return new ProfileFile(fields);
        } catch (IOException e) {
            throw new SalesDeskException("firstrun.profileFile.unreadable", file, e.getMessage());
        }
    }

    /**
     * Saves the profile (marked to start with) and the language, unless a profile of that name exists.
     *
     * @return whether anything was set up
     * @throws SalesDeskException when a field is missing or wrong, or the password's variable is not set
     */
    public boolean apply(ConnectionProfiles profiles, AppearancePreferences appearance, Map<String, String> env) {
        String name = field("name").orElse("SalesDesk");
        if (profiles.find(name).isPresent()) {
            return false;
        }
        ConnectionProfile.Kind kind;
        try {
            kind = ConnectionProfile.Kind.valueOf(field("kind").orElse("POSTGRESQL").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SalesDeskException("firstrun.profileFile.kind", field("kind").orElse(""));
        }
        boolean embedded = kind == ConnectionProfile.Kind.EMBEDDED;
        int port = field("port").map(ProfileFile::port).orElse(kind.defaultPort());
        ConnectionProfile profile = new ConnectionProfile(name, kind, field("dataDir").orElse(null),
                embedded ? null : field("host").orElse(null), embedded ? 0 : port,
                embedded ? null : field("database").orElse("salesdesk"), embedded ? null : field("user").orElse(null));
        String password = null;
        Optional<String> passwordEnv = field("passwordEnv");
        if (!embedded && passwordEnv.isPresent()) {
            password = env.get(passwordEnv.get());
            if (password == null) {
                throw new SalesDeskException("error.server.passwordEnv", passwordEnv.get());
            }
        }
        if (field("password").isPresent()) {
            // Never kept: a password in a file copied to every desk is no secret.
            LOG.warn("The profile file holds a password; it is ignored. Name an environment variable in passwordEnv.");
        }
        profiles.save(profile, password);
        profiles.setStartWith(name);
        field("language").ifPresent(language -> appearance.setLanguage(
                AppearancePreferences.Language.forLocale(Locale.forLanguageTag(language))));
        LOG.info("Profile file: set up the connection profile {} ({})", name, profile.target());
        return true;
    }

    private Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(key)).filter(v -> !v.isBlank());
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new SalesDeskException("firstrun.profileFile.port", value);
        }
    }
}
