package cn.fulian.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The full allocation ledger (分解台账) of the city for the seeded year, downloaded through the gateway as city staff:
 * how long it takes, how large it is, how many rows it holds, and the most heap reporting-service used meanwhile
 * (sampled from its Prometheus endpoint every 100 ms) against its maximum.
 */
final class LedgerExport {

    private static final Pattern HEAP_USED =
            Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)", Pattern.MULTILINE);
    private static final Pattern HEAP_MAX =
            Pattern.compile("^jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)", Pattern.MULTILINE);

    private final Settings settings;
    private final Api api;
    private final String metrics;

    LedgerExport(Settings settings, Api api) {
        this.settings = settings;
        this.api = api;
        // the management port is the service port + 1000
        int port = Integer.parseInt(settings.reporting().replaceAll(".*:", ""));
        this.metrics = settings.reporting().replaceAll(":[0-9]+$", ":" + (port + 1000)) + "/actuator/prometheus";
    }

    void run(Results results) throws Exception {
        Path file = Files.createTempFile("ledger", ".xlsx");
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                heap(HEAP_USED).ifPresent(used -> peak.accumulateAndGet(used.longValue(), Math::max));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        HttpResponse<Path> response;
        try {
            HttpRequest request = api.get(
                            settings.gateway() + "/api/reports/exports/ledger.xlsx?year=" + settings.year(),
                            "city-staff")
                    .timeout(Duration.ofMinutes(30))
                    .build();
            response = api.client().send(request, HttpResponse.BodyHandlers.ofFile(file));
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put(
                "request",
                "GET /api/reports/exports/ledger.xlsx?year through the gateway, city-staff token (the whole city)");
        detail.put("http_status", response.statusCode());
        detail.put("seconds", Stats.round(seconds, 1));
        detail.put("bytes", Files.size(file));
        detail.put("heap_sampled_every_ms", 100);
        heap(HEAP_MAX).ifPresent(max -> detail.put("reporting_heap_max_mb", Stats.round(max / 1048576.0, 1)));
        if (response.statusCode() == 200) {
            long rows = rows(file);
            detail.put("rows", rows);
            detail.put(
                    "expected_rows",
                    (long) new OrgTree(settings.districts(), settings.townships(), settings.villages()).size()
                            * settings.tasks());
            results.put("ledger_export_s", Stats.round(seconds, 1));
            results.put("ledger_export_rows", rows);
            results.put("ledger_export_heap_peak_mb", Stats.round(peak.get() / 1048576.0, 1));
        } else {
            results.unmeasured("ledger_export_s", "HTTP " + response.statusCode());
        }
        results.detail("ledger_export", detail);
        Files.deleteIfExists(file);
    }

    /** The rows of the workbook's first sheet below its header, read as a stream. */
    private static long rows(Path xlsx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    return count(zip, "<row ".getBytes(StandardCharsets.US_ASCII)) - 1;
                }
            }
        }
        return -1;
    }

    private static long count(InputStream in, byte[] needle) throws IOException {
        long found = 0;
        int matched = 0;
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == needle[matched]) {
                    if (++matched == needle.length) {
                        found++;
                        matched = 0;
                    }
                } else {
                    matched = buffer[i] == needle[0] ? 1 : 0;
                }
            }
        }
        return found;
    }

    private java.util.Optional<Double> heap(Pattern metric) {
        try {
            HttpResponse<String> r = api.client()
                    .send(
                            HttpRequest.newBuilder(java.net.URI.create(metrics))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return java.util.Optional.empty();
            }
            Matcher m = metric.matcher(r.body());
            double sum = 0;
            boolean any = false;
            while (m.find()) {
                double v = Double.parseDouble(m.group(1));
                if (v > 0) {
                    sum += v;
                    any = true;
                }
            }
            return any ? java.util.Optional.of(sum) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
