package cn.fulian.starter.test.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run of malformed requests found.
 *
 * @param service the name used in the summary
 * @param seed the seed that reproduces the run
 * @param requests how many requests were sent
 * @param byStatusClass counts by status class ({@code 2xx}, {@code 4xx}, {@code 5xx}, {@code thrown})
 * @param byStatus counts by exact status
 * @param operations the operations of the OpenAPI document that were exercised
 * @param violations every 5xx, leaked exception text, escaped exception and partial write, each with its request
 * @param accepted the write requests answered 2xx (a 2xx to a malformed list query reads, never writes): allowed to write, listed so that a reader can judge them
 * @param verifiedWindows windows of requests with no 2xx whose collections were checked unchanged
 * @param uncheckedWindows windows that contained a 2xx (their writes were allowed)
 * @param took how long the run took
 */
public record FuzzReport(
        String service,
        long seed,
        int requests,
        Map<String, Integer> byStatusClass,
        Map<Integer, Integer> byStatus,
        Set<ApiOperation> operations,
        List<String> violations,
        List<String> accepted,
        int verifiedWindows,
        int uncheckedWindows,
        Duration took) {

    /** One line: requests, status classes, windows checked, time. */
    public String summary() {
        return service + ": " + requests + " malformed requests to " + operations.size() + " operations (seed " + seed
                + ") in " + took.toMillis() + " ms; by class " + byStatusClass + "; by status " + byStatus + "; "
                + verifiedWindows + " windows checked unchanged, " + uncheckedWindows + " with a 2xx; "
                + violations.size() + " violations";
    }

    public String describeViolations() {
        return violations.size() + " violations:\n" + String.join("\n", violations);
    }

    public String describeAccepted() {
        return accepted.size() + " malformed write requests answered 2xx:\n" + String.join("\n", accepted);
    }

    public Set<String> operationNames() {
        return operations.stream().map(ApiOperation::toString).collect(Collectors.toSet());
    }
}
