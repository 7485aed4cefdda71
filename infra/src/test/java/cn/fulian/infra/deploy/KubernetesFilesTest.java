package cn.fulian.infra.deploy;

import static cn.fulian.infra.deploy.DeploymentChecks.byName;
import static cn.fulian.infra.deploy.DeploymentChecks.containers;
import static cn.fulian.infra.deploy.DeploymentChecks.envExampleProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.imageProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.ingressProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.jibProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.kubernetesIssuerProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.kubernetesSecretProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.kubernetesVolumeProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.networkPolicyProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.secretReferenceProblems;
import static cn.fulian.infra.deploy.DeploymentChecks.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.infra.deploy.DeploymentChecks.Build;
import cn.fulian.infra.deploy.DeploymentChecks.ImageFacts;
import cn.fulian.infra.deploy.DeploymentChecks.Rendering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Kubernetes manifests as {@code kubectl kustomize} renders them would run as written: checked without a cluster,
 * each check also shown to catch the mistake it is there for on a copy broken in memory.
 */
class KubernetesFilesTest {

    static final Path INFRA = Path.of(System.getProperty("user.dir"));
    static final Path ROOT = INFRA.getParent();
    static final Path K8S = INFRA.resolve("k8s");

    static List<JsonNode> platform;
    static List<JsonNode> secrets;
    static Map<String, ImageFacts> images;

    @TempDir
    Path dir;

