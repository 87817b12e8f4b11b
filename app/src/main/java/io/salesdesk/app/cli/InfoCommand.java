package io.salesdesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code salesdesk info}: database mode, schema version and live rows per table, as JSON. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the database mode, schema version and row counts per table as JSON.")
public final class InfoCommand implements Callable<Integer> {

    @ParentCommand
    SalesDeskCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DatabaseConfig config = root.databaseConfig();
        try (Database db = Database.open(config)) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("mode", config.mode().name());
            info.put("url", config.url().replaceAll(";.*$", ""));
            info.put("dataDir", config.dataDir() == null ? null : config.dataDir().toString());
            info.put("schemaVersion", db.schemaVersion());
            info.put("rowCounts", db.rowCounts());
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(info));
        }
        return 0;
    }
}
