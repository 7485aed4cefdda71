package cn.fulian.reporting.stream;

import cn.fulian.reporting.config.ReportingProperties;
import cn.fulian.reporting.readmodel.FiguresChanged;
import cn.fulian.starter.scope.OrgPath;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams, per unit. A read-model change is handed to a small executor so that a slow browser never
 * holds up the Kafka listener thread; a comment every few seconds keeps proxies from closing an idle stream. An
 * emitter leaves the registry when it completes, times out or fails.
 */
@Service
public class DashboardStreams {

    public static final String EVENT_NAME = "figures-changed";

    private static final Logger log = LoggerFactory.getLogger(DashboardStreams.class);

    /** Notices waiting to be sent; beyond this they are dropped (a dashboard reloads everything on the next one). */
    private static final int QUEUE_LIMIT = 10_000;

    private final Map<String, Set<SseEmitter>> byUnit = new ConcurrentHashMap<>();
    private final ReportingProperties properties;
    private final Clock clock;
    private final ThreadPoolExecutor sender;
    private final ScheduledExecutorService keepAlive;

    DashboardStreams(ReportingProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.sender = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(QUEUE_LIMIT),
                r -> daemon(r, "sse-sender"),
                new ThreadPoolExecutor.DiscardOldestPolicy());
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sse-keep-alive"));
        long every = properties.sseKeepAlive().toMillis();
        keepAlive.scheduleAtFixedRate(this::sendKeepAlive, every, every, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Opens a stream for a unit already checked to be in the caller's scope. */
    public SseEmitter open(OrgPath unit) {
        SseEmitter emitter = new SseEmitter(properties.sseTimeout().toMillis());
        Set<SseEmitter> emitters = byUnit.computeIfAbsent(unit.value(), k -> new CopyOnWriteArraySet<>());
        emitters.add(emitter);
        Runnable remove = () -> remove(unit.value(), emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        // the first bytes commit the response, so the browser (and a test) sees the stream open at once
        send(unit.value(), emitter, SseEmitter.event().comment("connected"));
        return emitter;
    }

    /** How many streams are open for the unit. */
    public int openCount(String unitPath) {
        return byUnit.getOrDefault(unitPath, Set.of()).size();
    }

    /** Called on the Kafka listener thread: only queues the notices. */
    @EventListener
    void on(FiguresChanged change) {
        try {
            sender.execute(() -> notify(change));
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("stream notices not sent: sender stopped");
        }
    }

    private void notify(FiguresChanged change) {
        change.unitsByYear().forEach((year, units) -> {
            for (String unit : units) {
                Set<SseEmitter> emitters = byUnit.get(unit);
                if (emitters == null || emitters.isEmpty()) {
                    continue;
                }
                FiguresChangedNotice notice = new FiguresChangedNotice(unit, year, clock.instant());
                for (SseEmitter emitter : emitters) {
                    send(unit, emitter, SseEmitter.event().name(EVENT_NAME).data(notice, MediaType.APPLICATION_JSON));
                }
            }
        });
    }

    private void sendKeepAlive() {
        byUnit.forEach((unit, emitters) -> {
            for (SseEmitter emitter : emitters) {
                send(unit, emitter, SseEmitter.event().comment("keep-alive"));
            }
        });
    }

    private void send(String unit, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            // the browser went away (or the emitter already completed): forget it
            remove(unit, emitter);
            emitter.completeWithError(gone);
        }
    }

    private void remove(String unit, SseEmitter emitter) {
        byUnit.computeIfPresent(unit, (k, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    @PreDestroy
    void stop() {
        keepAlive.shutdownNow();
        sender.shutdownNow();
        byUnit.values().forEach(set -> set.forEach(SseEmitter::complete));
        byUnit.clear();
    }
}
