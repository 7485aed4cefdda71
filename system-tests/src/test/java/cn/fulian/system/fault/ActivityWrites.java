package cn.fulian.system.fault;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Records training activities through the gateway, round robin over the writers, one at a time or as a stream on a
 * background thread, and tells the ground truth about every write the platform accepted. Each activity has its own
 * participant count, so a lost or doubly counted one always changes a sum.
 */
public final class ActivityWrites {

    /** How one stream of writes went. */
    public record Report(int accepted, List<String> refused, List<String> violations) {}

    private final Gateway gateway;
    private final GroundTruth truth;
    private final List<Writer> writers;
    private final int year;
    private final String run;
    private final AtomicInteger sequence = new AtomicInteger();

    private volatile boolean streaming;
    private Thread streamThread;
    private final List<String> streamRefused = new ArrayList<>();
    private final List<String> streamViolations = new ArrayList<>();
    private int streamAccepted;

    ActivityWrites(Gateway gateway, GroundTruth truth, List<Writer> writers, int year, String run) {
        this.gateway = gateway;
        this.truth = truth;
        this.writers = List.copyOf(writers);
        this.year = year;
        this.run = run;
    }

    /** Records {@code n} activities now; each must be accepted. */
    public void record(int n) throws IOException, InterruptedException {
        for (int i = 0; i < n; i++) {
            Outcome outcome = writeOne();
            if (!outcome.accepted()) {
                throw new IllegalStateException("write not accepted: " + outcome.description());
            }
        }
    }

    /** Starts writing on a background thread, one activity after another with a pause between them. */
    public synchronized void startStream(Duration pause) {
        if (streaming) {
            throw new IllegalStateException("a stream is already running");
        }
        streamRefused.clear();
        streamViolations.clear();
        streamAccepted = 0;
        streaming = true;
        streamThread = new Thread(() -> stream(pause.toMillis()), "activity-writes");
        streamThread.setDaemon(true);
        streamThread.start();
    }

    /** Stops the stream after the write in hand and reports how it went. */
    public Report stopStream() throws InterruptedException {
        Thread t;
        synchronized (this) {
            streaming = false;
            t = streamThread;
        }
        if (t != null) {
            t.join(120_000);
        }
        synchronized (this) {
            return new Report(streamAccepted, List.copyOf(streamRefused), List.copyOf(streamViolations));
        }
    }

    int acceptedSoFar() {
        synchronized (this) {
            return streamAccepted;
        }
    }

    private void stream(long pauseMillis) {
        while (streaming) {
            Outcome outcome;
            try {
                outcome = writeOne();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | IOException e) {
                outcome = new Outcome(false, false, "the test could not write: " + e);
            }
            synchronized (this) {
                if (outcome.accepted()) {
                    streamAccepted++;
                } else if (outcome.clearlyRefused()) {
                    streamRefused.add(outcome.description());
                } else {
                    streamViolations.add(outcome.description());
                }
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Outcome(boolean accepted, boolean clearlyRefused, String description) {}

    /**
     * One write. Accepted is 201 with the new activity; clearly refused is a 4xx or 503 answer without a stack trace; a lost answer (timeout, connection reset) is settled by looking the activity up
     * by its unique title, so an activity the platform kept is never left out of the ground truth.
     */
    private Outcome writeOne() throws IOException, InterruptedException {
        int n = sequence.incrementAndGet();
        Writer writer = writers.get(n % writers.size());
        long participants = 100 + n;
        String title = "故障演练培训班 " + run + "-" + n;
        Map<String, Object> body = Map.of(
                "type",
                "TRAINING",
                "title",
                title,
                "year",
                year,
                "startDate",
                year + "-03-10",
                "endDate",
                year + "-03-10",
                "place",
                "妇女之家",
                "organiser",
                "妇联",
                "metrics",
                Map.of("sessions", 1, "participants", participants, "womenParticipants", participants),
                "links",
                List.of(Map.of("assignmentId", writer.assignmentId(), "metric", "participants")));
        HttpResponse<String> response;
        try {
            response = gateway.post(writer.user(), "/api/activities", body);
        } catch (IOException lostAnswer) {
            return settleByTitle(writer, title, participants, lostAnswer);
        }
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        if (status == 201) {
            String id = Gateway.JSON.readTree(text).path("id").asString();
            truth.accepted(new GroundTruth.Accepted(id, writer, participants));
            return new Outcome(true, false, "201 " + id);
        }
        String description = status + " " + text.substring(0, Math.min(300, text.length()));
        boolean stackTrace = text.contains("\tat ") || text.contains("Exception") || text.contains("\"trace\"");
        // 503 (try again later) is a clear refusal; any other server error is not
        boolean clear = !stackTrace && (status < 500 || status == 503);
        return new Outcome(false, clear, description);
    }

    private Outcome settleByTitle(Writer writer, String title, long participants, IOException cause)
            throws IOException, InterruptedException {
        String path = "/api/activities?year=" + year + "&q=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        JsonNode found = gateway.getJson(writer.user(), path).path("items");
        for (JsonNode item : found) {
            if (title.equals(item.path("title").asString())) {
                truth.accepted(new GroundTruth.Accepted(item.path("id").asString(), writer, participants));
                return new Outcome(true, false, "kept although the answer was lost: " + cause);
            }
        }
        return new Outcome(false, true, "no answer and not kept: " + cause);
    }
}
