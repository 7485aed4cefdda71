package cn.fulian.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.infra.keycloak.KeycloakDatabase.Outcome;
import cn.fulian.infra.keycloak.KeycloakDatabase.Recovery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check before Keycloak starts, on a prepared installation: Keycloak's layout ({@code data/h2/keycloakdb.mv.db},
 * the realm staged in {@code data/import}, H2's jar under {@code lib/lib/main}) with a small database in it.
 */
class KeycloakDatabaseTest {

    @TempDir
    Path dir;

    private KeycloakDistribution distribution;
    private Path h2Jar;

    @BeforeEach
    void installationWithADatabase() throws Exception {
        distribution = new KeycloakDistribution(dir.resolve("keycloak"));
        Path libs = Files.createDirectories(distribution.home().resolve("lib/lib/main"));
        h2Jar = Path.of(org.h2.Driver.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Files.copy(h2Jar, libs.resolve("com.h2database.h2-" + org.h2.engine.Constants.VERSION + ".jar"));
        Files.createDirectories(distribution.home().resolve("data/import"));
        Files.writeString(distribution.home().resolve("data/import/fulian-realm.json"), "{\"realm\":\"fulian\"}");
        Files.createDirectories(distribution.databaseDir());
        try (Connection c = DriverManager.getConnection(url(), "", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE USER_ENTITY(ID VARCHAR(36) PRIMARY KEY, USERNAME VARCHAR(255))");
            for (int i = 0; i < 2000; i++) {
                s.execute("INSERT INTO USER_ENTITY VALUES('" + i + "', 'user-" + i + "-" + "x".repeat(100) + "')");
            }
        }
        distribution.markDatabaseComplete();
    }

    @Test
    void aDatabaseThatOpensIsLeftAsItIs() throws IOException {
        Recovery recovery = new KeycloakDatabase(distribution).recover();

        assertThat(recovery.outcome()).isEqualTo(Outcome.NOTHING_TO_DO);
        assertThat(recovery.happened()).isFalse();
        assertThat(distribution.databaseDir().resolve("keycloakdb.mv.db")).isRegularFile();
    }

    @Test
    void aTruncatedDatabaseIsMovedAsideAndKeycloakStartsOnAFreshOneThatImportsTheRealmAgain() throws IOException {
        Path file = distribution.databaseDir().resolve("keycloakdb.mv.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            // Cut inside the store header: H2 itself falls back to an older chunk when only the tail is missing.
            raf.setLength(6000);
        }

        Recovery recovery = new KeycloakDatabase(distribution).recover();

        assertThat(recovery.outcome()).isEqualTo(Outcome.MOVED_ASIDE);
        assertThat(recovery.description()).contains("moved it aside").contains("importing the realm again");
        assertThat(distribution.databaseDir()).doesNotExist();
        Path aside = onlyMovedAside();
        assertThat(aside.resolve("keycloakdb.mv.db")).as("kept for inspection").isRegularFile();
        assertThat(distribution.home().resolve("data/import/fulian-realm.json")).isRegularFile();
        assertThat(distribution.discardIncompleteDatabase()).isFalse();
    }

    @Test
    void aDatabaseOverwrittenWithGarbageIsMovedAside() throws IOException {
        Path file = distribution.databaseDir().resolve("keycloakdb.mv.db");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i += 7) {
            bytes[i] = (byte) (bytes[i] ^ 0x5a);
        }
        Files.write(file, bytes);

        assertThat(new KeycloakDatabase(distribution).recover().outcome()).isEqualTo(Outcome.MOVED_ASIDE);
        assertThat(distribution.databaseDir()).doesNotExist();
    }

    @Test
    void aDatabaseHeldByAKeycloakLeftRunningIsFreedByStoppingThatKeycloakNotByMovingItAside() throws Exception {
        Process leftover = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dkc.home.dir=" + distribution.home().resolve("bin").resolve(".."),
                        "-cp",
                        h2Jar.toString(),
                        "org.h2.tools.Shell",
                        "-url",
                        url(),
                        "-user",
                        "",
                        "-password",
                        "")
                .redirectErrorStream(true)
                .start();
        try {
            awaitOutput(leftover, "sql>");

            Recovery recovery = new KeycloakDatabase(distribution).recover();

            assertThat(recovery.outcome()).isEqualTo(Outcome.LEFTOVER_STOPPED);
            assertThat(recovery.description()).contains("pid " + leftover.pid());
            assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(distribution.databaseDir().resolve("keycloakdb.mv.db")).isRegularFile();
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aDatabaseLockedByAnUnrelatedProcessIsLeftAloneAndSaidSo() throws IOException, SQLException {
        try (Connection holder = DriverManager.getConnection(url(), "", "")) {
            Recovery recovery = new KeycloakDatabase(distribution).recover();

            assertThat(recovery.outcome()).isEqualTo(Outcome.LOCKED_BY_ANOTHER_PROCESS);
            assertThat(recovery.description()).contains("in use by another process");
            assertThat(distribution.databaseDir().resolve("keycloakdb.mv.db")).isRegularFile();
        }
    }

    @Test
    void withoutADatabaseThereIsNothingToCheck() throws IOException {
        KeycloakDistribution fresh = new KeycloakDistribution(dir.resolve("fresh"));

        assertThat(new KeycloakDatabase(fresh).recover().happened()).isFalse();
    }

    private String url() {
        return "jdbc:h2:file:" + distribution.databaseDir().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE";
    }

    private Path onlyMovedAside() throws IOException {
        try (Stream<Path> siblings = Files.list(distribution.databaseDir().getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith("h2-broken-"))
                    .reduce((a, b) -> {
                        throw new AssertionError("more than one folder moved aside: " + a + ", " + b);
                    })
                    .orElseThrow(() -> new AssertionError("nothing moved aside"));
        }
    }

    private static void awaitOutput(Process process, String expected) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        int c;
        while ((c = out.read()) >= 0) {
            seen.append((char) c);
            if (seen.toString().contains(expected)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        throw new AssertionError("the leftover never opened the database: " + seen);
    }
}
