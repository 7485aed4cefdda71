package cn.fulian.system.scale;

import static cn.fulian.system.PlatformApi.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A browser's live stream of one unit's dashboard, opened on one reporting instance; collects what it announces. */
final class LiveStream implements AutoCloseable {

    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean opened;
    private volatile Stream<String> lines;

    private LiveStream(String url, String token) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        reader = new Thread(
                () -> {
                    try {
                        HttpResponse<Stream<String>> answer = http.send(request, HttpResponse.BodyHandlers.ofLines());
                        if (answer.statusCode() != 200) {
                            notices.add("status " + answer.statusCode());
                            return;
                        }
                        opened = true;
                        lines = answer.body();
                        lines.forEach(line -> {
                            if (line.startsWith("data:")) {
                                notices.add(line.substring(5).trim());
                            }
                        });
                    } catch (Exception e) {
                        // closed by the test, or the instance went away
                    }
                },
                "live-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream of {@code unit} on the reporting instance at {@code serviceUrl}; returns once it is open. */
    static LiveStream open(String serviceUrl, String unit, String token) throws Exception {
        LiveStream stream = new LiveStream(serviceUrl + "/api/reports/stream?unit=" + unit, token);
        eventually(
                Duration.ofSeconds(20),
                () -> assertThat(stream.opened)
                        .as("the live stream at %s opened: %s", serviceUrl, stream.notices)
                        .isTrue());
        return stream;
    }

    /** The data of every {@code figures-changed} notice so far. */
    List<String> notices() {
        return List.copyOf(notices);
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        reader.interrupt();
    }
}
