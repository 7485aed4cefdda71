package cn.fulian.infra.keycloak;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keycloak's dev-mode database, {@code data/h2/keycloakdb.mv.db} (H2's MVStore; H2 locks the file itself while it is
 * open, there is no separate lock file), checked before Keycloak starts so that a database left unopenable by an abrupt
 * stop does not keep the whole platform from starting:
 *
 * <ol>
 *   <li>A Keycloak JVM of this installation that is still running (its launcher was killed, {@code kill -9}) holds
 *       the database and the ports: it is asked to stop (SIGTERM, so it closes the database), and killed only if it
 *       does not within {@link #LEFTOVER_GRACE}.
 *   <li>The database is then opened with Keycloak's own H2 (the same version that writes it) and every table is read
 *       through once. If that fails for any reason but a lock or a password, the database is damaged: its folder is
 *       moved aside to {@code data/h2-broken-<time>} (kept for inspection, never deleted) and Keycloak starts on a
 *       fresh one, importing the realm from {@code data/import} again. Users and sessions created at run time are then
 *       only in the moved-aside copy; the demo accounts come back with the realm.
 * </ol>
 */
public final class KeycloakDatabase {

    /** Longer than Keycloak needs to stop cleanly on this machine under load (~5 s). */
    static final Duration LEFTOVER_GRACE = Duration.ofSeconds(30);

    private static final String NAME = "keycloakdb";
    private static final String FILE = NAME + ".mv.db";
    /** H2's codes for "the file is locked" and "wrong user name or password": neither means the file is damaged. */
    private static final int DATABASE_ALREADY_OPEN = 90020;

    private static final int WRONG_USER_OR_PASSWORD = 28000;
    private static final DateTimeFormatter ASIDE_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final KeycloakDistribution distribution;
    private final Clock clock;

    public KeycloakDatabase(KeycloakDistribution distribution) {
        this(distribution, Clock.systemDefaultZone());
    }

    KeycloakDatabase(KeycloakDistribution distribution, Clock clock) {
        this.distribution = distribution;
        this.clock = clock;
    }

    /** What {@link #recover()} found and did; {@link #happened()} is false when there was nothing to do. */
    public record Recovery(Outcome outcome, String description) {

        public boolean happened() {
            return outcome != Outcome.NOTHING_TO_DO;
        }
    }

    public enum Outcome {
        NOTHING_TO_DO,
        LEFTOVER_STOPPED,
        MOVED_ASIDE,
        LOCKED_BY_ANOTHER_PROCESS,
        NOT_CHECKED
    }

    /** Makes the database openable for the Keycloak about to start, saying what it did. */
    public Recovery recover() throws IOException {
        Path dir = distribution.databaseDir();
        if (!Files.isRegularFile(dir.resolve(FILE))) {
            return new Recovery(Outcome.NOTHING_TO_DO, "no database yet");
        }
        List<String> done = new ArrayList<>();
        for (ProcessHandle leftover : leftoverKeycloaks()) {
            done.add(stop(leftover));
        }
        Optional<Path> h2Jar = h2Jar();
        if (h2Jar.isEmpty()) {
            done.add("not checked: Keycloak's H2 jar was not found under "
                    + distribution.home().resolve("lib"));
            return new Recovery(Outcome.NOT_CHECKED, String.join("; ", done));
        }
        Optional<Exception> problem;
        try {
            problem = openAndReadAll(h2Jar.get(), dir);
        } catch (CannotCheck e) {
            done.add("not checked: " + e.getMessage());
            return new Recovery(Outcome.NOT_CHECKED, String.join("; ", done));
        }
        if (problem.isEmpty()) {
            return done.isEmpty()
                    ? new Recovery(Outcome.NOTHING_TO_DO, "opens")
                    : new Recovery(Outcome.LEFTOVER_STOPPED, String.join("; ", done) + "; the database opens");
        }
        Exception e = problem.get();
        if (e instanceof SQLException sql && sql.getErrorCode() == DATABASE_ALREADY_OPEN) {
            done.add("it is in use by another process (" + firstLine(e) + "); Keycloak will not start until that"
                    + " process ends");
            return new Recovery(Outcome.LOCKED_BY_ANOTHER_PROCESS, String.join("; ", done));
        }
        Path aside = moveAside(dir);
        done.add("it cannot be opened (" + firstLine(e) + "); moved it aside to " + aside
                + " and Keycloak starts on a fresh database, importing the realm again");
        return new Recovery(Outcome.MOVED_ASIDE, String.join("; ", done));
    }

    /** Keycloak JVMs started from this installation ({@code -Dkc.home.dir=<home>/bin/..}), other than this one. */
    List<ProcessHandle> leftoverKeycloaks() {
        Path home = distribution.home().toAbsolutePath().normalize();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().arguments().stream()
                        .flatMap(Arrays::stream)
                        .filter(a -> a.startsWith("-Dkc.home.dir="))
                        .anyMatch(a -> Path.of(a.substring("-Dkc.home.dir=".length()))
                                .toAbsolutePath()
                                .normalize()
                                .equals(home)))
                .toList();
    }

    private static String stop(ProcessHandle leftover) {
        leftover.destroy();
        try {
            leftover.onExit().get(LEFTOVER_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return "stopped a Keycloak left running by an earlier launcher (pid " + leftover.pid() + ")";
        } catch (TimeoutException | ExecutionException e) {
            leftover.destroyForcibly();
            return "killed a Keycloak left running by an earlier launcher (pid " + leftover.pid()
                    + "), it did not stop within " + LEFTOVER_GRACE.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "asked a Keycloak left running by an earlier launcher to stop (pid " + leftover.pid() + ")";
        }
    }

    /** The H2 jar Keycloak runs with; opening its file with another H2 version could change the file's format. */
    Optional<Path> h2Jar() throws IOException {
        Path libs = distribution.home().resolve("lib").resolve("lib").resolve("main");
        if (!Files.isDirectory(libs)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(libs, "com.h2database.h2-*.jar")) {
            for (Path jar : jars) {
                return Optional.of(jar);
            }
        }
        return Optional.empty();
    }

    /** Empty when the database opens and every table reads through; the failure otherwise. */
    private static Optional<Exception> openAndReadAll(Path h2Jar, Path dir) throws IOException {
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {h2Jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader)
                    .getDeclaredConstructor()
                    .newInstance();
            Properties credentials = new Properties();
            // Keycloak's dev-file database has H2's default user: empty name, empty password.
            credentials.setProperty("user", "");
            credentials.setProperty("password", "");
            // The same URL options Keycloak uses in dev mode; IFEXISTS so that a typo never creates an empty database.
            String url = "jdbc:h2:file:" + dir.resolve(NAME) + ";NON_KEYWORDS=VALUE;IFEXISTS=TRUE";
            try (Connection connection = driver.connect(url, credentials)) {
                readAllTables(connection);
            } finally {
                loader.loadClass("org.h2.Driver").getMethod("unload").invoke(null);
            }
            return Optional.empty();
        } catch (SQLException e) {
            return e.getErrorCode() == WRONG_USER_OR_PASSWORD ? Optional.empty() : Optional.of(e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new CannotCheck(h2Jar, e);
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    private static void readAllTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs =
                            statement.executeQuery("SELECT * FROM PUBLIC.\"" + table.replace("\"", "\"\"") + "\"")) {
                while (rs.next()) {
                    for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                        rs.getObject(column);
                    }
                }
            }
        }
    }

    private Path moveAside(Path dir) throws IOException {
        Path aside = dir.resolveSibling(
                dir.getFileName() + "-broken-" + LocalDateTime.now(clock).format(ASIDE_SUFFIX));
        for (int i = 2; Files.exists(aside); i++) {
            aside = aside.resolveSibling(aside.getFileName() + "-" + i);
        }
        Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }

    /** Keycloak's H2 could not be loaded: says nothing about the database, which is then left as it is. */
    private static final class CannotCheck extends IOException {

        CannotCheck(Path h2Jar, Throwable cause) {
            super("cannot load H2 from " + h2Jar + ": " + cause, cause);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
