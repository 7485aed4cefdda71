package cn.fulian.gateway.websession;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Web sessions as documents of one MongoDB collection: id, creation and last access times, idle limit, the time it
 * expires ({@code expireAt}, under a TTL index so MongoDB removes what nobody uses any more) and the attributes (the
 * security context, the OAuth2 authorization request and the authorized client with the user's tokens), Java-serialized
 * into one binary field: every one of them is {@link Serializable}, and a whole map written at once can never be read
 * half old, half new.
 *
 * <p>A request that changes nothing and comes within {@link #TOUCH_EVERY} of the last write is not written back, so an
 * API call through the gateway costs one read, not a read and a write. The store runs on MongoDB's blocking driver on
 * Reactor's bounded-elastic threads: a session is one small document by key.
 */
public final class MongoWebSessionStore implements WebSessionStore {

    /** How stale a stored last-access time may get before an unchanged session is written again. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(MongoWebSessionStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> sessions;
    private final Duration maxIdleTime;
    private final Clock clock;

    public MongoWebSessionStore(MongoCollection<Document> sessions, Duration maxIdleTime, Clock clock) {
        this.sessions = sessions;
        this.maxIdleTime = maxIdleTime;
        this.clock = clock;
    }

    /** The TTL index: MongoDB deletes a session once its {@code expireAt} has passed. */
    public void createIndexes() {
        sessions.createIndex(Indexes.ascending("expireAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public Mono<WebSession> createWebSession() {
        Instant now = clock.instant();
        return Mono.just(new StoredSession(newId(), now, now, maxIdleTime, new ConcurrentHashMap<>(), null, null));
    }

    @Override
    public Mono<WebSession> retrieveSession(String id) {
        return Mono.fromCallable(() -> load(id)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> removeSession(String id) {
        return Mono.fromRunnable(() -> sessions.deleteOne(new Document("_id", id)))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    @Override
    public Mono<WebSession> updateLastAccessTime(WebSession webSession) {
        return Mono.fromSupplier(() -> {
            ((StoredSession) webSession).lastAccessTime = clock.instant();
            return webSession;
        });
    }

    private WebSession load(String id) {
        Document stored = sessions.find(new Document("_id", id)).first();
        if (stored == null) {
            return null;
        }
        StoredSession session;
        try {
            byte[] attributes = stored.get("attributes", Binary.class).getData();
            session = new StoredSession(
                    id,
                    stored.getDate("createdAt").toInstant(),
                    stored.getDate("lastAccessedAt").toInstant(),
                    Duration.ofSeconds(stored.getLong("maxIdleSeconds")),
                    read(attributes),
                    attributes,
                    stored.getDate("lastAccessedAt").toInstant());
        } catch (RuntimeException | IOException | ClassNotFoundException unreadable) {
            // written by a gateway of another version, or damaged: the user logs in again
            log.warn("web session {} cannot be read ({}); it is discarded", id, unreadable.toString());
            sessions.deleteOne(new Document("_id", id));
            return null;
        }
        if (session.isExpired()) {
            sessions.deleteOne(new Document("_id", id));
            return null;
        }
        return session;
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] write(Map<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(attributes));
        } catch (IOException e) {
            throw new IllegalStateException("a session attribute cannot be stored: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(byte[] data) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            return new ConcurrentHashMap<>((Map<String, Object>) in.readObject());
        }
    }

    /** A session as this request sees it; {@link #save()} writes it when it changed or its access time is stale. */
    private final class StoredSession implements WebSession {

        private volatile String id;
        /** The id it was stored under, when a login changed it: that document is replaced. */
        private volatile String storedId;

        private final Instant creationTime;
        private volatile Instant lastAccessTime;
        private volatile Duration maxIdleTime;
        private final Map<String, Object> attributes;
        private final byte[] storedAttributes;
        private final Instant storedAccessTime;
        private volatile boolean started;
        private volatile boolean invalidated;

        StoredSession(
                String id,
                Instant creationTime,
                Instant lastAccessTime,
                Duration maxIdleTime,
                Map<String, Object> attributes,
                byte[] storedAttributes,
                Instant storedAccessTime) {
            this.id = id;
            this.storedId = storedAttributes == null ? null : id;
            this.creationTime = creationTime;
            this.lastAccessTime = lastAccessTime;
            this.maxIdleTime = maxIdleTime;
            this.attributes = attributes;
            this.storedAttributes = storedAttributes;
            this.storedAccessTime = storedAccessTime;
            this.started = storedAttributes != null;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public boolean isStarted() {
            return started || !attributes.isEmpty();
        }

        @Override
        public Mono<Void> changeSessionId() {
            id = newId();
            return Mono.empty();
        }

        @Override
        public Mono<Void> invalidate() {
            invalidated = true;
            attributes.clear();
            String gone = storedId;
            return gone == null ? Mono.empty() : removeSession(gone);
        }

        @Override
        public Mono<Void> save() {
            if (invalidated) {
                return Mono.empty();
            }
            return Mono.fromRunnable(this::store)
                    .subscribeOn(Schedulers.boundedElastic())
                    .then();
        }

        private void store() {
            byte[] data = write(attributes);
            boolean unchanged = id.equals(storedId)
                    && Arrays.equals(data, storedAttributes)
                    && storedAccessTime != null
                    && lastAccessTime.isBefore(storedAccessTime.plus(TOUCH_EVERY));
            if (unchanged) {
                return;
            }
            Document document = new Document("_id", id)
                    .append("createdAt", Date.from(creationTime))
                    .append("lastAccessedAt", Date.from(lastAccessTime))
                    .append("maxIdleSeconds", maxIdleTime.toSeconds())
                    .append("expireAt", Date.from(lastAccessTime.plus(maxIdleTime)))
                    .append("attributes", new Binary(data));
            sessions.replaceOne(new Document("_id", id), document, new ReplaceOptions().upsert(true));
            if (storedId != null && !storedId.equals(id)) {
                sessions.deleteOne(new Document("_id", storedId));
            }
            storedId = id;
        }

        @Override
        public boolean isExpired() {
            return invalidated
                    || (!maxIdleTime.isNegative() && clock.instant().isAfter(lastAccessTime.plus(maxIdleTime)));
        }

        @Override
        public Instant getCreationTime() {
            return creationTime;
        }

        @Override
        public Instant getLastAccessTime() {
            return lastAccessTime;
        }

        @Override
        public void setMaxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
        }

        @Override
        public Duration getMaxIdleTime() {
            return maxIdleTime;
        }
    }
}
