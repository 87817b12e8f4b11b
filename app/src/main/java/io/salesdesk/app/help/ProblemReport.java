package io.salesdesk.app.help;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.salesdesk.app.cli.VersionProvider;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;

/**
 * The zip "report a problem" saves for support: the latest log files, facts about this installation
 * (versions, OS, schema, rows per table) and the appearance settings. It holds no customer data and
 * no passwords: the database's URL loses its parameters, and in the logs every run of Chinese
 * characters (the logs are written in English, so Chinese text in them is data: a name, an address),
 * every e-mail address and every phone number is replaced by a mark.
 */
public final class ProblemReport {

    /** How many of the newest log files go in: the current one and the days before. */
    static final int LOG_FILES = 4;
    static final String REDACTED = "[…]";
    private static final Pattern PRIVATE = Pattern.compile(
            "[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]+"         // Chinese text: names, addresses
            + "|[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"                   // e-mail addresses
            + "|(?<!\\d)(\\+?86[- ]?)?1\\d{2}[- ]?\\d{4}[- ]?\\d{4}(?!\\d)"  // mobile numbers
            + "|(?<!\\d)0\\d{2,3}-\\d{7,8}(?!\\d)");             // landlines

    private final Path logFolder;
    private final Database database;
    private final Map<String, String> settings;

    /**
     * @param database the open workspace, or {@code null} when it never opened (the report then has
     *                 no schema or row counts)
     * @param settings settings safe to share (language, theme), name to value
     */
    public ProblemReport(Path logFolder, Database database, Map<String, String> settings) {
        this.logFolder = logFolder;
        this.database = database;
        this.settings = settings;
    }

    /** Writes the zip. */
    public void writeTo(Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            put(entries, "facts.txt", facts());
            put(entries, "settings.txt", lines(settings));
            for (Path log : newestLogs()) {
                entries.putNextEntry(new ZipEntry("logs/" + log.getFileName()));
                Writer writer = new java.io.OutputStreamWriter(entries, StandardCharsets.UTF_8);
                try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        writer.write(redact(line));
                        writer.write('\n');
                    }
                } catch (java.nio.charset.MalformedInputException e) {
                    writer.write("(not readable as UTF-8)\n");
                }
                writer.flush();
                entries.closeEntry();
            }
        }
    }

    /** A log line with its customer data and contact details replaced by {@value #REDACTED}. */
    static String redact(String line) {
        return PRIVATE.matcher(line).replaceAll(REDACTED);
    }

    private String facts() {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("version", new VersionProvider().getVersion()[0]);
        facts.put("created", Instant.now().toString());
        facts.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        facts.put("javafx", System.getProperty("javafx.runtime.version", "?"));
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        facts.put("locale", java.util.Locale.getDefault().toString());
        facts.put("memory", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB max, "
                + Runtime.getRuntime().availableProcessors() + " CPUs");
        facts.put("uptime", ManagementFactory.getRuntimeMXBean().getUptime() / 1000 + " s");
        facts.put("logs", logFolder.toString());
        if (database == null) {
            facts.put("database", "not open");
        } else {
            DatabaseConfig config = database.config();
            facts.put("database", config.mode().name());
            // Only the kind of database: host names and users stay out of the report.
            facts.put("databaseProduct", config.url().replaceAll("^jdbc:(\\w+):.*$", "$1"));
            facts.put("schemaVersion", database.schemaVersion());
            database.rowCounts().forEach((table, count) -> facts.put("rows." + table, String.valueOf(count)));
        }
        return lines(facts);
    }

    private List<Path> newestLogs() throws IOException {
        if (!Files.isDirectory(logFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logFolder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .sorted(Comparator.comparing(ProblemReport::modified).reversed())
                    .limit(LOG_FILES).toList();
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lines(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
        return text.toString();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
