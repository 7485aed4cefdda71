package cn.fulian.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Docker Compose files and the Kubernetes manifests, checked without Docker or a cluster: they parse, every
 * service has a health check and an image or build, and every platform component is deployed with its probes. Whether
 * they would work on their first run is {@link ComposeFilesTest}'s and {@link KubernetesFilesTest}'s to check.
 */
class DeploymentFilesTest {

    static final Path INFRA = Path.of(System.getProperty("user.dir"));
    static final Set<String> COMPONENTS =
            Set.of("planning-service", "activity-service", "rights-service", "reporting-service", "gateway");

    @Test
    void everyComposeServiceHasAHealthCheckAndAnImageOrABuild() throws Exception {
        Set<String> services = new TreeSet<>();
        for (String file : List.of("infra.yml", "platform.yml")) {
            // merge keys (<<: *service) resolved, as Compose does
            JsonNode compose = DeploymentChecks.yaml(
                            Files.readString(INFRA.resolve("compose").resolve(file)))
                    .get(0);
            for (Map.Entry<String, JsonNode> e : compose.get("services").properties()) {
                JsonNode service = e.getValue();
                services.add(e.getKey());
                assertThat(service.has("image") || service.has("build"))
                        .as(file + ": " + e.getKey() + " has an image or a build")
                        .isTrue();
                assertThat(service.has("healthcheck"))
                        .as(file + ": " + e.getKey() + " has a health check")
                        .isTrue();
            }
        }
        assertThat(services)
                .contains("mongo", "kafka", "keycloak", "keycloak-db")
                .containsAll(COMPONENTS);
    }

    @Test
    void everyPlatformServiceIsBuiltFromItsModuleAndStartsAfterTheInfrastructureIsHealthy() throws Exception {
        JsonNode platform = DeploymentChecks.yaml(Files.readString(INFRA.resolve("compose/platform.yml")))
                .get(0);
        for (String name : COMPONENTS) {
            JsonNode service = platform.get("services").get(name);
            assertThat(service.get("build").get("args").get("MODULE").asString())
                    .isEqualTo(name);
            assertThat(Files.exists(INFRA.getParent().resolve(name).resolve("pom.xml")))
                    .isTrue();
        }
        for (String name : COMPONENTS) {
            JsonNode dependsOn = platform.get("services").get(name).get("depends_on");
            for (String dependency : List.of("mongo", "kafka", "keycloak")) {
                assertThat(dependsOn.get(dependency).get("condition").asString())
                        .isEqualTo("service_healthy");
            }
        }
    }

    @Test
    void kustomizeListsADeploymentWithProbesAServiceAnAutoscalerAndADisruptionBudgetPerComponent() throws Exception {
        JsonNode kustomization = DeploymentChecks.yaml(Files.readString(INFRA.resolve("k8s/kustomization.yaml")))
                .get(0);
        Set<String> resources = new TreeSet<>();
        kustomization.get("resources").forEach(r -> resources.add(r.asString()));
        for (String name : COMPONENTS) {
            assertThat(resources).contains(name + ".yaml");
            Set<String> kinds = new TreeSet<>();
            JsonNode deployment = null;
            for (String doc :
                    Files.readString(INFRA.resolve("k8s/" + name + ".yaml")).split("(?m)^---$")) {
                JsonNode node = DeploymentChecks.yaml(doc).get(0);
                kinds.add(node.get("kind").asString());
                if (node.get("kind").asString().equals("Deployment")) {
                    deployment = node;
                }
            }
            assertThat(kinds)
                    .as(name)
                    .containsExactlyInAnyOrder(
                            "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget");
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.has("readinessProbe") && container.has("livenessProbe"))
                    .as(name)
                    .isTrue();
            assertThat(container.at("/resources/requests/cpu").isMissingNode())
                    .as(name)
                    .isFalse();
        }
        assertThat(Files.readString(INFRA.resolve("k8s/rights-service.yaml"))).contains("secretKeyRef");
    }
}
