package cn.fulian.gateway;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Access tokens shaped and signed as Keycloak issues them for realm {@code fulian}: a district staff member's. */
final class TestTokens {

    static final String CERTS = "/realms/fulian/protocol/openid-connect/certs";

    private TestTokens() {}

    static RSAKey newKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with {@code signer}, naming {@code keyId} as the key (a forger names the realm's key). */
    static String sign(RSAKey signer, String keyId, String issuer, String audience, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject("user-1")
                    .audience(audience)
                    .issueTime(new Date())
                    .expirationTime(Date.from(expires))
                    .claim("preferred_username", "gulou-staff")
                    .claim("org_unit", "350100/350102")
                    .claim("realm_access", Map.of("roles", List.of("district")))
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(keyId)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] jwks(RSAKey key) {
        return new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A stand-in for Keycloak that serves only the realm's signing keys. */
    static HttpServer keyServer(RSAKey key) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(CERTS, exchange -> {
                byte[] body = jwks(key);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
