package cn.fulian.starter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code fulian-defaults.properties} as the lowest-precedence property source: the local addresses, producer
 * and consumer safety settings and token validation that every service shares. A service's application.yml and
 * environment variables override any of them. The management port, when it is one of its own, is bound to
 * {@code MANAGEMENT_BIND_ADDRESS} (default the loopback interface); when it is the API's port (the tests' MockMvc has
 * no server to give it another) it cannot have an address of its own.
 */
class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader()
                    .load("fulian-defaults", new ClassPathResource("fulian-defaults.properties"))
                    .forEach(source -> environment.getPropertySources().addLast(source));
            String managementPort = environment.getProperty("management.server.port");
            boolean sharesTheApiPort = !"0".equals(managementPort)
                    && Objects.equals(managementPort, environment.getProperty("server.port", "8080"));
            if (managementPort != null && !sharesTheApiPort) {
                environment
                        .getPropertySources()
                        .addLast(new MapPropertySource(
                                "fulian-management-address",
                                Map.of("management.server.address", "${MANAGEMENT_BIND_ADDRESS:127.0.0.1}")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
