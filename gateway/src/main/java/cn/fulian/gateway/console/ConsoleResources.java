package cn.fulian.gateway.console;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.resource.LiteWebJarsResourceResolver;

/**
 * Caching that suits files without a build step. Library files are addressed by their WebJar version
 * ({@code /webjars/vue/3.5.26/…}), so a browser keeps them for a year without asking again; the console's own files
 * keep their names across releases, so a browser revalidates them (a cheap 304 while unchanged).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResources implements WebFluxConfigurer {

    /** {@code /} is the console's single page; the client-side router takes it from there. */
    @Bean
    RouterFunction<ServerResponse> consolePage(@Value("classpath:/static/index.html") Resource index) {
        return RouterFunctions.route(
                RequestPredicates.GET("/"),
                request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .bodyValue(index));
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache().cachePrivate())
                .setUseLastModified(true);
    }
}
