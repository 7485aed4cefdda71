package cn.fulian.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.fulian.infra.PlatformSettings;
import cn.fulian.infra.service.JavaService;
import cn.fulian.infra.service.Services;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The example Prometheus configuration scrapes every management port the launcher gives out, and Prometheus' own
 * {@code promtool} accepts the configuration and the alert rules and runs their unit tests ({@code alerts-test.yml}).
 * {@code .ci/run} installs promtool (Debian's {@code prometheus} package); without it the promtool checks are skipped.
 */
class PrometheusFilesTest {

    static final Path DIR = Path.of(System.getProperty("user.dir")).resolve("prometheus");

    @Test
    void theExampleConfigurationScrapesTheManagementPortOfEveryServiceAndTheGateway() throws IOException {
        JsonNode config =
                new YAMLMapper().readTree(DIR.resolve("prometheus.yml").toFile());
        JsonNode job = config.get("scrape_configs").get(0);
        Set<String> targets = new HashSet<>();
        job.get("static_configs").forEach(c -> c.get("targets").forEach(t -> targets.add(t.asString())));

        Set<String> managementPorts = new HashSet<>();
        for (JavaService service : Services.all(PlatformSettings.fromEnvironment(Map.of(), Path.of("/repo")))) {
            managementPorts.add("127.0.0.1:" + service.managementPort());
        }
        assertThat(job.get("metrics_path").asString()).isEqualTo("/actuator/prometheus");
        assertThat(targets).isEqualTo(managementPorts);
    }

    @Test
    void promtoolAcceptsTheConfigurationAndTheRules() throws Exception {
        assumeTrue(promtoolInstalled(), "promtool is not installed (apt-get install prometheus)");

        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS: 5 rules found");
    }

    @Test
    void eachAlertFiresOnWhatItWatchesAndOnlyThen() throws Exception {
        assumeTrue(promtoolInstalled(), "promtool is not installed (apt-get install prometheus)");

        assertThat(promtool("test", "rules", "alerts-test.yml")).contains("SUCCESS");
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "promtool";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command)
                .directory(DIR.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean promtoolInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) {
                return true;
            }
        }
        return false;
    }
}
