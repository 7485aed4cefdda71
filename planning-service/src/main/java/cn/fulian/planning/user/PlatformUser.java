package cn.fulian.planning.user;

import cn.fulian.starter.scope.OrgPath;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account in the platform's user directory: the copy of a Keycloak account the admin pages list and scope by unit.
 * Keycloak stays the authority for logging in; every change made through the platform is written there first.
 */
@Document("users")
public class PlatformUser {

    @Id
    private String id;

    @Indexed(unique = true)
    private String username;

    private String name;

    @Indexed
    private String unitPath;

    private Set<String> roles = new LinkedHashSet<>();
    private boolean enabled;
    private Instant createdAt;
    private String createdBy;
    private Instant updatedAt;
    private String updatedBy;

    @Version
    private Long version;

    PlatformUser() {}

    static PlatformUser of(
            String keycloakId,
            String username,
            String name,
            OrgPath unit,
            Set<String> roles,
            boolean enabled,
            Instant at,
            String by) {
        PlatformUser user = new PlatformUser();
        user.id = keycloakId;
        user.username = username;
        user.name = name;
        user.unitPath = unit.value();
        user.roles = new LinkedHashSet<>(roles);
        user.enabled = enabled;
        user.createdAt = at;
        user.createdBy = by;
        user.updatedAt = at;
        user.updatedBy = by;
        return user;
    }

    void assign(String newName, OrgPath unit, Set<String> newRoles, Instant at, String by) {
        this.name = newName;
        this.unitPath = unit.value();
        this.roles = new LinkedHashSet<>(newRoles);
        touched(at, by);
    }

    void enable(boolean value, Instant at, String by) {
        this.enabled = value;
        touched(at, by);
    }

    /** Takes what Keycloak says about an account changed outside the platform. */
    boolean mirror(String newName, OrgPath unit, Set<String> newRoles, boolean isEnabled) {
        boolean changed = !java.util.Objects.equals(name, newName)
                || !unit.value().equals(unitPath)
                || !roles.equals(newRoles)
                || enabled != isEnabled;
        this.name = newName;
        this.unitPath = unit.value();
        this.roles = new LinkedHashSet<>(newRoles);
        this.enabled = isEnabled;
        return changed;
    }

    private void touched(Instant at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public String username() {
        return username;
    }

    public String name() {
        return name;
    }

    public OrgPath unit() {
        return OrgPath.of(unitPath);
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
