package cn.fulian.rights.deadline;

import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadline settings ({@code fulian.rights.deadlines.*}), in calendar days counted from the day a case is registered.
 * The defaults follow the petition rules (信访工作条例): accept within 15 days, conclude within 60 days; urgent cases
 * (imminent danger) within 1 day for both. A rule overrides the default for a channel, a category or both; the most
 * specific matching rule wins (channel and category, then category, then channel).
 *
 * @param acceptDays days to accept (受理) a case
 * @param concludeDays days to conclude (办结) a case; also the new period after a reopening
 * @param urgentDays days to accept and to conclude an urgent case, whatever the rules say
 * @param dueSoonDays a deadline this many days ahead or closer counts as "due soon"
 * @param rules overrides per channel and/or category
 */
@ConfigurationProperties("fulian.rights.deadlines")
public record DeadlineProperties(
        Integer acceptDays, Integer concludeDays, Integer urgentDays, Integer dueSoonDays, List<Rule> rules) {

    public DeadlineProperties {
        acceptDays = positive(acceptDays, 15, "accept-days");
        concludeDays = positive(concludeDays, 60, "conclude-days");
        urgentDays = positive(urgentDays, 1, "urgent-days");
        dueSoonDays = dueSoonDays == null ? 3 : dueSoonDays;
        if (dueSoonDays < 0) {
            throw new IllegalArgumentException("fulian.rights.deadlines.due-soon-days must not be negative");
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (concludeDays < acceptDays) {
            throw new IllegalArgumentException(
                    "fulian.rights.deadlines.conclude-days must not be shorter than accept-days");
        }
    }

    /** Defaults only. */
    public static DeadlineProperties defaults() {
        return new DeadlineProperties(null, null, null, null, null);
    }

    /**
     * An override for a channel, a category or both (at least one). Missing day counts fall back to the defaults.
     *
     * @param channel the channel it applies to, or {@code null} for any
     * @param category the category it applies to, or {@code null} for any
     */
    public record Rule(Channel channel, Category category, Integer acceptDays, Integer concludeDays) {
        public Rule {
            if (channel == null && category == null) {
                throw new IllegalArgumentException(
                        "a fulian.rights.deadlines.rules entry needs a channel, a category or both");
            }
            if (acceptDays != null && acceptDays <= 0 || concludeDays != null && concludeDays <= 0) {
                throw new IllegalArgumentException("deadline rule days must be positive");
            }
        }

        boolean matches(Channel c, Category k) {
            return (channel == null || channel == c) && (category == null || category == k);
        }

        int specificity() {
            return (channel != null ? 1 : 0) + (category != null ? 2 : 0);
        }
    }

    private static int positive(Integer value, int fallback, String name) {
        int v = value == null ? fallback : value;
        if (v <= 0) {
            throw new IllegalArgumentException("fulian.rights.deadlines." + name + " must be positive");
        }
        return v;
    }
}
