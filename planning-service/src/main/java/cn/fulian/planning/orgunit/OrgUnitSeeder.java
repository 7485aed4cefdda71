package cn.fulian.planning.orgunit;

import cn.fulian.starter.scope.OrgPath;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** On a first start, registers the demo city's tree from {@code seed/org-units.yaml}; later starts leave it alone. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrgUnitSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrgUnitSeeder.class);

    record SeedUnit(String code, String name, List<SeedUnit> children) {}

    private final OrgUnitService service;
    private final Clock clock;

    OrgUnitSeeder(OrgUnitService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (service.count() > 0) {
            return;
        }
        SeedUnit root;
        try (InputStream in = new ClassPathResource("seed/org-units.yaml").getInputStream()) {
            root = new YAMLMapper().readValue(in, SeedUnit.class);
        }
        List<OrgUnit> units = new ArrayList<>();
        flatten(root, null, units);
        service.seed(units);
        log.info("registered {} org units of the demo city", units.size());
    }

    private void flatten(SeedUnit unit, OrgPath parent, List<OrgUnit> out) {
        OrgPath path = parent == null ? OrgPath.of(unit.code()) : parent.child(unit.code());
        out.add(OrgUnitService.seedUnit(path, unit.name(), clock));
        if (unit.children() != null) {
            unit.children().forEach(child -> flatten(child, path, out));
        }
    }
}
