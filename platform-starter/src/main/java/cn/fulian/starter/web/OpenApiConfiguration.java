package cn.fulian.starter.web;

import cn.fulian.starter.scope.OrgScope;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every service's OpenAPI document names the service and the bearer token it requires. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        // the caller's scope is read from the token by an argument resolver; clients never send it
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(OrgScope.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI platformOpenApi(
            @Value("${fulian.api-title:${spring.application.name}}") String title,
            @Value("${spring.application.name}") String name) {
        return new OpenAPI()
                .info(new Info()
                        .title(title)
                        .version("v1")
                        .description("妇联年度工作平台 " + name + ";所有接口需 Keycloak 签发的 Bearer 令牌,数据范围取自令牌中的 org_unit。"))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
