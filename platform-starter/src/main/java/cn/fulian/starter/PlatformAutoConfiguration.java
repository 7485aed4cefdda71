package cn.fulian.starter;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.events.UnreadableEventException;
import cn.fulian.starter.consumer.DatabaseOutage;
import cn.fulian.starter.consumer.DeadLetters;
import cn.fulian.starter.consumer.ExactConsumer;
import cn.fulian.starter.entryyear.EntryYearListener;
import cn.fulian.starter.entryyear.EntryYears;
import cn.fulian.starter.health.KafkaClusterHealthIndicator;
import cn.fulian.starter.health.MongoPingHealthIndicator;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.orgunit.OrgUnitListener;
import cn.fulian.starter.outbox.AggregateRoot;
import cn.fulian.starter.outbox.OutboxBacklog;
import cn.fulian.starter.outbox.OutboxCallbacks;
import cn.fulian.starter.outbox.OutboxRelay;
import cn.fulian.starter.outbox.OutboxWakeUp;
import cn.fulian.starter.problem.ProblemHandler;
import cn.fulian.starter.scope.ScopeSecurityConfiguration;
import cn.fulian.starter.version.VersionETagAdvice;
import cn.fulian.starter.web.CorrelationIdFilter;
import cn.fulian.starter.web.MeController;
import cn.fulian.starter.web.OpenApiConfiguration;
import cn.fulian.starter.web.RequestSizeLimitFilter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/** What every service gets by depending on the starter. */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
        })
@EnableConfigurationProperties(PlatformProperties.class)
@Import({ScopeSecurityConfiguration.class, OpenApiConfiguration.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** Registered with the services' JSON mapper by Spring Boot, as every {@code JacksonModule} bean is. */
    @Bean
    tools.jackson.databind.JacksonModule platformNumbers() {
        return cn.fulian.starter.web.PlatformJson.numbersWrittenOneWay();
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    VersionETagAdvice versionETagAdvice() {
        return new VersionETagAdvice();
    }

    @Bean
    @ConditionalOnProperty("fulian.api-prefix")
    MeController meController(ObjectProvider<OrgUnitDirectory> directory) {
        return new MeController(directory);
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(PlatformProperties properties) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxRequestSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean(name = "mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            MongoMappingContext mapping,
            KafkaTemplate<String, String> kafka,
            EventCodec codec,
            PlatformProperties properties,
            @Value("${spring.application.name}") String source) {
        return new OutboxRelay(
                mongo,
                kafka,
                codec,
                source,
                () -> aggregateCollections(mapping, properties.outboxCollections()),
                properties.outboxPollInterval());
    }

    @Bean
    @ConditionalOnClass(MeterRegistry.class)
    OutboxBacklog outboxBacklog(OutboxRelay relay, PlatformProperties properties) {
        return new OutboxBacklog(relay, properties.health().cacheFor(), Clock.systemUTC());
    }

    @Bean(name = "kafkaHealthIndicator", destroyMethod = "close")
    KafkaClusterHealthIndicator kafkaHealthIndicator(
            KafkaAdmin admin, ObjectProvider<MeterRegistry> registry, PlatformProperties properties) {
        PlatformProperties.Health health = properties.health();
        return new KafkaClusterHealthIndicator(
                () -> Admin.create(admin.getConfigurationProperties()),
                registry::getIfAvailable,
                health.maxConsumerLag(),
                health.kafkaTimeout(),
                health.cacheFor(),
                Clock.systemUTC());
    }

    @Bean
    OutboxWakeUp outboxWakeUp(OutboxRelay relay) {
        return new OutboxWakeUp(relay);
    }

    @Bean
    OutboxCallbacks outboxCallbacks(@Lazy MongoTemplate mongo) {
        return new OutboxCallbacks(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    ExactConsumer exactConsumer(
            MongoTemplate mongo, EventCodec codec, @Value("${spring.application.name}") String name) {
        return new ExactConsumer(mongo, codec, name);
    }

    @Bean
    @ConditionalOnMissingBean
    OrgUnitDirectory orgUnitDirectory(MongoTemplate mongo, ExactConsumer consumer) {
        return new OrgUnitDirectory(mongo, consumer);
    }

    @Bean
    @ConditionalOnProperty(name = "fulian.org-units.listen", matchIfMissing = true)
    OrgUnitListener orgUnitListener(ExactConsumer consumer, OrgUnitDirectory directory) {
        return new OrgUnitListener(consumer, directory);
    }

    /** For services that take dated entries (activities, cases): which past years city staff opened. */
    @Bean
    @ConditionalOnProperty(name = "fulian.entry-years.enabled", havingValue = "true")
    EntryYears entryYears(
            MongoTemplate mongo,
            EventCodec codec,
            @Value("${spring.application.name}") String name,
            ObjectProvider<Clock> clock) {
        // a consumer of its own: its processed-event markers must not be taken for those of the service's own
        // listener on the same topic (activity-service reads planning's events for its assignments too)
        ExactConsumer consumer = new ExactConsumer(mongo, codec, name + ".entry-years");
        return new EntryYears(mongo, consumer, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty(name = "fulian.entry-years.enabled", havingValue = "true")
    EntryYearListener entryYearListener(EntryYears years) {
        return new EntryYearListener(years);
    }

    /**
     * Bounded retries, then the record goes to {@code <topic>.DLT}; unreadable records go there at once. A record that
     * failed because the database is out of reach is tried again until it answers and is never dead-lettered.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler kafkaErrorHandler(
            KafkaTemplate<String, String> kafka, PlatformProperties properties, ObjectProvider<DeadLetters> counted) {
        ConsumerRecordRecoverer publisher = new DeadLetterPublishingRecoverer(
                kafka, (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DeadLetters deadLetters = counted.getIfAvailable();
        ConsumerRecordRecoverer recoverer = deadLetters != null ? deadLetters.wrapping(publisher) : publisher;
        DefaultErrorHandler handler =
                new DefaultErrorHandler(recoverer, new FixedBackOff(200L, properties.consumerRetries() - 1L));
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        handler.setBackOffFunction((record, failure) ->
                DatabaseOutage.causedBy(failure) ? DatabaseOutage.UNTIL_THE_DATABASE_ANSWERS : null);
        return handler;
    }

    /** Counts what the error handler sends to dead-letter topics; shows 0 for each topic a listener reads. */
    @Bean
    @ConditionalOnClass(MeterRegistry.class)
    DeadLetters deadLetters(ObjectProvider<MeterRegistry> registry) {
        return new DeadLetters(registry::getIfAvailable);
    }

    @Bean
    @ConditionalOnClass(MeterRegistry.class)
    ApplicationListener<ApplicationReadyEvent> deadLetterTopicsShown(
            DeadLetters deadLetters, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return ready -> listeners.ifAvailable(registry -> registry.getListenerContainers().stream()
                .map(container -> container.getContainerProperties().getTopics())
                .filter(Objects::nonNull)
                .forEach(topics -> deadLetters.expect(Arrays.asList(topics))));
    }

    private static List<String> aggregateCollections(MongoMappingContext mapping, List<String> configured) {
        Set<String> names = new LinkedHashSet<>(configured);
        for (MongoPersistentEntity<?> entity : new ArrayList<>(mapping.getPersistentEntities())) {
            if (AggregateRoot.class.isAssignableFrom(entity.getType())) {
                names.add(entity.getCollection());
            }
        }
        return List.copyOf(names);
    }
}
