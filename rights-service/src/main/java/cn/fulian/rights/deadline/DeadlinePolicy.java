package cn.fulian.rights.deadline;

import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;
import java.time.LocalDate;
import java.util.Comparator;

/** Works out a case's deadlines from the configured periods. Pure: the caller passes the day. */
public class DeadlinePolicy {

    private final DeadlineProperties properties;

    public DeadlinePolicy(DeadlineProperties properties) {
        this.properties = properties;
    }

    public Deadlines forNewCase(Channel channel, Category category, boolean urgent, LocalDate registeredOn) {
        if (urgent) {
            LocalDate by = registeredOn.plusDays(properties.urgentDays());
            return new Deadlines(by, by);
        }
        return new Deadlines(
                registeredOn.plusDays(acceptDays(channel, category)),
                registeredOn.plusDays(concludeDays(channel, category)));
    }

    /** A reopened case gets a full conclude period again, from the day it was reopened. */
    public LocalDate concludeByAfterReopening(
            Channel channel, Category category, boolean urgent, LocalDate reopenedOn) {
        return reopenedOn.plusDays(urgent ? properties.urgentDays() : concludeDays(channel, category));
    }

    /** True if {@code due} is today or within the "due soon" window after today. */
    public boolean isDueSoon(LocalDate due, LocalDate today) {
        return due != null && !due.isBefore(today) && !due.isAfter(today.plusDays(properties.dueSoonDays()));
    }

    public int dueSoonDays() {
        return properties.dueSoonDays();
    }

    int acceptDays(Channel channel, Category category) {
        DeadlineProperties.Rule rule = rule(channel, category, true);
        return rule != null ? rule.acceptDays() : properties.acceptDays();
    }

    int concludeDays(Channel channel, Category category) {
        DeadlineProperties.Rule rule = rule(channel, category, false);
        return rule != null ? rule.concludeDays() : properties.concludeDays();
    }

    private DeadlineProperties.Rule rule(Channel channel, Category category, boolean accept) {
        return properties.rules().stream()
                .filter(r -> r.matches(channel, category))
                .filter(r -> accept ? r.acceptDays() != null : r.concludeDays() != null)
                .max(Comparator.comparingInt(DeadlineProperties.Rule::specificity))
                .orElse(null);
    }
}
