package cn.fulian.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedProcessThatStillRunsIsLive() {
        PidFiles pids = new PidFiles(dir);
        long self = ProcessHandle.current().pid();

        pids.write(PidFiles.LAUNCHER, self);

        assertThat(pids.live(PidFiles.LAUNCHER)).map(ProcessHandle::pid).contains(self);
        assertThat(pids.live()).containsOnlyKeys(PidFiles.LAUNCHER);
    }

    @Test
    void aPidFileOfAProcessThatExitedIsStale() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        PidFiles pids = new PidFiles(dir);

        pids.write("gateway", exited.pid());

        assertThat(pids.live("gateway")).isEmpty();
        assertThat(pids.live()).isEmpty();
        assertThat(pids.recorded()).containsEntry("gateway", exited.pid());
    }

    @Test
    void aPidNowUsedByAProcessThatStartedAfterTheFileWasWrittenIsStale() throws IOException {
        PidFiles pids = new PidFiles(dir);
        pids.write("keycloak", ProcessHandle.current().pid());
        Instant beforeThisJvm =
                ProcessHandle.current().info().startInstant().orElseThrow().minus(1, ChronoUnit.HOURS);

        Files.setLastModifiedTime(dir.resolve("keycloak.pid"), FileTime.from(beforeThisJvm));

        assertThat(pids.live("keycloak")).isEmpty();
    }

    @Test
    void unreadablePidFilesAreIgnoredAndDeleteAllRemovesEveryFile() throws IOException {
        PidFiles pids = new PidFiles(dir);
        pids.write("gateway", 42);
        Files.writeString(dir.resolve("broken.pid"), "not a pid");

        assertThat(pids.recorded()).containsOnlyKeys("gateway");

        pids.deleteAll();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void noPidFolderMeansNothingRecorded() {
        assertThat(new PidFiles(dir.resolve("missing")).recorded()).isEmpty();
    }
}
