package cn.fulian.infra.keycloak;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak installation under {@code <state>/keycloak}: unpacked once from the distribution zip the build copies to
 * {@code infra/target/keycloak-dist.zip}, and reused afterwards with its database ({@code data/h2}), so the second
 * start skips both the unzip and the realm import.
 */
public final class KeycloakDistribution {

    private static final String REALM_FILE = "fulian-realm.json";

    private final Path home;

    public KeycloakDistribution(Path home) {
        this.home = home;
    }

    public Path home() {
        return home;
    }

    public Path launcher() {
        return home.resolve("bin").resolve("kc.sh");
    }

    /**
     * True when the installation is complete. Keycloak rewrites {@code lib/quarkus/} when it re-augments on its first
     * start; a start interrupted then (Ctrl-C, a timeout) leaves it without {@code quarkus-application.dat}, and
     * Keycloak cannot start again until the distribution is unpacked afresh.
     */
    public boolean isUnpacked() {
        return Files.isRegularFile(launcher())
                && Files.isRegularFile(home.resolve("lib").resolve("quarkus").resolve("quarkus-application.dat"));
    }

    /** Whether an earlier installation is there (complete or not), with its database to keep. */
    public boolean exists() {
        return Files.isDirectory(home);
    }

    /**
     * Unpacks {@code zip} into the home folder, dropping the zip's top folder ({@code keycloak-26.x/}). Unpacks beside
     * it first and renames at the end, so an interrupted unzip never looks like a finished one. An existing {@code
     * data/} folder (database, realm import) moves over into the fresh installation.
     */
    public void unpack(Path zip) throws IOException {
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking");
        deleteRecursively(staging);
        Files.createDirectories(staging);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? "" : name.substring(slash + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                Path target = staging.resolve(relative).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("unexpected entry in " + zip + ": " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(staging.resolve("bin"), "*.sh")) {
            for (Path script : scripts) {
                script.toFile().setExecutable(true);
            }
        }
        Path data = home.resolve("data");
        if (Files.isDirectory(data)) {
            Files.move(data, staging.resolve("data"), StandardCopyOption.ATOMIC_MOVE);
        }
        deleteRecursively(home);
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Puts the realm JSON where {@code --import-realm} reads it. Keycloak imports a realm only when it does not exist
     * yet, so a changed file has no effect on an existing database.
     *
     * @return true if the file differs from the one staged for the existing database (the caller warns about it)
     */
    public boolean stageRealm(Path realmJson) throws IOException {
        return stageRealm(Files.readAllBytes(realmJson));
    }

    /** As {@link #stageRealm(Path)}, for a realm generated from the federation's settings. */
    public boolean stageRealm(byte[] realm) throws IOException {
        Path imports = home.resolve("data").resolve("import");
        Files.createDirectories(imports);
        Path staged = imports.resolve(REALM_FILE);
        boolean changedOnExistingData = Files.isDirectory(databaseDir())
                && Files.exists(staged)
                && !Arrays.equals(Files.readAllBytes(staged), realm);
        Files.write(staged, realm);
        return changedOnExistingData;
    }

    /** Keycloak's dev-mode database: delete it to import the realm afresh. */
    public Path databaseDir() {
        return home.resolve("data").resolve("h2");
    }

    /** Records that Keycloak came up on this database once: its schema and the realm import are complete. */
    public void markDatabaseComplete() throws IOException {
        if (Files.isDirectory(databaseDir())) {
            Files.writeString(completeMarker(), "Keycloak was ready on this database\n");
        }
    }

    /**
     * Deletes a database that Keycloak never came up on. A first start stopped while Keycloak creates its schema leaves
     * a half-made database with its schema lock taken, and the next start would wait for that lock for 15 minutes.
     *
     * @return true if a database was deleted
     */
    public boolean discardIncompleteDatabase() throws IOException {
        if (Files.isDirectory(databaseDir()) && !Files.exists(completeMarker())) {
            deleteRecursively(databaseDir());
            return true;
        }
        return false;
    }

    private Path completeMarker() {
        return databaseDir().resolve("ready-once");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
