package io.salesdesk.app.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

class LogFilesTest {

    @Test
    void logFolderFollowsTheDataDirGivenEitherWay() {
        assertThat(LogFiles.dataDirArgument(new String[] {"--data-dir", "/tmp/a", "info"})).isEqualTo(Paths.get("/tmp/a"));
        assertThat(LogFiles.dataDirArgument(new String[] {"--user", "x", "--data-dir=/tmp/b"})).isEqualTo(Paths.get("/tmp/b"));
        assertThat(LogFiles.dataDirArgument(new String[] {"--user", "x"})).isNull();
    }
}
