package cn.fulian.reporting.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reporting settings.
 *
 * @param zone the time zone dates are counted in (due dates, "today", the year of a case)
 * @param rebuildTimeout how long a rebuild may take to reach the end of every topic before it gives up
 * @param sseTimeout how long a dashboard's event stream stays open before the browser reconnects
 * @param sseKeepAlive how often an idle event stream gets a comment, so proxies do not close it
 * @param snapshotCheck how often to look for a passed reporting deadline whose dashboards are not frozen yet; zero
 *     switches the check off
 * @param snapshotLateLimit how long after a deadline a missed snapshot is still taken (and marked late); later than
 *     that the figures would no longer resemble the deadline's, so the period stays without a snapshot
 * @param rebuildPauseTimeout how long a rebuild waits for the other instances to pause their listeners before it gives
 *     up without touching the read model
 */
@ConfigurationProperties("fulian.reporting")
public record ReportingProperties(
        String zone,
        Duration rebuildTimeout,
        Duration sseTimeout,
        Duration sseKeepAlive,
        Duration snapshotCheck,
        Duration snapshotLateLimit,
        Duration rebuildPauseTimeout) {

    public ReportingProperties {
        zone = zone != null ? zone : "Asia/Shanghai";
        rebuildTimeout = rebuildTimeout != null ? rebuildTimeout : Duration.ofMinutes(30);
        sseTimeout = sseTimeout != null ? sseTimeout : Duration.ofMinutes(30);
        sseKeepAlive = sseKeepAlive != null ? sseKeepAlive : Duration.ofSeconds(20);
        snapshotCheck = snapshotCheck != null ? snapshotCheck : Duration.ofMinutes(1);
        snapshotLateLimit = snapshotLateLimit != null ? snapshotLateLimit : Duration.ofDays(3);
        rebuildPauseTimeout = rebuildPauseTimeout != null ? rebuildPauseTimeout : Duration.ofSeconds(30);
    }
}
