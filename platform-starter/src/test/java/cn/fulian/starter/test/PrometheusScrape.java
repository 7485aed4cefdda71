package cn.fulian.starter.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of {@code /actuator/prometheus}, read strictly in the Prometheus text format (0.0.4): every line is a
 * {@code # HELP}, a {@code # TYPE} or a sample with a valid name, well-formed labels and a number, and every sample
 * belongs to a declared family. Where {@code promtool} is installed the text is also given to
 * {@code promtool check metrics}, Prometheus' own reader.
 */
public final class PrometheusScrape {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME.pattern() + ")(?:\\{(.*)})? (\\S+)(?: -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Pattern TYPE =
            Pattern.compile("# TYPE (" + NAME.pattern() + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME.pattern() + ") .*");

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = samples;
    }

    /**
     * Reads the exposition, failing on the first line that is not in the text format.
     *
     * @throws AssertionError naming the line
     */
    public static PrometheusScrape parse(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                if (types.put(type.group(1), type.group(2)) != null) {
                    throw new AssertionError("line " + n + ": family declared twice: " + line);
                }
                continue;
            }
            if (HELP.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("line " + n + " is not in the Prometheus text format: " + line);
            }
            String name = sample.group(1);
            if (family(name, types) == null) {
                throw new AssertionError("line " + n + ": sample of no declared family: " + line);
            }
            samples.add(new Sample(name, labels(sample.group(2), n, line), number(sample.group(3), n, line)));
        }
        promtoolAgrees(text);
        return new PrometheusScrape(samples);
    }

    private static String family(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : List.of("_total", "_bucket", "_sum", "_count", "_created", "_max")) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return null;
    }

    private static Map<String, String> labels(String text, int n, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null) {
            return labels;
        }
        Matcher label = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!label.find(at) || label.start() != at) {
                throw new AssertionError("line " + n + ": malformed labels: " + line);
            }
            labels.put(label.group(1), label.group(2));
            at = label.end();
        }
        return labels;
    }

    private static double number(String text, int n, String line) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new AssertionError("line " + n + ": not a number: " + line);
                }
            }
        };
    }

    /** Runs {@code promtool check metrics} on the text when promtool is installed. */
    private static void promtoolAgrees(String text) {
        if (!promtoolInstalled()) {
            return;
        }
        try {
            Path out = Files.createTempFile("promtool", ".txt");
            Process check = new ProcessBuilder("promtool", "check", "metrics")
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            check.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            check.getOutputStream().close();
            if (!check.waitFor(30, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                throw new AssertionError("promtool check metrics did not finish");
            }
            String said = Files.readString(out);
            Files.delete(out);
            // promtool exits 1 for lint findings (e.g. a counter without _total) as for unreadable input; only the
            // latter is an error of the format
            if (said.contains("error while linting") || said.contains("text format parsing error")) {
                throw new AssertionError("promtool cannot read the scrape: " + said);
            }
        } catch (IOException e) {
            throw new AssertionError("promtool could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static boolean promtoolInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) {
                return true;
            }
        }
        return false;
    }

    /** The samples of {@code name} whose labels include {@code labels}. */
    public List<Sample> samples(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    public List<Sample> samples(String name) {
        return samples(name, Map.of());
    }

    /** The value of the one sample of {@code name} with these labels, if there is one. */
    public OptionalDouble value(String name, Map<String, String> labels) {
        List<Sample> found = samples(name, labels);
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " samples of " + name + labels + ": " + found);
        }
        return found.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(found.get(0).value());
    }
}
