package io.salesdesk.app;

import io.salesdesk.app.cli.SalesDeskCommand;
import picocli.CommandLine;

/** Entry point of {@code bin/salesdesk}: the command line, which opens the window when given no command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exit = SalesDeskCommand.commandLine().execute(args);
        // The window's own thread decides when the app ends; commands exit with their code.
        if (exit != SalesDeskCommand.WINDOW_OPENED) {
            System.exit(exit);
        }
    }

    /** For tests and tools: runs the command line without exiting the JVM. */
    public static int run(String... args) {
        CommandLine commandLine = SalesDeskCommand.commandLine();
        return commandLine.execute(args);
    }
}
