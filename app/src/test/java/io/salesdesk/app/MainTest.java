package io.salesdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.salesdesk.app.cli.SalesDeskCommand;

class MainTest {

    @Test
    void everyCommandOfTheCommandLineIsKnownNotToOpenTheWindow() {
        // A new command missing here would start the JavaFX toolkit for nothing (and keep a
        // headless machine from running it).
        assertThat(Main.NOT_WINDOW).containsAll(SalesDeskCommand.commandLine().getSubcommands().keySet());
    }

    @Test
    void optionsAloneOpenTheWindowAndACommandDoesNot() {
        assertThat(Main.opensWindow("--data-dir", "/tmp/x", "--user", "rep.sh1")).isTrue();
        assertThat(Main.opensWindow()).isTrue();
        assertThat(Main.opensWindow("--data-dir", "/tmp/x", "import", "a.xlsx")).isFalse();
        assertThat(Main.opensWindow("--version")).isFalse();
    }

    @Test
    void aTemplateFileOpensTheWindowAloneOrAfterOptions() {
        // What a double-click runs: the launcher with the file's path, with or without options.
        assertThat(Main.opensWindow("/home/li/下载/大客户.sdtemplate")).isTrue();
        assertThat(Main.opensWindow("--data-dir", "/tmp/x", "--user", "rep.sh1", "x.sdtemplate")).isTrue();
        assertThat(Main.opensWindow("--data-dir", "/tmp/x", "info")).isFalse();
    }
}
