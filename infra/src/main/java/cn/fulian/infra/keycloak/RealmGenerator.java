package cn.fulian.infra.keycloak;

import cn.fulian.infra.federation.FederationSettings;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The realm an installation's Keycloak imports, made from the realm template ({@code infra/keycloak/fulian-realm.json}:
 * roles, clients, the {@code org_unit} claim, the user profile) and the federation's settings:
 *
 * <ul>
 *   <li>the login page carries the federation's name, and the browser clients may return to its public address;
 *   <li>the gateway's client secret is the installation's own;
 *   <li>a confidential client {@value #ADMIN_API_CLIENT} lets the planning service manage users through Keycloak's
 *       Admin REST API with {@code manage-users}/{@code view-users}/{@code query-users} and nothing more;
 *   <li>with the demo on, the template's demo accounts are kept; otherwise the realm has one administrator for the root
 *       unit, with a temporary password changed at the first login;
 *   <li>e-mail and names are not required of a user (federation staff log in by account name), so a first login asks
 *       for nothing but a new password;
 *   <li>a real installation (demo off) gets a production realm: brute-force protection, TLS required for all but local
 *       addresses, no password grant for the browser client (people log in on Keycloak's page), ten-minute access
 *       tokens renewed with the session. The demo keeps the template's conveniences (password grants, one-hour tokens)
 *       and says so in its name.
 * </ul>
 */
public final class RealmGenerator {

    public static final String ADMIN_API_CLIENT = "fulian-admin-api";
    public static final String GATEWAY_CLIENT = "fulian-gateway";
    public static final String INITIAL_ADMIN = "admin";

    /** Access tokens of a production realm live ten minutes; the gateway renews them with the session. */
    public static final int PRODUCTION_TOKEN_SECONDS = 600;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> BROWSER_CLIENTS = Set.of("fulian-web", GATEWAY_CLIENT);

    private RealmGenerator() {}

    /**
     * @param template the realm template
     * @param gatewayUrl the local gateway's address ({@code http://127.0.0.1:8080})
     * @param initialAdminPassword the root administrator's first password, used only when the demo is off
     */
    public static String generate(
            JsonNode template,
            FederationSettings federation,
            String gatewayUrl,
            String gatewaySecret,
            String adminApiSecret,
            String initialAdminPassword) {
        ObjectNode realm = (ObjectNode) template.deepCopy();
        String title = federation.name() + "工作平台" + (federation.demo() ? "（演示）" : "");
        realm.put("displayName", title);
        realm.put("displayNameHtml", "<strong>" + title + "</strong>");
        if (!federation.demo()) {
            hardenForProduction(realm);
        }
        ArrayNode redirects = redirectUris(gatewayUrl, federation.publicUrl());
        for (JsonNode client : realm.withArray("clients")) {
            ObjectNode c = (ObjectNode) client;
            if (BROWSER_CLIENTS.contains(c.path("clientId").asString())) {
                c.set("redirectUris", redirects.deepCopy());
            }
            if (GATEWAY_CLIENT.equals(c.path("clientId").asString())) {
                c.put("secret", gatewaySecret);
            }
        }
        realm.withArray("clients").add(adminApiClient(adminApiSecret));
        ArrayNode users = federation.demo() ? realm.withArray("users") : JSON.createArrayNode();
        if (!federation.demo()) {
            users.add(initialAdmin(federation, initialAdminPassword));
        }
        users.add(adminApiServiceAccount());
        realm.set("users", users);
        relaxUserProfile(realm);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    private static void hardenForProduction(ObjectNode realm) {
        realm.put("sslRequired", "external");
        realm.put("bruteForceProtected", true);
        realm.put("permanentLockout", false);
        realm.put("failureFactor", 5);
        realm.put("waitIncrementSeconds", 60);
        realm.put("maxFailureWaitSeconds", 900);
        realm.put("maxDeltaTimeSeconds", 43200);
        realm.put("accessTokenLifespan", PRODUCTION_TOKEN_SECONDS);
        realm.put("ssoSessionIdleTimeout", 1800);
        realm.put("ssoSessionMaxLifespan", 36000);
        for (JsonNode client : realm.withArray("clients")) {
            if ("fulian-web".equals(client.path("clientId").asString())) {
                ((ObjectNode) client).put("directAccessGrantsEnabled", false);
            }
        }
    }

    private static ArrayNode redirectUris(String gatewayUrl, Optional<String> publicUrl) {
        Set<String> uris = new LinkedHashSet<>();
        uris.add(gatewayUrl + "/*");
        uris.add(gatewayUrl.replace("127.0.0.1", "localhost") + "/*");
        publicUrl.ifPresent(url -> uris.add(url + "/*"));
        ArrayNode array = JSON.createArrayNode();
        uris.forEach(array::add);
        return array;
    }

    private static ObjectNode adminApiClient(String secret) {
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", ADMIN_API_CLIENT);
        client.put("name", "妇联工作平台用户管理（服务账号）");
        client.put("enabled", true);
        client.put("publicClient", false);
        client.put("protocol", "openid-connect");
        client.put("clientAuthenticatorType", "client-secret");
        client.put("secret", secret);
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("serviceAccountsEnabled", true);
        return client;
    }

    private static ObjectNode adminApiServiceAccount() {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", "service-account-" + ADMIN_API_CLIENT);
        user.put("enabled", true);
        user.put("serviceAccountClientId", ADMIN_API_CLIENT);
        ArrayNode roles = user.putObject("clientRoles").putArray("realm-management");
        roles.add("manage-users");
        roles.add("view-users");
        roles.add("query-users");
        return user;
    }

    private static ObjectNode initialAdmin(FederationSettings federation, String password) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", INITIAL_ADMIN);
        user.put("enabled", true);
        user.put("firstName", federation.name() + "管理员");
        user.putObject("attributes").putArray("org_unit").add(federation.rootCode());
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password");
        credential.put("value", password);
        credential.put("temporary", true);
        user.putArray("requiredActions").add("UPDATE_PASSWORD");
        ArrayNode roles = user.putArray("realmRoles");
        roles.add("admin");
        roles.add("default-roles-fulian");
        return user;
    }

    /** Drops the "required" of e-mail, first and last name from the user profile kept as a JSON string. */
    private static void relaxUserProfile(ObjectNode realm) {
        JsonNode providers = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider");
        for (JsonNode provider : providers) {
            JsonNode configs = provider.path("config").path("kc.user.profile.config");
            if (!configs.isArray() || configs.isEmpty()) {
                continue;
            }
            ObjectNode profile = (ObjectNode) JSON.readTree(configs.get(0).asString());
            for (JsonNode attribute : profile.withArray("attributes")) {
                String name = attribute.path("name").asString();
                if (name.equals("email") || name.equals("firstName") || name.equals("lastName")) {
                    ((ObjectNode) attribute).remove("required");
                }
            }
            ((ArrayNode) configs).set(0, JSON.getNodeFactory().textNode(JSON.writeValueAsString(profile)));
        }
    }
}
