package cn.fulian.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Event to dashboard: valid ActivityRecorded events published straight to Kafka at a fixed rate, each at one of a set
 * of villages, while the bench holds the dashboard's live stream ({@code GET /api/reports/stream?unit}, through the
 * gateway) open for each of those villages. The latency of an event is from just before the send to the arrival of
 * the stream's {@code figures-changed} notice for its village — the signal on which the dashboard reloads; the read
 * model has applied the event by then. Notices of one village are matched to its events in order. Afterwards the
 * dashboards of a few villages are read to check that the figure changed by exactly what was sent.
 */
final class EventLatency {

    private final Settings settings;
    private final Api api;
    private final OrgTree tree;
    private final Seeder seeder;
    private final Kafka kafka;

    EventLatency(Settings settings, Api api, OrgTree tree, Seeder seeder, Kafka kafka) {
        this.settings = settings;
        this.api = api;
        this.tree = tree;
        this.seeder = seeder;
        this.kafka = kafka;
    }

    /** One open stream: send times waiting for their notice, in order. */
    private static final class Stream implements Flow.Subscriber<String> {
        final OrgTree.Unit village;
        final ConcurrentLinkedQueue<Long> pending = new ConcurrentLinkedQueue<>();
        final List<Long> latencies;
        final CountDownLatch connected = new CountDownLatch(1);
        final AtomicLong unmatched;
        private boolean inFigures;
        private Flow.Subscription subscription;

        Stream(OrgTree.Unit village, List<Long> latencies, AtomicLong unmatched) {
            this.village = village;
            this.latencies = latencies;
            this.unmatched = unmatched;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            if (line.startsWith(":connected")) {
                connected.countDown();
            } else if (line.startsWith("event:figures-changed")) {
                inFigures = true;
            } else if (line.startsWith("data:") && inFigures) {
                inFigures = false;
                Long sent = pending.poll();
                if (sent == null) {
                    unmatched.incrementAndGet();
                } else {
                    latencies.add(now - sent);
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            connected.countDown();
        }

        @Override
        public void onComplete() {
            connected.countDown();
        }

        void cancel() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }

    void run(Results results, int rate, String suffix) throws InterruptedException {
        int n = Math.min(Math.min(rate, 100), tree.villages.size());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong unmatched = new AtomicLong();
        List<Stream> streams = new ArrayList<>();
        List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OrgTree.Unit v = tree.villages.get((int) ((long) i * tree.villages.size() / n));
            Stream s = new Stream(v, latencies, unmatched);
            streams.add(s);
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(settings.gateway() + "/api/reports/stream?unit=" + Api.enc(v.path())))
                    .header("Authorization", "Bearer " + api.token("city-staff"))
                    .header("Accept", "text/event-stream")
                    .build();
            responses.add(api.client().sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(s)));
        }
        for (Stream s : streams) {
            if (!s.connected.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("stream for " + s.village.path() + " did not open");
            }
        }
        Seeder.Task task = seeder.tasks.get(0);
        List<OrgTree.Unit> checkVillages =
                streams.stream().limit(5).map(s -> s.village).toList();
        Map<String, Double> before = new LinkedHashMap<>();
        for (OrgTree.Unit v : checkVillages) {
            before.put(v.path(), ownActual(v, task.id()));
        }
        Map<String, Double> sentTo = new LinkedHashMap<>();

        long total = (long) rate * settings.latencySeconds();
        AtomicLong tick = new AtomicLong();
        AtomicLong sendErrors = new AtomicLong();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(
                () -> {
                    long i = tick.getAndIncrement();
                    if (i >= total) {
                        return;
                    }
                    Stream s = streams.get((int) (i % n));
                    var event = seeder.activity(s.village, task, BigDecimal.ONE);
                    synchronized (sentTo) {
                        sentTo.merge(s.village.path(), 1.0, Double::sum);
                    }
                    s.pending.add(System.nanoTime());
                    try {
                        kafka.publishNow(event, Seeder.ACTIVITY, s.village.path(), event.activityId());
                    } catch (RuntimeException e) {
                        sendErrors.incrementAndGet();
                    }
                },
                0,
                1_000_000_000L / rate,
                TimeUnit.NANOSECONDS);
        while (tick.get() < total) {
            Thread.sleep(100);
        }
        ticker.shutdownNow();
        kafka.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && streams.stream().anyMatch(s -> !s.pending.isEmpty())) {
            Thread.sleep(100);
        }
        long lost = streams.stream().mapToLong(s -> s.pending.size()).sum();
        streams.forEach(Stream::cancel);
        responses.forEach(r -> r.cancel(true));

        Stats st = Stats.ofNanos(latencies);
        results.put("event_to_dashboard_p50_ms" + suffix, Stats.round(st.percentile(50), 1));
        results.put("event_to_dashboard_p99_ms" + suffix, Stats.round(st.percentile(99), 1));
        long checkedOk = 0;
        List<String> wrong = new ArrayList<>();
        for (OrgTree.Unit v : checkVillages) {
            double expected = before.get(v.path()) + sentTo.getOrDefault(v.path(), 0.0);
            double after = ownActual(v, task.id());
            if (Math.abs(after - expected) < 1e-6) {
                checkedOk++;
            } else {
                wrong.add(v.path() + ": expected " + expected + ", dashboard shows " + after);
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rate_per_s", rate);
        d.put("events", total);
        d.put("streams", n);
        d.put("notices_matched", st.count());
        d.put("events_without_notice_after_60s", lost);
        d.put("notices_without_event", unmatched.get());
        d.put("send_errors", sendErrors.get());
        d.put("p90_ms", Stats.round(st.percentile(90), 1));
        d.put("max_ms", Stats.round(st.max(), 1));
        d.put("dashboards_checked", checkVillages.size());
        d.put("dashboards_with_expected_figure", checkedOk);
        d.put("dashboard_differences", wrong);
        results.detail("event_to_dashboard_" + rate + "_per_s", d);
        if (lost > 0 || !wrong.isEmpty()) {
            results.note("at " + rate + " events/s: " + lost + " events got no notice within 60 s; " + wrong.size()
                    + " checked dashboards differ from what was sent");
        }
    }

    private double ownActual(OrgTree.Unit village, String taskId) {
        JsonNode dash = api.getJson(
                settings.gateway() + "/api/reports/dashboard?unit=" + Api.enc(village.path()) + "&year="
                        + settings.year(),
                "city-staff");
        for (JsonNode row : dash.path("tasks")) {
            if (taskId.equals(row.path("taskId").asString())) {
                return row.path("actual").asDouble(0);
            }
        }
        throw new IllegalStateException("task " + taskId + " missing on the dashboard of " + village.path());
    }
}
