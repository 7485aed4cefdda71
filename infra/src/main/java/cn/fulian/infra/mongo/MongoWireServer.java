package cn.fulian.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server listening on a TCP port inside the launcher's JVM. Every service connects to it like to a real
 * MongoDB and picks its own database; the H2 file keeps the data across restarts. It has no multi-document
 * transactions and no change streams, which is why the services write one document per action (see ARCHITECTURE.md).
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;

    private MongoWireServer(MongoServer server) {
        this.server = server;
    }

    public static MongoWireServer start(Path file, String host, int port) throws IOException {
        Files.createDirectories(file.getParent());
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        server.bind(host, port);
        return new MongoWireServer(server);
    }

    /** Stops listening and closes the H2 store, which writes out what is still in memory. */
    @Override
    public void close() {
        server.shutdown();
    }
}
