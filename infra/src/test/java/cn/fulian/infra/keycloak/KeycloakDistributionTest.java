package cn.fulian.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakDistributionTest {

    @TempDir
    Path dir;

    private Path zip;
    private KeycloakDistribution distribution;

    @BeforeEach
    void distributionZipLikeMavenCentralShipsIt() throws IOException {
        zip = dir.resolve("keycloak-dist.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String file :
                    new String[] {"bin/kc.sh", "lib/quarkus/quarkus-application.dat", "conf/keycloak.conf"}) {
                out.putNextEntry(new ZipEntry("keycloak-26.5.6/" + file));
                out.write(file.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        distribution = new KeycloakDistribution(dir.resolve("state/keycloak"));
    }

    @Test
    void unpacksWithoutTheZipsTopFolderAndMakesTheScriptsExecutable() throws IOException {
        assertThat(distribution.isUnpacked()).isFalse();

        distribution.unpack(zip);

        assertThat(distribution.isUnpacked()).isTrue();
        assertThat(distribution.launcher()).isExecutable();
        assertThat(distribution.home().resolve("conf/keycloak.conf")).isRegularFile();
    }

    @Test
    void anInstallationLeftIncompleteByAnInterruptedFirstStartIsUnpackedAgainKeepingItsDatabase() throws IOException {
        distribution.unpack(zip);
        Files.createDirectories(distribution.databaseDir());
        Files.writeString(distribution.databaseDir().resolve("keycloakdb.mv.db"), "users");
        Files.delete(distribution.home().resolve("lib/quarkus/quarkus-application.dat"));
        assertThat(distribution.isUnpacked()).isFalse();

        distribution.unpack(zip);

        assertThat(distribution.isUnpacked()).isTrue();
        assertThat(distribution.databaseDir().resolve("keycloakdb.mv.db")).hasContent("users");
    }

    @Test
    void aRealmFileChangedAfterTheDatabaseExistsIsReportedBecauseKeycloakWillNotReimportIt() throws IOException {
        distribution.unpack(zip);
        Path realm = dir.resolve("fulian-realm.json");
        Files.writeString(realm, "{\"realm\":\"fulian\"}");
        assertThat(distribution.stageRealm(realm)).as("first start").isFalse();
        Files.createDirectories(distribution.databaseDir());
        assertThat(distribution.stageRealm(realm)).as("same file again").isFalse();

        Files.writeString(realm, "{\"realm\":\"fulian\",\"displayName\":\"changed\"}");

        assertThat(distribution.stageRealm(realm)).isTrue();
    }

    @Test
    void aDatabaseKeycloakNeverCameUpOnIsDiscardedAndOneItCameUpOnIsKept() throws IOException {
        distribution.unpack(zip);
        Files.createDirectories(distribution.databaseDir());
        Files.writeString(distribution.databaseDir().resolve("keycloakdb.mv.db"), "half a schema");

        assertThat(distribution.discardIncompleteDatabase()).isTrue();
        assertThat(distribution.databaseDir()).doesNotExist();

        Files.createDirectories(distribution.databaseDir());
        distribution.markDatabaseComplete();

        assertThat(distribution.discardIncompleteDatabase()).isFalse();
        assertThat(distribution.databaseDir()).isDirectory();
    }
}
