package cn.fulian.starter.test;

import cn.fulian.store.MongoWireServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives a test application context its own Mongo-wire store, the one the platform runs, kept in memory, and points
 * {@code spring.mongodb.uri} at it. Stopped when the context closes.
 *
 * <p>With {@code fulian.test.mongo-link=cuttable} the service reaches the server through a {@link CuttableLink} (a bean
 * the test can cut and restore) and gives up selecting a server after half a second, so an outage fails fast.
 */
public class EmbeddedMongo implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String LINK_PROPERTY = "fulian.test.mongo-link";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MongoWireServer server = MongoWireServer.inMemory();
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
        String uri = "mongodb://127.0.0.1:" + server.port();
        if ("cuttable".equals(context.getEnvironment().getProperty(LINK_PROPERTY))) {
            CuttableLink link = link(address);
            context.getBeanFactory().registerSingleton("cuttableMongoLink", link);
            uri = "mongodb://127.0.0.1:" + link.port() + "/?serverSelectionTimeoutMS=500&connectTimeoutMS=500";
        }
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "spring.mongodb.uri=" + uri);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                server.close();
            }
        });
    }

    private static CuttableLink link(InetSocketAddress address) {
        try {
            return new CuttableLink(address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
