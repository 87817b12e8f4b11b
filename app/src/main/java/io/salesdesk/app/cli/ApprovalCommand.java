package io.salesdesk.app.cli;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.flowdesigner.FlowLabels;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.ApprovalTrigger;
import io.salesdesk.workflow.approval.FlowSummary;
import io.salesdesk.workflow.approval.Route;
import io.salesdesk.workflow.approval.RouteNode;
import io.salesdesk.workflow.approval.RouteParallel;
import io.salesdesk.workflow.approval.RouteStep;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code salesdesk approval ...}: the approval flows from the command line. */
@Command(name = "approval", mixinStandardHelpOptions = true, description = "Look at approval flows.",
        subcommands = {ApprovalCommand.Flows.class, ApprovalCommand.Simulate.class})
public final class ApprovalCommand {

    @ParentCommand
    SalesDeskCommand root;

    /** Opens the workspace with every module's triggers registered, as the app does. */
    static AppContext open(Database db) {
        Clock clock = Clock.systemUTC();
        User user = new UserService(db, clock).defaultUser(DemoWorkspace.DEFAULT_USER).orElse(null);
        return new AppContext(db, clock, Runnable::run, user);
    }

    /** {@code salesdesk approval flows}: each action flows attach to, with its flow's name, version and state. */
    @Command(name = "flows", mixinStandardHelpOptions = true,
            description = "List the actions approval flows attach to, with each flow's name and current version.")
    static final class Flows implements Callable<Integer> {

