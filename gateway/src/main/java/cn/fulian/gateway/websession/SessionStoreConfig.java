package cn.fulian.gateway.websession;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

/**
 * With {@code GATEWAY_SESSION_MONGODB_URI} (or the platform's {@code MONGODB_URI}) set, browser sessions live in that
 * MongoDB, database {@code GATEWAY_MONGODB_DATABASE} (default {@code gateway}), collection {@code web_sessions}; the
 * cookie stays Boot's. Without it they stay in the gateway's memory, which suits one gateway only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${fulian.gateway.sessions.mongodb-uri:}' != ''")
class SessionStoreConfig {

    static final String COLLECTION = "web_sessions";

    @Bean(destroyMethod = "close")
    MongoClient sessionMongoClient(@Value("${fulian.gateway.sessions.mongodb-uri}") String uri) {
        return MongoClients.create(new ConnectionString(uri));
    }

    @Bean
    MongoWebSessionStore mongoWebSessionStore(
            MongoClient sessionMongoClient,
            @Value("${fulian.gateway.sessions.database}") String database,
            @Value("${server.reactive.session.timeout:30m}") Duration timeout) {
        MongoWebSessionStore store = new MongoWebSessionStore(
                sessionMongoClient.getDatabase(database).getCollection(COLLECTION), timeout, Clock.systemUTC());
        store.createIndexes();
        return store;
    }

    /** Boot's own manager, with this store in place of the in-memory one (its cookie settings are kept). */
    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(MongoWebSessionStore store, ObjectProvider<WebSessionIdResolver> resolver) {
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(store);
        resolver.ifAvailable(manager::setSessionIdResolver);
        return manager;
    }
}
