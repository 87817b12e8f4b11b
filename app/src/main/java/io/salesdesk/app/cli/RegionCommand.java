package io.salesdesk.app.cli;

import io.salesdesk.crm.RegionGuess;
import io.salesdesk.crm.RegionService;
import io.salesdesk.territory.address.AddressParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code salesdesk region …}: GB/T 2260 regions on the command line. */
@Command(name = "region", mixinStandardHelpOptions = true, description = "GB/T 2260 regions.",
        subcommands = RegionCommand.Parse.class)
public final class RegionCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "Missing subcommand: region parse");
    }

    /**
     * {@code salesdesk region parse}: addresses one per line on standard input (UTF-8), each
     * printed tab-separated with its region code, full region name and confidence; unplaceable
     * lines get an empty code and name. Needs no workspace: the regions are the bundled table.
     */
    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = {"Read addresses (UTF-8, one per line) on standard input and print, tab-separated:",
                "address, region code, full region name, confidence (0.00-1.00).",
                "Code and name are empty when the address names no region or an ambiguous one.",
                "Example: salesdesk region parse < 地址.txt > 地址-区划.tsv"})
    public static final class Parse implements Callable<Integer> {

        @Override
        public Integer call() throws IOException {
            AddressParser parser = new AddressParser(RegionService.bundled());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out,
                    StandardCharsets.UTF_8), 1 << 16), false);
            boolean first = true;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a BOM from Windows editors
                }
                first = false;
                // Tabs inside the address would shift the columns.
                String address = line.replace('\t', ' ').strip();
                RegionGuess guess = parser.parse(address);
                out.append(address).append('\t')
                        .append(guess.code() == null ? "" : guess.code()).append('\t')
                        .append(guess.code() == null ? "" : guess.fullName()).append('\t')
                        .append(twoDecimals(guess.confidence())).append('\n');
            }
            out.flush();
            return 0;
        }

        // 0.9 → "0.90" without a Formatter per line (String.format took a third of the time).
        static String twoDecimals(double value) {
            long hundredths = Math.round(value * 100);
            long fraction = hundredths % 100;
            return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
        }
    }
}
