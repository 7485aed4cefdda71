package cn.fulian.planning.user;

import cn.fulian.planning.user.KeycloakUsers.Account;
import cn.fulian.planning.user.KeycloakUsers.RealmRole;
import cn.fulian.starter.scope.OrgPath;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Brings accounts made in Keycloak itself (the realm's imported ones, or one added in Keycloak's console) into the
 * directory once the service has started, retrying in the background while Keycloak is still starting. Accounts
 * without a valid {@code org_unit} and service accounts are left out: they belong to no unit.
 */
@Component
class UserDirectorySync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UserDirectorySync.class);
    private static final int PAGE = 100;
    private static final Duration RETRY = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 60;

    private final KeycloakUsers keycloak;
    private final PlatformUserRepository users;
    private final Clock clock;

    UserDirectorySync(KeycloakUsers keycloak, PlatformUserRepository users, Clock clock) {
        this.keycloak = keycloak;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!keycloak.configured()) {
            log.info(
                    "user management is not configured (no Keycloak admin client secret); the directory is not synced");
            return;
        }
        Thread thread = new Thread(this::syncWithRetries, "user-directory-sync");
        thread.setDaemon(true);
        thread.start();
    }

    private void syncWithRetries() {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                int[] counts = sync();
                log.info(
                        "user directory synced with Keycloak: {} accounts read, {} added or updated",
                        counts[0],
                        counts[1]);
                return;
            } catch (RuntimeException e) {
                log.info(
                        "user directory sync attempt {} failed ({}); retrying in {} s",
                        attempt,
                        e.getMessage(),
                        RETRY.toSeconds());
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        log.warn("user directory not synced with Keycloak after {} attempts", ATTEMPTS);
    }

    /** @return accounts read, directory entries added or changed */
    int[] sync() {
        int read = 0;
        int written = 0;
        // the directory as it was before Keycloak is read: an account the platform changes meanwhile (disabled,
        // moved) is newer here than in what was read, and is left as it is
        Map<String, Long> versionsBefore = new HashMap<>();
        users.findAll().forEach(u -> versionsBefore.put(u.id(), u.version()));
        for (int first = 0; ; first += PAGE) {
            List<Account> page = keycloak.page(first, PAGE);
            for (Account account : page) {
                read++;
                if (account.serviceAccountClientId() != null
                        || account.orgUnit().filter(OrgPath::isValid).isEmpty()) {
                    continue;
                }
                if (mirror(account, versionsBefore)) {
                    written++;
                }
            }
            if (page.size() < PAGE) {
                return new int[] {read, written};
            }
        }
    }

    private boolean mirror(Account account, Map<String, Long> versionsBefore) {
        OrgPath unit = OrgPath.of(account.orgUnit().orElseThrow());
        Set<String> roles = new LinkedHashSet<>();
        for (RealmRole role : keycloak.realmRoles(account.id())) {
            if (StaffRoles.isManaged(role.name())) {
                roles.add(role.name());
            }
        }
        boolean enabled = !Boolean.FALSE.equals(account.enabled());
        String name = account.displayName();
        PlatformUser user = users.findById(account.id()).orElse(null);
        if (user == null) {
            users.save(PlatformUser.of(
                    account.id(), account.username(), name, unit, roles, enabled, clock.instant(), "keycloak"));
            return true;
        }
        if (!java.util.Objects.equals(user.version(), versionsBefore.get(user.id()))) {
            return false; // changed through the platform after Keycloak was read; the next sync sees Keycloak as it is
        }
        if (user.mirror(name, unit, roles, enabled)) {
            users.save(user);
            return true;
        }
        return false;
    }
}
