package cn.fulian.gateway.websession;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.store.MongoWireServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.web.server.WebSession;

/** Two gateways on one MongoDB: what one stores in a browser's session, the other reads back. */
class MongoWebSessionStoreTest {

    private MongoWireServer server;
    private MongoClient client;
    private MongoCollection<Document> sessions;
    private MutableClock clock;

    @BeforeEach
    void start() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create("mongodb://127.0.0.1:" + server.port());
        sessions = client.getDatabase("gateway").getCollection(SessionStoreConfig.COLLECTION);
        clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private MongoWebSessionStore gateway() {
        MongoWebSessionStore store = new MongoWebSessionStore(sessions, Duration.ofMinutes(30), clock);
        store.createIndexes();
        return store;
    }

    @Test
    void aLoginStoredByOneGatewayIsReadByAnother() {
        MongoWebSessionStore a = gateway();
        MongoWebSessionStore b = gateway();
        WebSession session = a.createWebSession().block();
        session.getAttributes().put("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(login()));
        session.getAttributes().put("authorizedClient", authorizedClient());
        session.changeSessionId().block(); // as a login does
        session.save().block();

        WebSession seen = b.retrieveSession(session.getId()).block();

        assertThat(seen).isNotNull();
        SecurityContextImpl context = (SecurityContextImpl) seen.getAttributes().get("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo("district-gulou");
        OAuth2AuthorizedClient client =
                (OAuth2AuthorizedClient) seen.getAttributes().get("authorizedClient");
        assertThat(client.getAccessToken().getTokenValue()).isEqualTo("access-token-value");
        assertThat(client.getRefreshToken().getTokenValue()).isEqualTo("refresh-token-value");
    }

    @Test
    void aNewIdReplacesTheOldDocumentAndTheOldIdFindsNothing() {
        MongoWebSessionStore a = gateway();
        WebSession session = a.createWebSession().block();
        session.getAttributes().put("step", "authorization request");
        session.save().block();
        String before = session.getId();

        session.changeSessionId().block();
        session.save().block();

        assertThat(session.getId()).isNotEqualTo(before);
        assertThat(gateway().retrieveSession(before).blockOptional()).isEmpty();
        assertThat(gateway().retrieveSession(session.getId()).blockOptional()).isPresent();
        assertThat(sessions.countDocuments()).isEqualTo(1);
    }

    @Test
    void aLogoutOnOneGatewayEndsTheSessionOnTheOther() {
        WebSession session = gateway().createWebSession().block();
        session.getAttributes().put("user", "city-admin");
        session.save().block();
        WebSession onB = gateway().retrieveSession(session.getId()).block();

        onB.invalidate().block();

        assertThat(gateway().retrieveSession(session.getId()).blockOptional()).isEmpty();
        assertThat(onB.isExpired()).isTrue();
    }

    @Test
    void aSessionIdleLongerThanItsLimitIsGoneAndCarriesItsExpiryForTheTtlIndex() {
        WebSession session = gateway().createWebSession().block();
        session.getAttributes().put("user", "city-admin");
        session.save().block();
        assertThat(sessions.find().first().getDate("expireAt").toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));

        clock.advance(Duration.ofMinutes(31));

        assertThat(gateway().retrieveSession(session.getId()).blockOptional()).isEmpty();
    }

    @Test
    void anUnchangedSessionIsNotWrittenOnEveryRequestButItsAccessTimeIsKeptFresh() {
        MongoWebSessionStore store = gateway();
        WebSession session = store.createWebSession().block();
        session.getAttributes().put("user", "city-admin");
        session.save().block();
        Instant stored = sessions.find().first().getDate("lastAccessedAt").toInstant();

        clock.advance(Duration.ofSeconds(20));
        WebSession next = store.retrieveSession(session.getId()).block();
        store.updateLastAccessTime(next).block();
        next.save().block();
        assertThat(sessions.find().first().getDate("lastAccessedAt").toInstant())
                .isEqualTo(stored);

        clock.advance(MongoWebSessionStore.TOUCH_EVERY);
        WebSession later = store.retrieveSession(session.getId()).block();
        store.updateLastAccessTime(later).block();
        later.save().block();
        assertThat(sessions.find().first().getDate("lastAccessedAt").toInstant())
                .isEqualTo(clock.instant());
    }

    @Test
    void anUnreadableStoredSessionMeansLoggingInAgainNotAnError() {
        sessions.insertOne(new Document("_id", "damaged")
                .append("createdAt", java.util.Date.from(clock.instant()))
                .append("lastAccessedAt", java.util.Date.from(clock.instant()))
                .append("maxIdleSeconds", 1800L)
                .append("attributes", new org.bson.types.Binary(new byte[] {1, 2, 3})));

        assertThat(gateway().retrieveSession("damaged").blockOptional()).isEmpty();
        assertThat(sessions.countDocuments()).isZero();
    }

    private static OAuth2AuthenticationToken login() {
        Instant issued = Instant.parse("2026-03-01T07:59:00Z");
        OidcIdToken idToken = new OidcIdToken(
                "id-token-value",
                issued,
                issued.plusSeconds(300),
                Map.of("sub", "u-1", "preferred_username", "district-gulou", "org_unit", "350100/350102"));
        DefaultOidcUser user =
                new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), idToken, "preferred_username");
        return new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak");
    }

    private static OAuth2AuthorizedClient authorizedClient() {
        ClientRegistration registration = ClientRegistration.withRegistrationId("keycloak")
                .clientId("fulian-gateway")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://127.0.0.1:8180/realms/fulian/protocol/openid-connect/auth")
                .tokenUri("http://127.0.0.1:8180/realms/fulian/protocol/openid-connect/token")
                .build();
        Instant issued = Instant.parse("2026-03-01T07:59:00Z");
        return new OAuth2AuthorizedClient(
                registration,
                "district-gulou",
                new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER, "access-token-value", issued, issued.plusSeconds(300)),
                new OAuth2RefreshToken("refresh-token-value", issued));
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
