package io.salesdesk.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that handed over must not leave its small class archive for every later start (bin/salesdesk). */
class IncompleteClassArchiveTest {

    @TempDir
    Path lib;

    @Test
    void aRunRecordingTheArchiveMarksItForRecordingAgain() {
        Path archive = lib.resolve("salesdesk.jsa");

        IncompleteClassArchive.mark(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Dfile.encoding=UTF-8"));

        assertThat(lib.resolve("salesdesk.jsa.incomplete")).exists();
    }

    @Test
    void aRunUsingTheArchiveLeavesItAlone() {
        Path archive = lib.resolve("salesdesk.jsa");

        IncompleteClassArchive.mark(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));

        assertThat(lib.resolve("salesdesk.jsa.incomplete")).doesNotExist();
    }
}
