package io.salesdesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

class MigrationFilesTest {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9_.]+)__.*\\.sql");

    @Test
    void schemaVersionConstantNamesTheNewestMigrationFile() throws IOException {
        Path migrations = Paths.get("src/main/resources/db/migration");
        MigrationVersion newest;
        try (Stream<Path> files = Files.walk(migrations)) {
            newest = files.map(p -> VERSIONED.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        }
        assertThat(Database.SCHEMA_VERSION)
                .as("a new migration needs Database.SCHEMA_VERSION raised, or start-up would skip it")
                .isEqualTo(newest.getVersion());
    }
}
