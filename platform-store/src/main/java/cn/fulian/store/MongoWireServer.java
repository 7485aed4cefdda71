package cn.fulian.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server listening on a TCP port inside the launcher's JVM. Every service connects to it like to a real
 * MongoDB and picks its own database; the H2 file keeps the data across restarts. It has no multi-document
 * transactions and no change streams, which is why the services write one document per action (see ARCHITECTURE.md).
 */
public final class MongoWireServer implements AutoCloseable {

    private static final String FORMAT_MAP = "storage.format";
    private static final String DOCUMENTS = "documents";
    private static final String BSON = "bson/1";
    private static final int CACHE_MB = 64;
    private static final int UNSAVED_KB = 16 * 1024;

    private final MongoServer server;
    private final int port;

    private MongoWireServer(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static MongoWireServer start(Path file, String host, int port) throws IOException {
        Files.createDirectories(file.getParent());
        skipBufferChecks();
        MongoServer server = new MongoServer(backend(file));
        server.bind(host, port);
        return new MongoWireServer(server, port);
    }

    /**
     * The same store kept in memory, on a free port of 127.0.0.1: what the services' tests run on, so they meet the
     * store the platform runs and not a different backend.
     */
    public static MongoWireServer inMemory() {
        skipBufferChecks();
        MVStore store = new MVStore.Builder().cacheSize(CACHE_MB).open();
        store.<String, String>openMap(FORMAT_MAP).put(DOCUMENTS, BSON);
        MongoServer server = new MongoServer(new BsonH2Backend(store));
        return new MongoWireServer(server, server.bind().getPort());
    }

    public int port() {
        return port;
    }

    /**
     * Documents and keys are stored as BSON and compared as MongoDB compares them. A store written before that
     * (Java-serialized, recognisable by the missing format mark) is opened as it was written.
     */
    static AbstractMongoBackend backend(Path file) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(CACHE_MB)
                .autoCommitBufferSize(UNSAVED_KB)
                .open();
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        boolean written = store.getMapNames().stream().anyMatch(name -> name.startsWith(BsonH2Database.DOCUMENTS));
        if (written && !BSON.equals(format.get(DOCUMENTS))) {
            store.removeMap(FORMAT_MAP);
            return new H2Backend(store);
        }
        format.putIfAbsent(DOCUMENTS, BSON);
        return new BsonH2Backend(store);
    }

    /**
     * Netty checks every buffer access against the buffer's bounds and reference count; on the wire and in the BSON
     * codec that was a quarter of the server's time. The buffers here never leave the code that made them. Read once,
     * when Netty's buffer classes load, so it is set before the server makes its first buffer.
     */
    private static void skipBufferChecks() {
        System.setProperty(
                "io.netty.buffer.checkAccessible", System.getProperty("io.netty.buffer.checkAccessible", "false"));
        System.setProperty("io.netty.buffer.checkBounds", System.getProperty("io.netty.buffer.checkBounds", "false"));
    }

    /** Stops listening and closes the H2 store, which writes out what is still in memory. */
    @Override
    public void close() {
        server.shutdown();
    }
}
