package cn.fulian.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.KeycloakAdmin;
import cn.fulian.system.LaunchedPlatform;
import cn.fulian.system.PlatformApi;
import cn.fulian.system.PlatformApi.Answer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An RSA key the test holds and Keycloak's realm publishes (a low-priority key provider added through the admin API,
 * so Keycloak keeps signing with its own key). Tokens the test signs with it pass the signature check, so a token that
 * differs from a good one only in its expiry, issuer or audience tests exactly that check.
 */
final class TrustedTestKey implements AutoCloseable {

    static final String NAME = "system-test-key";

    private final PlatformApi api;
    private final HttpClient http = HttpClient.newHttpClient();
    private final RSAKey key;
    private final String componentId;
    final String kid;

    private TrustedTestKey(PlatformApi api, RSAKey key, String componentId, String kid) {
        this.api = api;
        this.key = key;
        this.componentId = componentId;
        this.kid = kid;
    }

    static TrustedTestKey install(PlatformApi api) throws Exception {
        RSAKey generated = new RSAKeyGenerator(2048).generate();
        TrustedTestKey probe = new TrustedTestKey(api, generated, null, null);
        String admin = probe.adminToken();
        String components = PlatformApi.KEYCLOAK + "/admin/realms/fulian/components";
        for (JsonNode old :
                probe.send("GET", components + "?name=" + NAME, admin, null).json()) {
            probe.send("DELETE", components + "/" + old.path("id").asString(), admin, null);
        }
        String realmId = probe.send("GET", PlatformApi.KEYCLOAK + "/admin/realms/fulian", admin, null)
                .json()
                .path("id")
                .asString();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(generated.toRSAPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        Map<String, Object> component = Map.of(
                "name",
                NAME,
                "providerId",
                "rsa",
                "providerType",
                "org.keycloak.keys.KeyProvider",
                "parentId",
                realmId,
                "config",
                Map.of(
                        "priority", List.of("1"),
                        "enabled", List.of("true"),
                        "active", List.of("true"),
                        "algorithm", List.of("RS256"),
                        "privateKey", List.of(pem)));
        Answer created = probe.send("POST", components, admin, PlatformApi.JSON.writeValueAsString(component));
        assertThat(created.status())
                .as("adding the test key: %s", created.body())
                .isEqualTo(201);
        String location = created.raw().headers().firstValue("Location").orElseThrow();
        String componentId = location.substring(location.lastIndexOf('/') + 1);

        String modulus = generated.getModulus().toString();
        JsonNode jwks = probe.send("GET", PlatformApi.ISSUER + "/protocol/openid-connect/certs", null, null)
                .json();
        String kid = null;
        for (JsonNode k : jwks.path("keys")) {
            if (modulus.equals(k.path("n").asString())) {
                kid = k.path("kid").asString();
            }
        }
        assertThat(kid)
                .as("the test key in the realm's published keys %s", jwks)
                .isNotNull();
        return new TrustedTestKey(api, generated, componentId, kid);
    }

    /** Signs {@code claims} with the trusted key under its published key id. */
    String sign(JWTClaimsSet claims) throws Exception {
        return sign(claims, key, kid);
    }

    static String sign(JWTClaimsSet claims, RSAKey with, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(kid)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    @Override
    public void close() throws Exception {
        if (componentId != null) {
            send("DELETE", PlatformApi.KEYCLOAK + "/admin/realms/fulian/components/" + componentId, adminToken(), null);
        }
    }

    private String adminToken() throws IOException {
        return KeycloakAdmin.token(
                api, PlatformApi.KEYCLOAK, LaunchedPlatform.shared().state());
    }

    private Answer send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json =
                response.body().isBlank() ? PlatformApi.JSON.missingNode() : PlatformApi.JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.body(), json, response);
    }
}