        @ParentCommand
        ApprovalCommand approval;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Database.open(approval.root.databaseConfig())) {
                ApprovalService approvals = open(db).approvals();
                Map<String, FlowSummary> flows = approvals.flows().stream()
                        .collect(Collectors.toMap(f -> f.entity() + "/" + f.action(), f -> f, (a, b) -> a,
                                LinkedHashMap::new));
                for (ApprovalTrigger trigger : approvals.triggers()) {
                    FlowSummary flow = flows.remove(trigger.entity() + "/" + trigger.action());
                    out.println(line(trigger.entity(), trigger.action(), flow));
                }
                // Flows whose module is not registered in this build still exist: list them too.
                flows.values().forEach(f -> out.println(line(f.entity(), f.action(), f)));
            }
            return 0;
        }

        private static String line(String entity, String action, FlowSummary flow) {
            String label = FlowLabels.trigger(entity, action) + " (" + entity + "/" + action + ")";
            if (flow == null) {
                return I18n.get("flowdesigner.cli.flows.none", label);
            }
            return I18n.get("flowdesigner.cli.flows.line", label, flow.name(), flow.currentVersion(),
                    I18n.get(flow.active() ? "flowdesigner.settings.state.active" : "flowdesigner.settings.state.inactive"));
        }
    }

    /** {@code salesdesk approval simulate}: the path a record with these values would take, without submitting anything. */
    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Print the approval path a record with the given field values would take; nothing is submitted.")
    static final class Simulate implements Callable<Integer> {

        @ParentCommand
        ApprovalCommand approval;

        @Spec
        CommandSpec spec;

        @Option(names = "--entity", required = true, paramLabel = "ENTITY", description = "e.g. contract")
        String entity;

        @Option(names = "--action", defaultValue = "submit", paramLabel = "ACTION",
                description = "e.g. submit (default ${DEFAULT-VALUE})")
        String action;

        @Option(names = "--set", paramLabel = "FIELD=VALUE",
                description = "A field of the record, e.g. amount=600000 or regionCode=330100; repeat for more.")
        Map<String, String> values = new LinkedHashMap<>();

        @Option(names = "--as", paramLabel = "LOGIN", description = "Who submits (default: the workspace's default user).")
        String login;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Database db = Database.open(approval.root.databaseConfig())) {
                AppContext context = open(db);
                ApprovalService approvals = context.approvals();
                String label = FlowLabels.trigger(entity, action);
                Optional<FlowSummary> flow = approvals.flows().stream()
                        .filter(f -> f.entity().equals(entity) && f.action().equals(action) && f.active()).findFirst();
                if (flow.isEmpty()) {
                    err.println(I18n.get("flowdesigner.cli.noFlow", label, entity, action));
                    return 1;
                }
                User submitter = login == null ? context.currentUser()
                        : context.users().byUsername(login).orElse(null);
                if (submitter == null) {
                    err.println(login == null ? I18n.get("cli.noUsers") : I18n.get("cli.noSuchUser", login));
                    return 2;
                }
                Map<String, Object> fields;
                try {
                    fields = fields(approvals, context);
                } catch (SalesDeskException e) {
                    err.println(I18n.message(e));
                    return 2;
                }
                Route route;
                try {
                    route = approvals.simulate(entity, action, fields, submitter.id()).orElseThrow();
                } catch (SalesDeskException e) {
                    err.println(I18n.get("flowdesigner.cli.cannotRoute", I18n.message(e)));
                    return 1;
                }
                Map<UUID, String> names = context.users().all().stream()
                        .collect(Collectors.toMap(User::id, User::displayName, (a, b) -> a));
                out.println(I18n.get("flowdesigner.cli.header", label, flow.get().name(), flow.get().currentVersion()));
                out.println(I18n.get("flowdesigner.cli.submitter", submitter.displayName(),
                        I18n.label("role", submitter.role())));
                if (route.steps().isEmpty()) {
                    out.println(I18n.get("flowdesigner.cli.noSteps"));
                    return 0;
                }
                print(out, route.nodes(), "  ", names);
                out.println(I18n.get("flowdesigner.cli.end"));
            }
            return 0;
        }

        /** The --set values typed as the trigger's fields: amounts as numbers, people by login. */
        private Map<String, Object> fields(ApprovalService approvals, AppContext context) {
            Optional<ApprovalTrigger> trigger = approvals.triggers().stream()
                    .filter(t -> t.entity().equals(entity) && t.action().equals(action)).findFirst();
            Map<String, ApprovalTrigger.FieldType> types = trigger.map(t -> t.fields().stream()
                    .collect(Collectors.toMap(ApprovalTrigger.Field::name, ApprovalTrigger.Field::type)))
                    .orElse(Map.of());
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : values.entrySet()) {
                ApprovalTrigger.FieldType type = types.get(e.getKey());
                if (trigger.isPresent() && type == null) {
                    throw new SalesDeskException("flowdesigner.cli.unknownField", e.getKey(),
                            String.join(", ", types.keySet()));
                }
                fields.put(e.getKey(), value(type, e.getValue().trim(), context));
            }
            return fields;
        }

        private static Object value(ApprovalTrigger.FieldType type, String text, AppContext context) {
            if (type == null) {
                return text;
            }
            return switch (type) {
                case MONEY, NUMBER, PERCENT -> {
                    try {
                        yield new BigDecimal(text.replace(",", ""));
                    } catch (NumberFormatException e) {
                        throw new SalesDeskException("flowdesigner.simulate.notNumber", text);
                    }
                }
                case USER -> context.users().byUsername(text).map(u -> (Object) u.id()).orElse(text);
                default -> text;
            };
        }

        private static void print(PrintWriter out, List<RouteNode> nodes, String indent, Map<UUID, String> names) {
            for (RouteNode node : nodes) {
                if (node instanceof RouteStep step) {
                    out.println(indent + I18n.get("flowdesigner.cli.step", step.name(),
                            I18n.label("flowdesigner.mode", step.mode()), approvers(step, names)));
                } else if (node instanceof RouteParallel parallel) {
                    out.println(indent + I18n.get("flowdesigner.cli.parallel", parallel.branches().size()));
                    for (int i = 0; i < parallel.branches().size(); i++) {
                        List<RouteNode> branch = parallel.branches().get(i);
                        if (branch.size() == 1 && branch.get(0) instanceof RouteStep) {
                            print(out, branch, indent + "    ", names);
                        } else {
                            out.println(indent + "    " + I18n.get("flowdesigner.cli.branch", i + 1));
                            print(out, branch, indent + "      ", names);
                        }
                    }
                }
            }
        }

        private static String approvers(RouteStep step, Map<UUID, String> names) {
            Function<UUID, String> name = id -> names.getOrDefault(id, id.toString());
            return step.approvers().stream().map(name).collect(Collectors.joining(I18n.get("flowdesigner.cli.and")));
        }
    }
}
