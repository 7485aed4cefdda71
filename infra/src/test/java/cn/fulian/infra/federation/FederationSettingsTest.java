package cn.fulian.infra.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FederationSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theDemoSettingsNameFuzhouWithItsBuiltInTreeAndTheDemoOn() {
        FederationSettings fuzhou = FederationSettings.load(FederationSettings.defaultFile(Path.of("..")));

        assertThat(fuzhou.name()).isEqualTo("福州市妇联");
        assertThat(fuzhou.rootCode()).isEqualTo("350100");
        assertThat(fuzhou.rootType()).isEqualTo("CITY");
        assertThat(fuzhou.tree()).isEqualTo("classpath:seed/org-units.yaml");
        assertThat(fuzhou.demo()).isTrue();
        assertThat(fuzhou.id()).isEqualTo("fuzhou");
    }

    @Test
    void theCountyExampleIsRootedAtItsCountyWithItsOwnTreeFileAndNoDemo() {
        FederationSettings qingxi = FederationSettings.load(Path.of("federations", "qingxi", "federation.yaml"));

        assertThat(qingxi.rootType()).isEqualTo("COUNTY");
        assertThat(qingxi.demo()).isFalse();
        assertThat(qingxi.treeFile())
                .hasValueSatisfying(tree -> assertThat(tree).isRegularFile().hasFileName("org-units.yaml"));
        assertThat(qingxi.tree()).startsWith("file:/");
    }

    @Test
    void aTreePathIsReadRelativeToTheSettingsFile() throws IOException {
        Files.writeString(dir.resolve("tree.csv"), "code,name,type,parentCode\n");
        Path file = write("""
                federation:
                  name: 某区妇联
                  root: { code: "350102", name: 某区, type: district }
                  tree: tree.csv
                  publicUrl: https://fulian.example.cn/
                """);

        FederationSettings settings = FederationSettings.load(file);

        assertThat(settings.treeFile()).contains(dir.resolve("tree.csv"));
        assertThat(settings.rootType()).isEqualTo("DISTRICT");
        assertThat(settings.publicUrl()).contains("https://fulian.example.cn");
        assertThat(settings.demo()).as("the demo is off unless asked for").isFalse();
    }

    @Test
    void everyBadFieldIsNamedAtOnce() throws IOException {
        Path file = write("""
                federation:
                  root: { code: "3501", type: village }
                  tree: missing.yaml
                  publicUrl: fulian.example.cn
                  demo: maybe
                """);

        assertThatThrownBy(() -> FederationSettings.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name: required")
                .hasMessageContaining("root.name: required")
                .hasMessageContaining("root.code: a root unit's code is its 6-digit division code")
                .hasMessageContaining("root.type: must be one of")
                .hasMessageContaining("tree: file not found")
                .hasMessageContaining("publicUrl: must be an http(s) address")
                .hasMessageContaining("demo: must be true or false");
    }

    @Test
    void aTreeInAnUnknownFormatIsRefused() throws IOException {
        Files.writeString(dir.resolve("tree.txt"), "");
        Path file = write("""
                federation:
                  name: 某县妇联
                  root: { code: "350199", name: 某县, type: COUNTY }
                  tree: tree.txt
                """);

        assertThatThrownBy(() -> FederationSettings.load(file))
                .hasMessageContaining("tree: must be a .yaml, .csv or .xlsx");
    }

    @Test
    void aMissingFileOrOneWithoutTheFederationKeyIsReportedAsSuch() throws IOException {
        assertThatThrownBy(() -> FederationSettings.load(dir.resolve("nope.yaml")))
                .hasMessageContaining("federation settings file not found");
        Path other = write("something: else\n");
        assertThatThrownBy(() -> FederationSettings.load(other)).hasMessageContaining("'federation' is missing");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("federation.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
