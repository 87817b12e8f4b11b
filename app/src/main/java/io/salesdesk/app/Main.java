package io.salesdesk.app;

import java.util.Arrays;
import java.util.Set;

import io.salesdesk.app.cli.SalesDeskCommand;
import io.salesdesk.app.help.CrashHandler;
import io.salesdesk.app.help.LogFiles;
import io.salesdesk.app.instance.MacOpenFiles;
import io.salesdesk.app.instance.WindowOwnership;
import io.salesdesk.app.instance.WindowRequests;
import io.salesdesk.app.shell.FxStartup;
import picocli.CommandLine;

/** Entry point of {@code bin/salesdesk}: the command line, which opens the window when given no command. */
public final class Main {

    /**
     * Words that make a run a command instead of the window (kept equal to the command line's by a
     * test; bin/salesdesk has the same list for its class-data archive).
     */
    static final Set<String> NOT_WINDOW = Set.of("approval", "bench", "demo", "export", "import", "imports", "info",
            "kpi", "lead", "region", "report", "server", "profile", "backup", "restore", "sync", "encrypt", "decrypt", "user", "help", "-h", "--help", "-V", "--version");

    private Main() {
    }

    public static void main(String[] args) {
        // Logback reads the log folder (DATA_DIR/logs) when it starts, at the first log call.
        LogFiles.prepare(args, System.getenv());
        boolean opensWindow = opensWindow(args);
        if (opensWindow) {
            // Before the toolkit: macOS sends the file of a double-click as an event at once (no-op elsewhere).
            MacOpenFiles.register(System.getProperty("os.name", ""), WindowRequests.app());
            // Before anything else, even logging: the toolkit starts while the rest gets ready. Not
            // when a window holds the workspace: this start will most likely hand over to it and exit
            // (if not, the toolkit starts when the window needs it, only later).
            if (!WindowOwnership.isTaken(Workspace.dataDir(LogFiles.dataDirArgument(args), System.getenv()))) {
                FxStartup.begin();
            }
            // An exception nobody caught is logged and explained in a dialog, not lost.
            CrashHandler.install();
        }
        int exit = (opensWindow ? SalesDeskCommand.windowCommandLine() : SalesDeskCommand.commandLine()).execute(args);
        // The window's own thread decides when the app ends; commands exit with their code.
        if (exit != SalesDeskCommand.WINDOW_OPENED) {
            System.exit(exit);
        }
    }

    /** Whether these arguments open the window (no command, no help). */
    static boolean opensWindow(String... args) {
        return Arrays.stream(args).noneMatch(NOT_WINDOW::contains);
    }

    /** For tests and tools: runs the command line without exiting the JVM. */
    public static int run(String... args) {
        CommandLine commandLine = SalesDeskCommand.commandLine();
        return commandLine.execute(args);
    }
}
