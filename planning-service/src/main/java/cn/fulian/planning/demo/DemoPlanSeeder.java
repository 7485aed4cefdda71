package cn.fulian.planning.demo;

import cn.fulian.planning.allocation.AllocationService;
import cn.fulian.planning.allocation.AllocationService.AllocationInput;
import cn.fulian.planning.orgunit.OrgUnit;
import cn.fulian.planning.orgunit.OrgUnitService;
import cn.fulian.planning.plan.AnnualPlan;
import cn.fulian.planning.plan.AssignmentIds;
import cn.fulian.planning.plan.Indicator;
import cn.fulian.planning.plan.IndicatorKind;
import cn.fulian.planning.plan.PlanService;
import cn.fulian.planning.plan.Task;
import cn.fulian.planning.plan.web.PlanRequest;
import cn.fulian.starter.scope.Level;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import cn.fulian.starter.version.IfMatch;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * On a first start of the demo ({@code fulian.federation.demo}, on unless set to false), imports the demo city's
 * current-year plan, publishes it and allocates every task to the districts (counts split evenly, the remainder to the
 * first; rates passed down unchanged), as city staff would. The plan is 福州市's: a federation with another tree gets
 * no demo plan.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "fulian.federation.demo", havingValue = "true", matchIfMissing = true)
class DemoPlanSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlanSeeder.class);
    private static final String DEMO_CITY = "350100";
    private static final OrgScope CITY_STAFF =
            new OrgScope("city-staff", OrgPath.of(DEMO_CITY), Level.CITY, Set.of(Role.CITY));

    private final PlanService plans;
    private final AllocationService allocations;
    private final OrgUnitService units;

    DemoPlanSeeder(PlanService plans, AllocationService allocations, OrgUnitService units) {
        this.plans = plans;
        this.allocations = allocations;
        this.units = units;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String root = units.root().map(OrgUnit::code).orElse(null);
        if (!DEMO_CITY.equals(root)) {
            log.info("no demo plan: the federation's tree starts at {}, not at the demo city {}", root, DEMO_CITY);
            return;
        }
        if (plans.list(CITY_STAFF, null, Pageable.ofSize(1)).getTotalElements() > 0) {
            return;
        }
        PlanRequest request;
        try (InputStream in = new ClassPathResource("seed/plan-2026.yaml").getInputStream()) {
            request = new YAMLMapper().readValue(in, PlanRequest.class);
        }
        AnnualPlan plan = plans.publish(
                CITY_STAFF, plans.create(CITY_STAFF, request.toContent()).id());
        List<OrgUnit> districts = units.children(CITY_STAFF, DEMO_CITY);
        for (Task task : plan.tasks()) {
            String assignment = AssignmentIds.of(task.id(), plan.unitPath());
            allocations.allocate(
                    CITY_STAFF,
                    assignment,
                    split(task.indicator(), districts),
                    null,
                    IfMatch.version(allocations.get(CITY_STAFF, assignment).version()));
        }
        log.info(
                "published the demo plan {} with {} tasks allocated to {} districts",
                plan.id(),
                plan.tasks().size(),
                districts.size());
    }

    private static List<AllocationInput> split(Indicator indicator, List<OrgUnit> districts) {
        List<AllocationInput> out = new ArrayList<>();
        if (indicator.kind() == IndicatorKind.RATE) {
            districts.forEach(d -> out.add(new AllocationInput(d.code(), null)));
            return out;
        }
        BigDecimal n = BigDecimal.valueOf(districts.size());
        BigDecimal each = indicator.target().divide(n, 0, RoundingMode.DOWN);
        BigDecimal rest = indicator.target().subtract(each.multiply(n));
        for (int i = 0; i < districts.size(); i++) {
            out.add(new AllocationInput(districts.get(i).code(), i == 0 ? each.add(rest) : each));
        }
        return out;
    }
}
