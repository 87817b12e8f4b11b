package io.salesdesk.app.cli;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.imports.ExportTarget;
import io.salesdesk.ledger.imports.ImportMonitor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code salesdesk export --entity E --out FILE.xlsx}: a list (customers, their contacts,
 * follow-ups or opportunities, the team roster) as an Excel ledger that can be edited and imported back.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export customers, contacts, activities, opportunities or users to an .xlsx ledger that can be edited in Excel and imported back.")
public final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    SalesDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--entity", defaultValue = "customers", paramLabel = "ENTITY",
            description = "What to export: customers, contacts, activities, opportunities or users (default ${DEFAULT-VALUE}). "
                    + "The filters below select customers; contacts, activities and opportunities are those of the selected customers.")
    String entity;

    @Option(names = "--tier", paramLabel = "A|B|C|D", description = "Only this tier.")
    Tier tier;

    @Option(names = "--region", paramLabel = "CODE", description = "Only this GB/T 2260 code prefix: 32 Jiangsu, 3205 Suzhou.")
    String region;

    @Option(names = "--owner", paramLabel = "USERNAME", description = "Only customers of this owner.")
    String owner;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only customers whose name, phone or credit code contains TEXT.")
    String search;

    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "The file to write.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter print = spec.commandLine().getOut();
        try (Database db = Database.open(root.databaseConfig())) {
            Clock clock = Clock.systemUTC();
            UserService users = new UserService(db, clock);
            // An unknown --entity is refused, naming the exportable ones, before anything is read.
            ExportTarget target = ImportCommand.entities(db, clock, users).exportTarget(entity);
            Actor actor = ImportCommand.actor(db, clock, root.username, root.passwordEnv);
            CustomerQuery query = CustomerQuery.all().withTier(tier).withRegionPrefix(region)
                    .withText(search == null ? "" : search);
            if (owner != null) {
                User user = users.byUsername(owner).orElseThrow(() -> new SalesDeskException("cli.noSuchUser", owner));
                query = query.withOwner(user.id());
            }
            long started = System.nanoTime();
            int rows = target.export(actor, query, out, ImportMonitor.NONE);
            print.println(I18n.get("cli.export.done", rows, out.toAbsolutePath().toString(),
                    String.format("%.1f", (System.nanoTime() - started) / 1e9),
                    I18n.isChinese() ? target.entity().labelZh() : target.entity().labelEn()));
        }
        return 0;
    }
}
