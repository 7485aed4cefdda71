package cn.fulian.infra;

import cn.fulian.infra.keycloak.KeycloakServer;
import cn.fulian.infra.probe.PortNeed;
import cn.fulian.infra.probe.Probe;
import cn.fulian.infra.service.JavaService;
import cn.fulian.infra.service.Services;
import java.util.ArrayList;
import java.util.List;

/**
 * What a platform with given settings consists of: the components in start order and the ports they listen on. Kafka
 * and the Mongo-wire server are left out when the environment points at a real one.
 */
public final class Topology {

    public static final String KEYCLOAK = "keycloak";
    public static final String KAFKA = "kafka";
    public static final String MONGO = "mongo";
    public static final String GATEWAY_FRONT = "gateway-front";

    private Topology() {}

    public static List<Component> components(PlatformSettings s) {
        String host = PlatformSettings.HOST;
        List<Component> components = new ArrayList<>();
        components.add(new Component(
                KEYCLOAK,
                "Keycloak",
                s.keycloakUrl(),
                Probe.http200(KeycloakServer.discoveryUrl(s.keycloakUrl())),
                false));
        if (s.externalMongoUri().isEmpty()) {
            components.add(new Component(
                    MONGO, "MongoDB (wire)", host + ":" + s.mongoPort(), Probe.tcp(host, s.mongoPort()), true));
        }
        if (s.externalKafka().isEmpty()) {
            components.add(
                    new Component(KAFKA, "Kafka", host + ":" + s.kafkaPort(), Probe.tcp(host, s.kafkaPort()), true));
        }
        for (JavaService service : Services.all(s)) {
            components.add(new Component(
                    service.id(), service.id(), service.url(), Probe.actuatorHealth(service.healthUrl()), false));
        }
        if (!Services.frontedGateways(s).isEmpty()) {
            components.add(new Component(
                    GATEWAY_FRONT,
                    "gateway front",
                    host + ":" + s.gatewayPort(),
                    Probe.tcp(host, s.gatewayPort()),
                    true));
        }
        return components;
    }

    public static List<PortNeed> ports(PlatformSettings s) {
        List<PortNeed> ports = new ArrayList<>();
        for (JavaService service : Services.all(s)) {
            ports.add(new PortNeed(service.port(), service.id(), service.portVariable()));
            ports.add(new PortNeed(
                    service.managementPort(),
                    service.id() + " management, its port + " + JavaService.MANAGEMENT_OFFSET,
                    service.portVariable()));
        }
        if (!Services.frontedGateways(s).isEmpty()) {
            ports.add(new PortNeed(s.gatewayPort(), "gateway front (round robin)", "GATEWAY_PORT"));
        }
        ports.add(new PortNeed(s.keycloakPort(), "Keycloak", "KEYCLOAK_PORT"));
        ports.add(new PortNeed(s.keycloakManagementPort(), "Keycloak management", "KEYCLOAK_MANAGEMENT_PORT"));
        if (s.externalKafka().isEmpty()) {
            ports.add(new PortNeed(s.kafkaPort(), "Kafka", "KAFKA_PORT"));
            ports.add(new PortNeed(s.kafkaControllerPort(), "Kafka controller", "KAFKA_CONTROLLER_PORT"));
        }
        if (s.externalMongoUri().isEmpty()) {
            ports.add(new PortNeed(s.mongoPort(), "MongoDB (wire)", "MONGO_PORT"));
        }
        return ports;
    }
}
