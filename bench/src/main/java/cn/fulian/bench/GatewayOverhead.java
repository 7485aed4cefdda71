package cn.fulian.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same request ({@code GET /api/reports/me}: token validated, no database) sent straight to reporting-service and
 * through the gateway, in alternating two-second blocks at a fixed rate (open loop), so both paths see the same load.
 */
final class GatewayOverhead {

    private final Settings settings;
    private final Api api;

    GatewayOverhead(Settings settings, Api api) {
        this.settings = settings;
        this.api = api;
    }

    void run(Results results) throws InterruptedException {
        String token = api.token("city-staff");
        HttpRequest direct = HttpRequest.newBuilder(java.net.URI.create(settings.reporting() + "/api/reports/me"))
                .header("Authorization", "Bearer " + token)
                .timeout(java.time.Duration.ofSeconds(10))
                .build();
        HttpRequest viaGateway = HttpRequest.newBuilder(java.net.URI.create(settings.gateway() + "/api/reports/me"))
                .header("Authorization", "Bearer " + token)
                .timeout(java.time.Duration.ofSeconds(10))
                .build();
        // warm both paths (connections, JIT compilation of the request path) outside the measurement
        for (int i = 0; i < 2_000; i++) {
            api.send(direct);
            api.send(viaGateway);
        }
        List<Long> directNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> gatewayNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        int rate = settings.gatewayRate();
        long total = (long) rate * settings.gatewaySeconds() * 2;
        long blockTicks = rate * 2L;
        ExecutorService workers = Executors.newFixedThreadPool(32);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong tick = new AtomicLong();
        ticker.scheduleAtFixedRate(
                () -> {
                    long i = tick.getAndIncrement();
                    if (i >= total) {
                        return;
                    }
                    boolean gw = (i / blockTicks) % 2 == 1;
                    workers.execute(() -> {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = api.send(gw ? viaGateway : direct);
                            long took = System.nanoTime() - t0;
                            if (r.statusCode() == 200) {
                                (gw ? gatewayNanos : directNanos).add(took);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        }
                    });
                },
                0,
                1_000_000_000L / rate,
                TimeUnit.NANOSECONDS);
        while (tick.get() < total) {
            Thread.sleep(100);
        }
        ticker.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);

        Stats d = Stats.ofNanos(directNanos);
        Stats g = Stats.ofNanos(gatewayNanos);
        results.put("gateway_direct_p50_ms", Stats.round(d.percentile(50), 3));
        results.put("gateway_direct_p99_ms", Stats.round(d.percentile(99), 3));
        results.put("gateway_via_p50_ms", Stats.round(g.percentile(50), 3));
        results.put("gateway_via_p99_ms", Stats.round(g.percentile(99), 3));
        if (d.count() > 0 && g.count() > 0) {
            results.put("gateway_added_p50_ms", Stats.round(g.percentile(50) - d.percentile(50), 3));
            results.put("gateway_added_p99_ms", Stats.round(g.percentile(99) - d.percentile(99), 3));
        } else {
            results.unmeasured("gateway_added_p50_ms", "no successful requests on one of the paths");
            results.unmeasured("gateway_added_p99_ms", "no successful requests on one of the paths");
        }
        results.detail(
                "gateway",
                Map.of(
                        "request", "GET /api/reports/me (city-staff token)",
                        "direct_requests", d.count(),
                        "gateway_requests", g.count(),
                        "errors", errors.get(),
                        "rate_per_s", rate));
    }
}
