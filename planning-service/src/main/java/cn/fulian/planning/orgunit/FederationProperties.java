package cn.fulian.planning.orgunit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * The federation the platform serves.
 *
 * @param tree where its unit tree is read from on a first start ({@code fulian.federation.tree}, a Spring resource
 *     location such as {@code classpath:seed/org-units.yaml} or {@code file:/etc/fulian/org-units.xlsx}): YAML, CSV or
 *     XLSX in the import's format. The demo city 福州市 when not set.
 * @param rootCode the root unit the installation's settings name ({@code fulian.federation.root-code}); when set, a
 *     tree whose top unit has another code is refused at the first start instead of registered
 */
@ConfigurationProperties("fulian.federation")
public record FederationProperties(Resource tree, String rootCode) {

    public FederationProperties {
        tree = tree != null ? tree : new ClassPathResource("seed/org-units.yaml");
    }
}
