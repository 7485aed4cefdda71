package cn.fulian.rights.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the rights service ({@code fulian.rights.*}; the encryption key and deadlines have their own).
 *
 * @param zone the time zone in which "today" and deadline days are counted
 * @param repeatWindowDays a closed case this many days back or less still counts for repeat detection
 * @param unmaskReasonRequired whether a rights officer must give a reason to see a case's personal data (recorded with
 *     the read); by default yes
 */
@ConfigurationProperties("fulian.rights")
public record RightsProperties(ZoneId zone, Integer repeatWindowDays, Boolean unmaskReasonRequired) {

    public RightsProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        repeatWindowDays = repeatWindowDays == null ? 90 : repeatWindowDays;
        unmaskReasonRequired = unmaskReasonRequired == null || unmaskReasonRequired;
        if (repeatWindowDays < 0) {
            throw new IllegalArgumentException("fulian.rights.repeat-window-days must not be negative");
        }
    }
}
