package cn.fulian.starter.web;

import cn.fulian.events.orgunit.UnitType;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.orgunit.OrgUnitInfo;
import cn.fulian.starter.scope.OrgScope;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/<service>/me}: the caller as this service sees it, from the token, with the type of the caller's
 * unit from the service's copy of the registry once it has been received.
 */
@RestController
public class MeController {

    /**
     * The caller as the token describes it.
     *
     * @param level the level the caller's roles give (CITY, DISTRICT, TOWNSHIP or VILLAGE)
     * @param levelLabel the caller's federation as users read it: the unit type's (区妇联, 机关妇委会) when the registry
     *     knows the unit, else the level's
     * @param unitType the {@link UnitType} of the caller's unit, null until the registry copy knows the unit
     * @param unitTypeLabel its Chinese label (区, 街道, 机关)
     */
    public record MeView(
            String username,
            String unitPath,
            String unitCode,
            String level,
            String levelLabel,
            List<String> roles,
            String unitName,
            String unitType,
            String unitTypeLabel) {}

    private final ObjectProvider<OrgUnitDirectory> directory;

    public MeController(ObjectProvider<OrgUnitDirectory> directory) {
        this.directory = directory;
    }

    @GetMapping("${fulian.api-prefix}/me")
    public MeView me(OrgScope scope) {
        Optional<OrgUnitInfo> unit =
                Optional.ofNullable(directory.getIfAvailable()).flatMap(d -> d.find(scope.unit()));
        Optional<UnitType> type = unit.map(OrgUnitInfo::unitType);
        return new MeView(
                scope.username(),
                scope.unit().value(),
                scope.unit().code(),
                scope.level().name(),
                type.map(UnitType::federationLabel).orElse(scope.level().label()),
                scope.roles().stream().sorted().toList(),
                unit.map(OrgUnitInfo::name).orElse(null),
                type.map(UnitType::name).orElse(null),
                type.map(UnitType::label).orElse(null));
    }
}
