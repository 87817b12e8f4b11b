package io.salesdesk.app.cli;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.auth.PasswordHasher;
import io.salesdesk.crm.auth.SignInService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.db.Database;
import io.salesdesk.dispatch.DispatchResult;
import io.salesdesk.dispatch.DispatchService;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.convert.DateOrder;
import io.salesdesk.ledger.commerce.CommerceLedgers;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.ledger.CustomFieldLedgers;
import io.salesdesk.ledger.crm.CrmLedgers;
import io.salesdesk.ledger.imports.DuplicateDecision;
import io.salesdesk.ledger.imports.ImportBatch;
import io.salesdesk.ledger.imports.ImportCounts;
import io.salesdesk.ledger.imports.ImportHistory;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportPreview;
import io.salesdesk.ledger.imports.ImportRequest;
import io.salesdesk.ledger.imports.ImportResult;
import io.salesdesk.ledger.imports.ImportTarget;
import io.salesdesk.ledger.imports.LedgerEntities;
import io.salesdesk.ledger.imports.LedgerImport;
import io.salesdesk.ledger.imports.MappingJson;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.map.UnmappedColumn;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.read.ReadLimits;
import io.salesdesk.ledger.report.ErrorReport;
import io.salesdesk.territory.address.AddressParser;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code salesdesk import FILE}: imports a ledger through the same pipeline as the wizard, prints a
 * progress line and a summary in the user's language, and writes the error report. Exits 1 when
 * nothing was imported because of errors. {@code --undo BATCH_ID} takes an import back.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an Excel or CSV ledger (preview, validate, dedupe, commit in one transaction), or undo an import.")
public final class ImportCommand implements Callable<Integer> {

    private static final int PROBLEMS_SHOWN = 50;
    private static final int PROGRESS_STEP = 10_000;
    private static final String LEADS = "leads";

    @ParentCommand
    SalesDeskCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The .xlsx, .xls or .csv ledger.")
    Path file;

    @Option(names = "--entity", defaultValue = "customers", paramLabel = "ENTITY",
            description = "What the ledger holds: customers, contacts, activities, opportunities, leads, users, products or stock (default ${DEFAULT-VALUE}).")
    String entity;

    @Option(names = "--sheet", paramLabel = "NAME", description = "The sheet to import (default: the first visible one).")
    String sheet;

    @Option(names = "--mapping", paramLabel = "FILE.json",
            description = "Column mapping {\"columns\": {\"header\": \"field\"}} over the automatic one.")
    Path mapping;

    @Option(names = "--dry-run", description = "Preview only: read, validate and dedupe, write nothing.")
    boolean dryRun;

    @Option(names = "--on-duplicate", defaultValue = "skip", paramLabel = "skip|update|create",
            converter = DecisionConverter.class,
            description = "What to do with rows that match an existing record or an earlier row (default ${DEFAULT-VALUE}).")
    DuplicateDecision onDuplicate;

    @Option(names = "--skip-invalid", description = "Import the valid rows when some rows have errors (default: all or nothing).")
    boolean skipInvalid;

    @Option(names = "--max-rows", paramLabel = "N",
            description = "Refuse a sheet with more than N non-blank rows before importing anything (default 200000).")
    Integer maxRows;

    @Option(names = "--date-order", defaultValue = "ymd", paramLabel = "ymd|dmy|mdy",
            converter = DateOrderConverter.class,
            description = "How to read dates with the year last: mdy reads 11/3/2025 as 3 November, dmy as 11 March; "
                    + "ymd (default) accepts year-first dates only and reports year-last ones.")
    DateOrder dateOrder;

    @Option(names = "--report", paramLabel = "FILE.xlsx",
            description = "Where to write the error report (default: <name>.errors.xlsx beside the ledger).")
    Path report;

