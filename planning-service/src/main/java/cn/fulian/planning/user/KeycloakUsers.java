package cn.fulian.planning.user;

import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.UnavailableException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Keycloak's Admin REST API as the user-management client's service account: create, read, update accounts, set
 * temporary passwords and realm roles. Keycloak answering nothing or 5xx becomes a 503 for the caller.
 */
@Component
class KeycloakUsers {

    /** An account as Keycloak returns it (only the fields the platform uses). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Account(
            String id,
            String username,
            String firstName,
            String lastName,
            Boolean enabled,
            Map<String, List<String>> attributes,
            Long createdTimestamp,
            String serviceAccountClientId,
            List<Credential> credentials) {

        /** The person's name in Chinese order (family name first), or the account name when Keycloak has none. */
        String displayName() {
            String name = (lastName == null ? "" : lastName) + (firstName == null ? "" : firstName);
            return name.isBlank() ? username : name;
        }

        Optional<String> orgUnit() {
            return Optional.ofNullable(attributes)
                    .map(a -> a.get("org_unit"))
                    .filter(v -> !v.isEmpty())
                    .map(v -> v.get(0));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Credential(String type, String value, Boolean temporary) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RealmRole(String id, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenAnswer(String access_token, long expires_in) {}

    private final KeycloakAdminProperties properties;
    private final Clock clock;
    private final RestClient http;
    private String token;
    private Instant tokenExpiry = Instant.EPOCH;

    KeycloakUsers(KeycloakAdminProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(3_000);
        requests.setReadTimeout(15_000);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    boolean configured() {
        return properties.configured();
    }

    /** Creates the account and answers its id; 409 when the account name is taken. */
    String create(Account account) {
        try {
            URI location = call(() -> http.post()
                            .uri(admin("/users"))
                            .header("Authorization", bearer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(account)
                            .retrieve()
                            .toBodilessEntity())
                    .getHeaders()
                    .getLocation();
            if (location == null) {
                throw new UnavailableException("认证服务未返回新账号 / Keycloak did not return the new account");
            }
            String path = location.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.CONFLICT) {
                throw new ConflictException(
                        "账号名“" + account.username() + "”已被使用 / the account name " + account.username() + " is taken");
            }
            throw e;
        }
    }

    Optional<Account> find(String id) {
        try {
            return Optional.ofNullable(call(() -> http.get()
                    .uri(admin("/users/" + id))
                    .header("Authorization", bearer())
                    .retrieve()
                    .body(Account.class)));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    Optional<Account> findByUsername(String username) {
        List<Account> found = call(() -> http.get()
                .uri(admin("/users?exact=true&briefRepresentation=false&username={u}"), username)
                .header("Authorization", bearer())
                .retrieve()
                .body(new ParameterizedTypeReference<List<Account>>() {}));
        return found == null ? Optional.empty() : found.stream().findFirst();
    }

    /** One page of every account, for the directory's synchronisation. */
    List<Account> page(int first, int max) {
        List<Account> found = call(() -> http.get()
                .uri(admin("/users?briefRepresentation=false&first={f}&max={m}"), first, max)
                .header("Authorization", bearer())
                .retrieve()
                .body(new ParameterizedTypeReference<List<Account>>() {}));
        return found == null ? List.of() : found;
    }

    /** Keycloak replaces what the representation names and keeps the rest. */
    void update(String id, Account changes) {
        call(() -> http.put()
                .uri(admin("/users/" + id))
                .header("Authorization", bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(changes)
                .retrieve()
                .toBodilessEntity());
    }

    void setTemporaryPassword(String id, String password) {
        call(() -> http.put()
                .uri(admin("/users/" + id + "/reset-password"))
                .header("Authorization", bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Credential("password", password, true))
                .retrieve()
                .toBodilessEntity());
    }

    List<RealmRole> realmRoles(String id) {
        List<RealmRole> roles = call(() -> http.get()
                .uri(admin("/users/" + id + "/role-mappings/realm"))
                .header("Authorization", bearer())
                .retrieve()
                .body(new ParameterizedTypeReference<List<RealmRole>>() {}));
        return roles == null ? List.of() : roles;
    }

    /** Gives the account exactly {@code wanted} among the roles the platform manages; Keycloak's own stay. */
    void setManagedRoles(String id, Set<String> wanted) {
        List<RealmRole> current = realmRoles(id);
        List<RealmRole> remove = current.stream()
                .filter(r -> StaffRoles.isManaged(r.name()) && !wanted.contains(r.name()))
                .toList();
        List<String> have = current.stream().map(RealmRole::name).toList();
        List<RealmRole> available = call(() -> http.get()
                .uri(admin("/users/" + id + "/role-mappings/realm/available"))
                .header("Authorization", bearer())
                .retrieve()
                .body(new ParameterizedTypeReference<List<RealmRole>>() {}));
        List<RealmRole> add = (available == null ? List.<RealmRole>of() : available)
                .stream()
                        .filter(r -> wanted.contains(r.name()) && !have.contains(r.name()))
                        .toList();
        if (!remove.isEmpty()) {
            call(() -> http.method(HttpMethod.DELETE)
                    .uri(admin("/users/" + id + "/role-mappings/realm"))
                    .header("Authorization", bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(remove)
                    .retrieve()
                    .toBodilessEntity());
        }
        if (!add.isEmpty()) {
            call(() -> http.post()
                    .uri(admin("/users/" + id + "/role-mappings/realm"))
                    .header("Authorization", bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(add)
                    .retrieve()
                    .toBodilessEntity());
        }
    }

    private String admin(String path) {
        return properties.url() + "/admin/realms/" + properties.realm() + path;
    }

    private synchronized String bearer() {
        if (!configured()) {
            throw new UnavailableException("用户管理未配置（缺少认证服务的管理客户端密钥）/ user management is not configured");
        }
        if (token == null || clock.instant().isAfter(tokenExpiry)) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", properties.clientId());
            form.add("client_secret", properties.clientSecret());
            TokenAnswer answer = call(() -> http.post()
                    .uri(properties.url() + "/realms/" + properties.realm() + "/protocol/openid-connect/token")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(TokenAnswer.class));
            if (answer == null || answer.access_token() == null) {
                throw new UnavailableException("认证服务未签发令牌 / Keycloak issued no token");
            }
            token = answer.access_token();
            tokenExpiry = clock.instant().plusSeconds(Math.max(5, answer.expires_in() - 30));
        }
        return "Bearer " + token;
    }

    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            throw new UnavailableException("认证服务暂时无法连接 / Keycloak does not answer", e);
        } catch (HttpClientErrorException.Unauthorized | HttpClientErrorException.Forbidden e) {
            synchronized (this) {
                token = null;
            }
            throw new UnavailableException("认证服务拒绝了用户管理客户端 / Keycloak refused the user-management client", e);
        } catch (HttpClientErrorException e) {
            throw e;
        } catch (RestClientResponseException e) {
            throw new UnavailableException("认证服务出错（" + e.getStatusCode().value() + "）/ Keycloak failed", e);
        }
    }
}
