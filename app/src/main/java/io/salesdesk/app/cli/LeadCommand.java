package io.salesdesk.app.cli;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.db.Database;
import io.salesdesk.dispatch.DispatchResult;
import io.salesdesk.dispatch.DispatchService;
import io.salesdesk.territory.address.AddressParser;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code salesdesk lead ...}: leads from the command line (a web form's script, a phone desk). */
@Command(name = "lead", mixinStandardHelpOptions = true, description = "Work with leads.",
        subcommands = LeadCommand.Add.class)
public final class LeadCommand {

    @ParentCommand
    SalesDeskCommand root;

    /** {@code salesdesk lead add}: records a lead, dispatches it at once and prints who got it and why. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Record a lead and dispatch it; prints the assignee and the reason.")
    static final class Add implements Callable<Integer> {

        @ParentCommand
        LeadCommand lead;

        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The company or person asking.")
        String name;

        @Option(names = "--contact", paramLabel = "NAME", description = "The contact person.")
        String contact;

        @Option(names = "--phone", paramLabel = "PHONE", description = "Mobile or landline.")
        String phone;

        @Option(names = "--address", paramLabel = "ADDRESS", description = "Postal address; its region decides the territory.")
        String address;

        @Option(names = "--region", paramLabel = "CODE", description = "GB/T 2260 region code, if the address names none.")
        String region;

        @Option(names = "--industry", paramLabel = "CODE", description = "HOSPITAL, PRIMARY_CARE, CLINIC, LAB, PHARMACY, DISTRIBUTOR …")
        String industry;

        @Option(names = "--tier", paramLabel = "A|B|C|D", description = "Expected customer tier.")
        Tier tier;

        @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "命令行", description = "Where it came from (default ${DEFAULT-VALUE}).")
        String source;

        @Option(names = "--note", paramLabel = "TEXT", description = "What they asked for.")
        String note;

        @Option(names = "--user", paramLabel = "USERNAME", description = "Record it as this user (default: the first administrator).")
        String username;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Clock clock = Clock.systemUTC();
            try (Database db = Database.open(lead.root.databaseConfig())) {
                RegionService regions = new RegionService(db, AddressParser::new);
                LeadService leads = new LeadService(db, clock, regions, new CustomerService(db, clock, regions));
                DispatchService dispatch = new DispatchService(db, clock, regions, leads, I18n.locale());
                Actor actor = ImportCommand.actor(db, clock, username, lead.root.passwordEnv);
                DispatchResult result;
                try {
                    result = dispatch.capture(actor, new LeadDraft(name, contact, phone, address, region, industry, tier,
                            source, note), ChangeReason.of(ChangeReason.Kind.USER, "command line"));
                } catch (ValidationException e) {
                    e.problems().forEach(p -> spec.commandLine().getErr().println(
                            I18n.get(p.messageKey(), p.arguments().toArray())));
                    return 2;
                }
                Lead saved = result.lead();
                out.println(I18n.get("cli.lead.added", saved.name(), saved.id().toString(),
                        saved.regionCode() == null ? "—" : regions.fullName(saved.regionCode())));
                out.println(saved.ownerName() == null ? I18n.get("cli.lead.waiting") : I18n.get("cli.lead.assignee", saved.ownerName()));
                out.println(I18n.get("cli.lead.reason", saved.assignmentReason()));
            }
            return 0;
        }
    }
}