    @Option(names = "--undo", paramLabel = "BATCH_ID",
            description = "Undo an import: remove the records it created, restore those it updated.")
    UUID undo;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.open(root.databaseConfig())) {
            Clock clock = Clock.systemUTC();
            UserService users = new UserService(db, clock);
            Actor actor = actor(db, clock, root.username, root.passwordEnv);
            List<ImportTarget> targets = targets(db, clock, users);
            if (undo != null) {
                return undo(out, new ImportHistory(db, clock, targets), actor);
            }
            if (file == null) {
                spec.commandLine().getErr().println(I18n.get("cli.import.noFile"));
                return 2;
            }
            return run(out, new LedgerImport(db, clock, targets), actor, () -> dispatchWaitingLeads(out, db, clock, actor));
        }
    }

    /**
     * Imported leads arrive unassigned: they go to reps at once, as a lead captured by the form does.
     * The ledger module cannot call dispatch (dispatch depends on the CRM the ledger writes to), so
     * the command does it after the batch is written. Every waiting lead the actor sees is
     * dispatched, the imported ones and any that waited before.
     */
    private static void dispatchWaitingLeads(PrintWriter out, Database db, Clock clock, Actor actor) {
        RegionService regions = new RegionService(db, AddressParser::new);
        DispatchService dispatch = new DispatchService(db, clock, regions,
                new LeadService(db, clock, regions, new CustomerService(db, clock, regions)), I18n.locale());
        List<DispatchResult> results = dispatch.dispatchWaiting(actor);
        long assigned = results.stream().filter(r -> r.assignment().assigned()).count();
        out.println(I18n.get("cli.import.leadsDispatched", assigned, results.size() - assigned));
    }

    /** Imports; {@code dispatchLeads} runs after a lead import that created leads. */
    private int run(PrintWriter out, LedgerImport ledgerImport, Actor actor, Runnable dispatchLeads) {
        ImportRequest request = ImportRequest.of(entity).withSheet(sheet).withOnDuplicate(onDuplicate)
                .withSkipInvalid(skipInvalid).withDateOrder(dateOrder);
        if (maxRows != null) {
            request = request.withLimits(new ReadLimits(maxRows, ReadLimits.DEFAULT.maxColumns()));
        }
        if (mapping != null) {
            request = request.withMapping(MappingJson.read(mapping));
        }
        for (ImportBatch stopped : ledgerImport.rollBackUnfinished(actor)) {
            LedgerEntity stoppedEntity = ledgerImport.entity(stopped.entityKey());
            out.println(I18n.get("cli.import.rolledBack", stopped.fileName(),
                    I18n.isChinese() ? stoppedEntity.labelZh() : stoppedEntity.labelEn(), stopped.id()));
        }
        ImportMonitor monitor = progressLines(out);
        ImportPreview preview = ledgerImport.preview(file, request, actor, monitor);
        out.println(I18n.get("cli.import.sheet", preview.sheetName(), preview.header().lastRowNumber()));
        out.println(I18n.get("cli.import.mapping." + preview.mappingSource().name()));
        LedgerEntity fields = ledgerImport.entity(request.entityKey());
        for (MappedColumn column : preview.mapping().columns()) {
            String label = fields.field(column.fieldKey())
                    .map(f -> I18n.isChinese() ? f.labelZh() : f.labelEn()).orElse(column.fieldKey());
            out.println(I18n.get("cli.import.mapped", column.header(), label));
        }
        if (!preview.mapping().unmapped().isEmpty()) {
            out.println(I18n.get("cli.import.unmapped", preview.mapping().unmapped().stream()
                    .map(UnmappedColumn::header).collect(Collectors.joining("、"))));
        }
        printProblems(out, preview.problems());
        // The report re-reads the ledger and writes a copy of it (or of its bad rows): on its own
        // thread it costs no time while the database commits.
        CompletableFuture<Path> reportWritten = preview.problems().isEmpty() ? null
                : writeReportInBackground(preview, request);
        if (dryRun) {
            printReport(out, reportWritten);
            printCounts(out, preview.counts());
            out.println(I18n.get("cli.import.dryRun"));
            return preview.blockedByErrors() ? 1 : 0;
        }
        ImportResult result;
        try {
            result = ledgerImport.commit(preview, actor, monitor);
        } finally {
            printReport(out, reportWritten);
        }
        printCounts(out, result.counts());
        if (!result.committed()) {
            out.println(I18n.get("cli.import.blocked", result.counts().invalid()));
            return 1;
        }
        out.println(I18n.get("cli.import.done", result.batchId().toString()));
        if (LEADS.equals(request.entityKey()) && result.counts().created() > 0) {
            dispatchLeads.run();
        }
        return result.counts().written() == 0 && result.counts().invalid() > 0 ? 1 : 0;
    }

    private CompletableFuture<Path> writeReportInBackground(ImportPreview preview, ImportRequest request) {
        Path reportFile = report != null ? report : ErrorReport.defaultPath(file);
        CompletableFuture<Path> written = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try {
                // Refused, the whole sheet is fixed and imported again; with --skip-invalid the good
                // rows go in now and the report holds only the rest.
                ErrorReport.write(file, preview.sheetName(), request.limits(), preview.header(), preview.problems(),
                        ImportCommand::describe, reportFile,
                        preview.blockedByErrors() ? ErrorReport.Scope.WHOLE_SHEET : ErrorReport.Scope.BAD_ROWS);
                written.complete(reportFile);
            } catch (RuntimeException e) {
                written.completeExceptionally(e);
            }
        }, "error-report");
        writer.setDaemon(true);
        writer.start();
        return written;
    }

    /** Waits for the report; a report that could not be written is said, the import stands. */
    private static void printReport(PrintWriter out, CompletableFuture<Path> reportWritten) {
        if (reportWritten == null) {
            return;
        }
        try {
            out.println(I18n.get("cli.import.report", reportWritten.join().toAbsolutePath()));
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException ? e.getCause().getCause() : e.getCause();
            out.println(I18n.get("cli.import.reportFailed", String.valueOf(cause.getMessage())));
        }
    }

    private int undo(PrintWriter out, ImportHistory history, Actor actor) {
        UndoResult result = history.undo(undo, actor);
        out.println(I18n.get("cli.undo.done", result.batchId().toString(), result.removed(), result.restored()));
        for (UndoResult.Conflict conflict : result.conflicts()) {
            out.println(I18n.get("cli.undo.conflict", conflict.rowNumber(),
                    conflict.name() == null ? conflict.entityId().toString() : conflict.name()));
        }
        return 0;
    }

    private static void printProblems(PrintWriter out, List<CellProblem> problems) {
        problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> out.println(I18n.get("cli.import.problem",
                String.valueOf(p.rowNumber()), columnName(p.column()), p.header(), describe(p))));
        if (problems.size() > PROBLEMS_SHOWN) {
            out.println(I18n.get("cli.import.moreProblems", problems.size() - PROBLEMS_SHOWN));
        }
    }

    private static void printCounts(PrintWriter out, ImportCounts counts) {
        out.println(I18n.get("cli.import.counts", counts.created(), counts.updated(), counts.skipped(),
                counts.invalid(), counts.conflicts()));
    }

    /** A problem's reason in the user's language. */
    static String describe(CellProblem problem) {
        return I18n.get(problem.messageKey(), problem.args().toArray());
    }

    /** Excel's column letters: 0 → A, 26 → AA; "-" for a problem of the whole row. */
    static String columnName(int column) {
        if (column < 0) {
            return "-";
        }
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

    private static ImportMonitor progressLines(PrintWriter out) {
        return new ImportMonitor() {
            @Override
            public void progress(ImportPhase phase, long done, long total) {
                if (done % PROGRESS_STEP == 0 || done == total) {
                    out.println(I18n.get("cli.import.progress." + phase.name(), done));
                    out.flush();
                }
            }

            @Override
            public boolean cancelled() {
                return Thread.currentThread().isInterrupted();
            }
        };
    }

    /** The importable and exportable entities; later modules register theirs here. */
    static LedgerEntities entities(Database db, Clock clock, UserService users) {
        RegionService regions = new RegionService(db, AddressParser::new);
        return CustomFieldLedgers.withCustomFields(CrmLedgers.of(db, clock, regions, users,
                        new CustomerService(db, clock, regions)).and(CommerceLedgers.of(db, clock)),
                new CustomFieldService(db, clock), users, regions, clock);
    }

    /** The importable entities. */
    static List<ImportTarget> targets(Database db, Clock clock, UserService users) {
        return entities(db, clock, users).importTargets();
    }

    /**
     * Who the command works as. Where people sign in: {@code --user} signed in with the password
     * from the {@code --password-env} variable. Elsewhere: {@code --user}, else the first
     * administrator, else the default user.
     */
    static Actor actor(Database db, Clock clock, String username, String passwordEnv) {
        UserService users = new UserService(db, clock);
        SignInService signIn = new SignInService(db, clock, PasswordHasher.standard());
        if (signIn.signInRequired()) {
            String password = passwordEnv == null ? null : System.getenv(passwordEnv);
            if (username == null || password == null) {
                throw new io.salesdesk.core.SalesDeskException("cli.signInNeeded");
            }
            return signIn.signIn(username, password.toCharArray()).user().asActor();
        }
        if (username != null) {
            return users.byUsername(username).map(User::asActor)
                    .orElseThrow(() -> new io.salesdesk.core.SalesDeskException("cli.noSuchUser", username));
        }
        return users.all().stream().filter(u -> u.role() == Role.ADMIN).findFirst()
                .or(() -> users.defaultUser(DemoWorkspace.DEFAULT_USER))
                .map(User::asActor)
                .orElseThrow(() -> new io.salesdesk.core.SalesDeskException("cli.noUsers"));
    }

    /** Reads skip, update or create in any case. */
    static final class DecisionConverter implements picocli.CommandLine.ITypeConverter<DuplicateDecision> {
        @Override
        public DuplicateDecision convert(String value) {
            return DuplicateDecision.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Reads ymd, dmy or mdy in any case; anything else is refused with the valid values. */
    static final class DateOrderConverter implements picocli.CommandLine.ITypeConverter<DateOrder> {

        /** The values {@code --date-order} takes, in the order the help lists them. */
        static final java.util.Map<String, DateOrder> VALUES = java.util.Map.of(
                "ymd", DateOrder.YEAR_FIRST, "dmy", DateOrder.DAY_FIRST, "mdy", DateOrder.MONTH_FIRST);

        @Override
        public DateOrder convert(String value) {
            DateOrder order = VALUES.get(value.strip().toLowerCase(java.util.Locale.ROOT));
            if (order == null) {
                throw new picocli.CommandLine.TypeConversionException(
                        I18n.get("cli.import.dateOrder.unknown", value));
            }
            return order;
        }
    }

    /** {@code salesdesk imports}: the import history, newest first. */
    @Command(name = "imports", mixinStandardHelpOptions = true,
            description = "List the latest imports (batch id, time, file, counts, status).")
    public static final class History implements Callable<Integer> {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        @ParentCommand
        SalesDeskCommand root;

        @Spec
        CommandSpec spec;

        @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "How many (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Database.open(root.databaseConfig())) {
                Clock clock = Clock.systemUTC();
                List<ImportBatch> batches = new ImportHistory(db, clock, targets(db, clock, new UserService(db, clock)))
                        .latest(limit);
                if (batches.isEmpty()) {
                    out.println(I18n.get("cli.imports.none"));
                }
                for (ImportBatch b : batches) {
                    out.println(I18n.get("cli.imports.row", b.id().toString(),
                            TIME.format(b.importedAt().atZoneSameInstant(ZoneId.systemDefault())), b.fileName(),
                            b.counts().created(), b.counts().updated(), b.counts().skipped(), b.counts().invalid(),
                            I18n.get("cli.imports.status." + b.status().name()),
                            b.importedByName() == null ? "" : b.importedByName()));
                }
            }
            return 0;
        }
    }
}
