package io.salesdesk.app.firstrun;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;

/**
 * {@code --profile-file FILE}, for IT deploying SalesDesk: a connection profile and the language in a
 * JSON or properties file, set up silently on first start, so nobody is asked where the database is.
 * The password is never in the file: {@code passwordEnv} names the environment variable that holds it.
 * Fields: {@code name, kind (EMBEDDED|HSQLDB_SERVER|POSTGRESQL), host, port, database, user, passwordEnv,
 * dataDir, language (zh|en)}. A profile of that name already there (a later start) is left as the user
 * has it, and so is the language. Every refusal names the file and, where it can, the line and field.
 */
public final class ProfileFile {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileFile.class);
    /** What a file may hold; {@code password} only to be refused politely (it is ignored). */
    private static final Set<String> FIELDS = Set.of("name", "kind", "host", "port", "database", "user",
            "passwordEnv", "dataDir", "language", "password");

    private final Path file;
    private final Map<String, String> fields;
    private final Map<String, Integer> lines;

    private ProfileFile(Path file, Map<String, String> fields, Map<String, Integer> lines) {
        this.file = file;
        this.fields = fields;
        this.lines = lines;
        fields.keySet().stream().filter(key -> !FIELDS.contains(key)).findFirst().ifPresent(key -> {
            throw fieldError(key, I18n.get("firstrun.profileFile.unknownField", key));
        });
    }

    /** Reads the file: JSON when it starts with '{', else Java properties (UTF-8). */
    public static ProfileFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SalesDeskException("firstrun.profileFile.missing", file.toAbsolutePath());
        } catch (IOException e) {
            throw new SalesDeskException("firstrun.profileFile.unreadable", file, e.getMessage());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        if (text.strip().startsWith("{")) {
            readJson(file, text, fields, lines);
        } else {
            readProperties(file, text, fields, lines);
        }
        return new ProfileFile(file, fields, lines);
    }

    /** One flat object of plain values; each field's line kept for the messages. */
    private static void readJson(Path file, String text, Map<String, String> fields, Map<String, Integer> lines) {
        try (JsonParser json = new JsonFactory().createParser(text)) {
            json.nextToken();
            JsonToken token;
            while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                int line = json.currentTokenLocation().getLineNr();
                lines.put(key, line);
                JsonToken value = json.nextToken();
                if (value.isStructStart()) {
                    throw new SalesDeskException("firstrun.profileFile.field", file, line, key,
                            I18n.get("firstrun.profileFile.plainValue"));
                }
                fields.put(key, value == JsonToken.VALUE_NULL ? null : json.getText());
            }
            if (token != JsonToken.END_OBJECT) {
                throw new SalesDeskException("firstrun.profileFile.json", file, json.currentTokenLocation().getLineNr(),
                        json.currentTokenLocation().getColumnNr());
            }
        } catch (JsonProcessingException e) {
            throw new SalesDeskException("firstrun.profileFile.json", file, e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new SalesDeskException("firstrun.profileFile.unreadable", file, e.getMessage());
        }
    }

    private static void readProperties(Path file, String text, Map<String, String> fields,
                                       Map<String, Integer> lines) {
        Properties properties = new Properties();
        try (Reader reader = new java.io.StringReader(text)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SalesDeskException("firstrun.profileFile.unreadable", file, e.getMessage());
        }
        properties.forEach((key, value) -> fields.put(String.valueOf(key), String.valueOf(value).strip()));
        // The line a key is on, for the messages (Properties keeps none): the first line it starts.
        String[] textLines = text.split("\\R", -1);
        for (int i = 0; i < textLines.length; i++) {
            String line = textLines[i].stripLeading();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            String key = line.split("[=:\\s]", 2)[0];
            lines.putIfAbsent(key, i + 1);
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
            throw fieldError("kind", I18n.get("firstrun.profileFile.kind", field("kind").orElse("")));
        }
        Optional<AppearancePreferences.Language> language = field("language").map(this::language);
        boolean embedded = kind == ConnectionProfile.Kind.EMBEDDED;
        int port = field("port").map(this::port).orElse(kind.defaultPort());
        ConnectionProfile profile = new ConnectionProfile(name, kind, field("dataDir").orElse(null),
                embedded ? null : field("host").orElse(null), embedded ? 0 : port,
                embedded ? null : field("database").orElse("salesdesk"), embedded ? null : field("user").orElse(null));
        String password = null;
        Optional<String> passwordEnv = field("passwordEnv");
        if (!embedded && passwordEnv.isPresent()) {
            password = env.get(passwordEnv.get());
            if (password == null) {
                throw new SalesDeskException("firstrun.profileFile.passwordEnv", file,
                        lines.getOrDefault("passwordEnv", 0), passwordEnv.get());
            }
        }
        if (field("password").isPresent()) {
            // Never kept: a password in a file copied to every desk is no secret.
            LOG.warn("The profile file {} holds a password; it is ignored. Name an environment variable in passwordEnv.",
                    file);
        }
        try {
            profiles.save(profile, password);
        } catch (SalesDeskException e) {
            // A field the profile needs is missing (host, user, dataDir...): said with the file's name.
            throw new SalesDeskException("firstrun.profileFile.invalid", file, I18n.message(e));
        }
        profiles.setStartWith(name);
        language.ifPresent(appearance::setLanguage);
        LOG.info("Profile file {}: set up the connection profile {} ({})", file, name, profile.target());
        return true;
    }

    private Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(key)).filter(v -> !v.isBlank());
    }

    private SalesDeskException fieldError(String key, String problem) {
        return new SalesDeskException("firstrun.profileFile.field", file, lines.getOrDefault(key, 0), key, problem);
    }

    private int port(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw fieldError("port", I18n.get("firstrun.profileFile.port", value));
        }
    }

    private AppearancePreferences.Language language(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn", "zh_cn" -> AppearancePreferences.Language.CHINESE;
            case "en", "en-us", "en_us" -> AppearancePreferences.Language.ENGLISH;
            default -> throw fieldError("language", I18n.get("firstrun.profileFile.language", value));
        };
    }
}
