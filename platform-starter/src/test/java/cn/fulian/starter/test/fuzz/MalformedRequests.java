package cn.fulian.starter.test.fuzz;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.fulian.starter.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sends thousands of malformed requests to every operation of a service's own OpenAPI document, as random demo users,
 * from a fixed seed, and collects what must never happen: a 5xx, exception text or a stack trace in a body, an
 * exception escaping MockMvc (a 500 in a real container), and a write by a request that was refused.
 *
 * <p>Partial writes are checked per window of consecutive requests: before and after each window the service's
 * collections (count and content hash) are snapshotted; a window in which every answer was a refusal must leave them
 * unchanged. A window with a 2xx answer is allowed to have written (its requests are listed, a malformed request
 * answered 2xx is rare and worth a look), and the next window starts after its writes settle (the outbox relay pulls
 * published events from the aggregate a moment later). Collections that background listeners write whenever an event
 * arrives (consumers' bookkeeping, read models) are named by the caller and left out.
 *
 * <pre>{@code
 * FuzzReport report = MalformedRequests.against(mvc, mongo).service("planning").requests(2_600).run();
 * }</pre>
 */
public final class MalformedRequests {

    /** Text that reveals internals: exception names, Java packages, stack frames. */
    static final List<String> LEAKS = List.of("Exception", "at cn.", "at org.", "java.", "\tat ");

    private static final int WINDOW = 25;

    private final MockMvc mvc;
    private final MongoTemplate mongo;
    private String service = "service";
    private long seed = 20260301L;
    private int requests = 2_500;
    private final Set<String> ignoredCollections = new LinkedHashSet<>(List.of("processed_events"));
    private Predicate<ApiOperation> skip = op -> false;

    private MalformedRequests(MockMvc mvc, MongoTemplate mongo) {
        this.mvc = mvc;
        this.mongo = mongo;
    }

    public static MalformedRequests against(MockMvc mvc, MongoTemplate mongo) {
        return new MalformedRequests(mvc, mongo);
    }

    public MalformedRequests service(String name) {
        this.service = name;
        return this;
    }

    /** The seed; {@code -Dfuzz.seed=...} overrides it to explore further or to replay a reported run. */
    public MalformedRequests seed(long seed) {
        this.seed = Long.getLong("fuzz.seed", seed);
        return this;
    }

    public MalformedRequests requests(int count) {
        this.requests = count;
        return this;
    }

    /** Collections that background listeners write on their own schedule; {@code processed_events} always is. */
    public MalformedRequests ignoringCollections(String... names) {
        ignoredCollections.addAll(List.of(names));
        return this;
    }

    public MalformedRequests skipping(Predicate<ApiOperation> operations) {
        this.skip = operations;
        return this;
    }

    public FuzzReport run() throws Exception {
        long started = System.nanoTime();
        String apiDocs =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        OpenApiDocument document = OpenApiDocument.parse(apiDocs);
        List<ApiOperation> operations = document.operations().stream()
                .filter(skip.negate())
                .sorted(Comparator.comparing(ApiOperation::toString))
                .toList();
        if (operations.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document lists no operation that takes input");
        }
        Random random = new Random(seed);
        MalformedInputs inputs = new MalformedInputs(random, document, users());
        Predicate<String> ignored = ignoredCollections::contains;

        Map<String, Integer> byClass = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        int verified = 0;
        int unchecked = 0;

        CollectionSnapshot baseline = settle(ignored);
        List<FuzzRequest> window = new ArrayList<>();
        boolean windowWrote = false;
        for (int i = 0; i < requests; i++) {
            // every operation in turn, so each gets its share; what is wrong with the request is random
            FuzzRequest request = inputs.next(i, operations.get(i % operations.size()));
            window.add(request);
            MvcResult result;
            try {
                result = mvc.perform(request.toBuilder()).andReturn();
            } catch (Exception | StackOverflowError e) {
                byClass.merge("thrown", 1, Integer::sum);
                violations.add(
                        "escaped " + e.getClass().getName() + " (" + e.getMessage() + ") ← " + request.describe());
                continue;
            }
            int status = result.getResponse().getStatus();
            byStatus.merge(status, 1, Integer::sum);
            byClass.merge(status / 100 + "xx", 1, Integer::sum);
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (status >= 500) {
                violations.add("status " + status + " ← " + request.describe() + " → " + cut(body));
            }
            for (String leak : LEAKS) {
                if (body.contains(leak)) {
                    violations.add("body leaks \"" + leak.replace("\t", "\\t") + "\" ← " + request.describe() + " → "
                            + cut(body));
                    break;
                }
            }
            if (status / 100 == 2 && request.operation().writes()) {
                windowWrote = true;
                accepted.add(status + " ← " + request.describe());
            }
            if (window.size() == WINDOW || i == requests - 1) {
                if (windowWrote) {
                    unchecked++;
                    baseline = settle(ignored);
                } else {
                    CollectionSnapshot after = CollectionSnapshot.of(mongo, ignored);
                    List<String> changes = after.changesSince(baseline);
                    verified++;
                    if (!changes.isEmpty()) {
                        violations.add("partial write: " + changes + " changed while every answer was a refusal, by "
                                + "one of:\n  "
                                + String.join(
                                        "\n  ",
                                        window.stream()
                                                .map(FuzzRequest::describe)
                                                .toList()));
                        baseline = settle(ignored);
                    }
                }
                window.clear();
                windowWrote = false;
            }
        }
        return new FuzzReport(
                service,
                seed,
                requests,
                byClass,
                byStatus,
                new LinkedHashSet<>(operations),
                violations,
                accepted,
                verified,
                unchecked,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Waits until every outbox is relayed and the collections stop changing (at most ten seconds) and returns them.
     */
    private CollectionSnapshot settle(Predicate<String> ignored) throws InterruptedException {
        CollectionSnapshot last = CollectionSnapshot.of(mongo, ignored);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(150);
            CollectionSnapshot now = CollectionSnapshot.of(mongo, ignored);
            if (now.equals(last) && now.pendingOutbox() == 0) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static List<Map.Entry<String, RequestPostProcessor>> users() {
        List<Map.Entry<String, RequestPostProcessor>> users = new ArrayList<>();
        users.add(Map.entry("city-staff", TestTokens.cityStaff()));
        users.add(Map.entry("gulou-staff", TestTokens.gulouStaff()));
        users.add(Map.entry("cangshan-staff", TestTokens.cangshanStaff()));
        users.add(Map.entry("gudong-staff", TestTokens.gudongStaff()));
        users.add(Map.entry("leader", TestTokens.leader()));
        users.add(Map.entry("gulou-rights", TestTokens.gulouRights()));
        users.add(Map.entry("admin", TestTokens.admin()));
        users.add(Map.entry("city-staff", TestTokens.cityStaff()));
        users.add(Map.entry("gulou-staff", TestTokens.gulouStaff()));
        users.add(Map.entry("gulou-rights", TestTokens.gulouRights()));
        // no token at all: refused before any input is read
        users.add(new AbstractMap.SimpleImmutableEntry<>("anonymous", null));
        return users;
    }

    private static String cut(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}