    @BeforeAll
    static void render(@TempDir Path temp) throws Exception {
        Assumptions.assumeTrue(
                DeploymentChecks.kubectlInstalled(),
                "kubectl is not installed (apt-get install -y kubernetes-client; .ci/run installs it): the manifests"
                        + " were not rendered, so none of these checks ran");
        Rendering rendering = DeploymentChecks.kustomize(K8S);
        assertThat(rendering.rendered()).as(rendering.errors()).isTrue();
        platform = yaml(rendering.output());

        // The secrets kustomization renders once the operator has written its two files; here from the example.
        Path secretsDir = temp.resolve("secrets");
        copy(K8S.resolve("secrets"), secretsDir);
        Files.copy(
                secretsDir.resolve("secrets.env.example"),
                secretsDir.resolve("secrets.env"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(secretsDir.resolve("realm.json"), "{\"realm\":\"fulian\"}");
        Rendering secretsRendering = DeploymentChecks.kustomize(secretsDir);
        assertThat(secretsRendering.rendered()).as(secretsRendering.errors()).isTrue();
        secrets = yaml(secretsRendering.output());

        images = DeploymentChecks.images(Files.readString(INFRA.resolve("compose/Dockerfile")));
    }

    @Test
    void kustomizeRendersThePlatformAndRefusesABrokenKustomization() throws Exception {
        assertThat(byName(platform, "Deployment").keySet())
                .containsAll(DeploymentChecks.COMPONENTS)
                .contains("keycloak");
        assertThat(byName(platform, "StatefulSet").keySet()).containsExactlyInAnyOrder("mongo", "kafka", "keycloak-db");

        Path broken = dir.resolve("k8s");
        copy(K8S, broken);
        Path kustomization = broken.resolve("kustomization.yaml");
        Files.writeString(
                kustomization, Files.readString(kustomization).replace("  - gateway.yaml", "  - gateway.yml"));
        Rendering rendering = DeploymentChecks.kustomize(broken);
        assertThat(rendering.rendered()).isFalse();
        assertThat(rendering.errors()).contains("gateway.yml");
    }

    @Test
    void withoutTheOperatorsFilesTheSecretsDoNotRenderSoNoPlaceholderIsEverDeployed() throws Exception {
        Path withoutFiles = dir.resolve("secrets");
        copy(K8S.resolve("secrets"), withoutFiles);
        Files.deleteIfExists(withoutFiles.resolve("secrets.env"));
        Files.deleteIfExists(withoutFiles.resolve("realm.json"));

        Rendering rendering = DeploymentChecks.kustomize(withoutFiles);

        assertThat(rendering.rendered()).isFalse();
        assertThat(rendering.errors()).contains("secrets.env");
    }

    @Test
    void everyComponentChecksTheIssuerKeycloakPutsInItsTokensAndTheIngressServesIt() {
        assertThat(kubernetesIssuerProblems(platform)).isEmpty();

        List<JsonNode> fixedHostname = copy(platform);
        ArrayNode args =
                (ArrayNode) containers(byName(fixedHostname, "Deployment").get("keycloak"))
                        .get(0)
                        .path("args");
        int hostname = indexStartingWith(args, "--hostname=");
        args.remove(hostname);
        args.insert(hostname, "--hostname=https://keycloak.other.example.cn");
        assertThat(kubernetesIssuerProblems(fixedHostname))
                .contains("gateway accepts tokens issued by https://id.fulian.example.cn/realms/fulian, but Keycloak"
                        + " issues them as https://keycloak.other.example.cn/realms/fulian (--hostname): it would"
                        + " refuse every one")
                .anyMatch(p -> p.startsWith("no Ingress serves keycloak.other.example.cn"));

        List<JsonNode> internalIssuer = copy(platform);
        env(byName(internalIssuer, "Deployment").get("planning-service"))
                .addObject()
                .put("name", "KEYCLOAK_URL")
                .put("value", "http://keycloak:8080");
        assertThat(kubernetesIssuerProblems(internalIssuer))
                .anyMatch(p ->
                        p.startsWith("planning-service accepts tokens issued by http://keycloak:8080/realms/fulian"));

        List<JsonNode> wrongInternal = copy(platform);
        settings(wrongInternal).put("KEYCLOAK_INTERNAL_URL", "http://keycloak:8180");
        assertThat(kubernetesIssuerProblems(wrongInternal))
                .anyMatch(
                        p -> p.equals("gateway: KEYCLOAK_INTERNAL_URL http://keycloak:8180 is not Keycloak's Service"));
    }

    @Test
    void everyStatefulComponentKeepsItsDataOnAPersistentVolume() {
        assertThat(kubernetesVolumeProblems(platform, images)).isEmpty();

        List<JsonNode> kafkaInTmp = copy(platform);
        ArrayNode kafkaEnv = env(byName(kafkaInTmp, "StatefulSet").get("kafka"));
        kafkaEnv.remove(indexOfName(kafkaEnv, "KAFKA_LOG_DIRS"));
        assertThat(kubernetesVolumeProblems(kafkaInTmp, images))
                .containsExactly("StatefulSet kafka keeps its data in /tmp/kraft-combined-logs, which is on no"
                        + " persistent volume (mounted: [/var/lib/kafka/data]): it would be lost with the container");

        List<JsonNode> postgresOutside = copy(platform);
        ArrayNode postgresEnv = env(byName(postgresOutside, "StatefulSet").get("keycloak-db"));
        ((ObjectNode) postgresEnv.get(indexOfName(postgresEnv, "PGDATA"))).put("value", "/pgdata");
        assertThat(kubernetesVolumeProblems(postgresOutside, images))
                .anyMatch(p -> p.startsWith("StatefulSet keycloak-db keeps its data in /pgdata"));

        List<JsonNode> mongoOnEmptyDir = copy(platform);
        ((ObjectNode) byName(mongoOnEmptyDir, "StatefulSet").get("mongo").path("spec")).remove("volumeClaimTemplates");
        assertThat(kubernetesVolumeProblems(mongoOnEmptyDir, images))
                .anyMatch(p -> p.startsWith("StatefulSet mongo keeps its data in /data/db, which is on no persistent"));
    }

    @Test
    void noSecretIsWrittenInTheManifestsAndEveryOneTheyReferToIsMadeFromTheOperatorsFiles() throws Exception {
        assertThat(kubernetesSecretProblems(platform)).isEmpty();
        assertThat(secretReferenceProblems(platform, secrets)).isEmpty();
        Set<String> keys = new TreeSet<>();
        for (JsonNode workload : DeploymentChecks.workloads(platform)) {
            for (JsonNode container : containers(workload)) {
                container.path("env").forEach(v -> {
                    JsonNode ref = v.path("valueFrom").path("secretKeyRef");
                    if (ref.path("name").asString().equals("fulian-secrets")) {
                        keys.add(ref.path("key").asString());
                    }
                });
            }
        }
        String example = Files.readString(K8S.resolve("secrets/secrets.env.example"));
        assertThat(envExampleProblems("secrets.env.example", example, keys)).isEmpty();

        List<JsonNode> literal = copy(platform);
        ArrayNode rightsEnv = env(byName(literal, "Deployment").get("rights-service"));
        ((ObjectNode) rightsEnv.get(indexOfName(rightsEnv, "RIGHTS_ENCRYPTION_KEY")))
                .put("value", "REPLACE-WITH-BASE64-OF-32-RANDOM-BYTES")
                .remove("valueFrom");
        assertThat(kubernetesSecretProblems(literal))
                .containsExactly(
                        "rights-service: RIGHTS_ENCRYPTION_KEY is written in the manifest"
                                + " (REPLACE-WITH-BASE64-OF-32-RANDOM-BYTES), not taken from a Secret",
                        "rights-service is not given RIGHTS_ENCRYPTION_KEY from a Secret");

        List<JsonNode> committedDefault = copy(platform);
        ArrayNode gatewayEnv = env(byName(committedDefault, "Deployment").get("gateway"));
        gatewayEnv.remove(indexOfName(gatewayEnv, "GATEWAY_CLIENT_SECRET"));
        assertThat(kubernetesSecretProblems(committedDefault))
                .containsExactly("gateway is not given GATEWAY_CLIENT_SECRET from a Secret");

        List<JsonNode> secretInPlatform = copy(platform);
        secretInPlatform.add(yaml("{kind: Secret, metadata: {name: rights-encryption}, stringData: {K: v}}")
                .get(0));
        assertThat(kubernetesSecretProblems(secretInPlatform))
                .anyMatch(p -> p.startsWith("Secret rights-encryption is in the platform's manifests"));

        List<JsonNode> fewerSecrets = copy(secrets);
        ((ObjectNode) byName(fewerSecrets, "Secret").get("fulian-secrets").path("data")).remove("MONGO_ROOT_PASSWORD");
        assertThat(secretReferenceProblems(platform, fewerSecrets))
                .contains("mongo takes MONGO_INITDB_ROOT_PASSWORD from fulian-secrets/MONGO_ROOT_PASSWORD, which"
                        + " infra/k8s/secrets does not make");
        assertThat(envExampleProblems(
                        "secrets.env.example",
                        example.replace("MONGO_ROOT_PASSWORD=", "MONGO_ROOT_PASSWORD=mongo"),
                        keys))
                .containsExactly("secrets.env.example gives MONGO_ROOT_PASSWORD a value: an example secret would be"
                        + " deployed as it is");
    }

    @Test
    void everyImageIsOneTheBuildMakesWithTheProjectsVersionOrAPinnedThirdPartyImage() throws Exception {
        Document rootPom = DeploymentChecks.xml(Files.readString(ROOT.resolve("pom.xml")));
        Map<String, Document> modulePoms = modulePoms();
        Build build = DeploymentChecks.build(rootPom, modulePoms);
        assertThat(build.version()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(build.modules()).containsExactlyInAnyOrderElementsOf(DeploymentChecks.COMPONENTS);
        Set<String> thirdParty = new TreeSet<>(images.keySet());
        thirdParty.remove(DeploymentChecks.BUILT_IMAGE);

        assertThat(jibProblems(rootPom, modulePoms)).isEmpty();
        assertThat(imageProblems(platform, build, thirdParty)).isEmpty();

        List<JsonNode> latest = copy(platform);
        ((ObjectNode) containers(byName(latest, "Deployment").get("gateway")).get(0))
                .put("image", "fulian/gateway:latest");
        assertThat(imageProblems(latest, build, thirdParty))
                .containsExactly("gateway runs fulian/gateway:latest, but the build tags its images 0.1.0-SNAPSHOT");

        List<JsonNode> unbuilt = copy(platform);
        ((ObjectNode) containers(byName(unbuilt, "Deployment").get("gateway")).get(0))
                .put("image", "registry.example.cn/fulian/web-console:0.1.0-SNAPSHOT");
        assertThat(imageProblems(unbuilt, build, thirdParty))
                .anyMatch(
                        p -> p.startsWith("gateway runs registry.example.cn/fulian/web-console:0.1.0-SNAPSHOT, which no"
                                + " build makes"));

        List<JsonNode> unpinned = copy(platform);
        ((ObjectNode) containers(byName(unpinned, "StatefulSet").get("mongo")).get(0)).put("image", "mongo:latest");
        assertThat(imageProblems(unpinned, build, thirdParty)).anyMatch(p -> p.startsWith("mongo runs mongo:latest"));

        Document boundToVerify = DeploymentChecks.xml(Files.readString(ROOT.resolve("pom.xml"))
                .replace(
                        "<artifactId>jib-maven-plugin</artifactId>",
                        "<artifactId>jib-maven-plugin</artifactId><executions><execution><phase>package</phase>"
                                + "<goals><goal>build</goal></goals></execution></executions>"));
        assertThat(jibProblems(boundToVerify, modulePoms))
                .containsExactly("the root POM binds Jib to a phase: it would run in every mvn verify");

        Map<String, Document> withoutGateway = new LinkedHashMap<>(modulePoms);
        withoutGateway.put("gateway", DeploymentChecks.xml("<project><artifactId>gateway</artifactId></project>"));
        assertThat(jibProblems(rootPom, withoutGateway))
                .containsExactly("gateway does not enable Jib: nothing builds its image");
    }

    @Test
    void fromOutsideOnlyTheGatewayAndKeycloakAreReachableAndTheServicesOnlyFromTheGateway() {
        assertThat(networkPolicyProblems(platform)).isEmpty();

        List<JsonNode> openService = copy(platform);
        openService.add(yaml("""
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata: { name: reporting-from-ingress }
                        spec:
                          podSelector: { matchLabels: { app.kubernetes.io/name: reporting-service } }
                          ingress:
                            - from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ingress-nginx } } }]
                        """).get(0));
        assertThat(networkPolicyProblems(openService))
                .containsExactly("NetworkPolicy reporting-from-ingress lets namespace 'ingress-nginx' reach"
                        + " reporting-service: from outside only the gateway and Keycloak are reachable");

        List<JsonNode> kafkaForAll = copy(platform);
        ObjectNode kafkaPolicy =
                (ObjectNode) byName(kafkaForAll, "NetworkPolicy").get("kafka-from-services");
        ((ObjectNode) kafkaPolicy.path("spec").path("ingress").get(0))
                .putArray("from")
                .addObject()
                .putObject("podSelector");
        assertThat(networkPolicyProblems(kafkaForAll))
                .anyMatch(p -> p.equals("NetworkPolicy kafka-from-services lets gateway reach kafka"));

        List<JsonNode> noDefaultDeny = copy(platform);
        noDefaultDeny.remove(byName(noDefaultDeny, "NetworkPolicy").get("default-deny-ingress"));
        assertThat(networkPolicyProblems(noDefaultDeny)).anyMatch(p -> p.startsWith("no default-deny policy"));
    }

    @Test
    void theIngressesNameTheirClassServeOnlyTlsAndGatewayPodsShareTheBrowsersSessions() {
        assertThat(ingressProblems(platform)).isEmpty();

        List<JsonNode> sessionsInMemory = copy(platform);
        ArrayNode env =
                (ArrayNode) containers(byName(sessionsInMemory, "Deployment").get("gateway"))
                        .get(0)
                        .path("env");
        for (int i = env.size() - 1; i >= 0; i--) {
            if (env.get(i).path("name").asString().equals("GATEWAY_SESSION_MONGODB_URI")) {
                env.remove(i);
            }
        }
        assertThat(ingressProblems(sessionsInMemory))
                .containsExactly("Ingress fulian spreads a browser's requests over up to 8 gateway pods, but each"
                        + " keeps its sessions in memory (no GATEWAY_SESSION_MONGODB_URI): without a shared session"
                        + " store or cookie affinity users are logged out at random");
        ((ObjectNode) byName(sessionsInMemory, "Ingress")
                        .get("fulian")
                        .path("metadata")
                        .path("annotations"))
                .put("nginx.ingress.kubernetes.io/affinity", "cookie");
        assertThat(ingressProblems(sessionsInMemory))
                .as("pinned by a cookie instead")
                .isEmpty();

        List<JsonNode> plain = copy(platform);
        ObjectNode keycloak =
                (ObjectNode) byName(plain, "Ingress").get("keycloak").path("spec");
        keycloak.remove("tls");
        keycloak.remove("ingressClassName");
        assertThat(ingressProblems(plain))
                .containsExactly(
                        "Ingress keycloak names no ingressClassName: no controller may pick it up",
                        "Ingress keycloak serves id.fulian.example.cn without TLS");
    }

    private static Map<String, Document> modulePoms() throws IOException {
        Map<String, Document> poms = new LinkedHashMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml")))
                    .toList()) {
                poms.put(
                        module.getFileName().toString(),
                        DeploymentChecks.xml(Files.readString(module.resolve("pom.xml"))));
            }
        }
        return poms;
    }

    private static List<JsonNode> copy(List<JsonNode> docs) {
        List<JsonNode> copies = new ArrayList<>();
        docs.forEach(d -> copies.add(d.deepCopy()));
        return copies;
    }

    private static ObjectNode settings(List<JsonNode> docs) {
        for (JsonNode doc : docs) {
            if (doc.path("kind").asString().equals("ConfigMap")
                    && DeploymentChecks.name(doc).startsWith("fulian-settings")) {
                return (ObjectNode) doc.path("data");
            }
        }
        throw new AssertionError("no fulian-settings ConfigMap");
    }

    private static ArrayNode env(JsonNode workload) {
        return (ArrayNode) containers(workload).get(0).path("env");
    }

    private static int indexOfName(ArrayNode env, String name) {
        for (int i = 0; i < env.size(); i++) {
            if (env.get(i).path("name").asString().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no " + name);
    }

    private static int indexStartingWith(ArrayNode args, String prefix) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).asString().startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no " + prefix);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
