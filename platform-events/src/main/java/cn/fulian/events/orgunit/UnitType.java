package cn.fulian.events.orgunit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What kind of unit a federation is: the administrative divisions (省 down to 村/社区), whose federations carry the
 * division's code, and the federations of organs, enterprises and organisations, which do not and get a code from the
 * platform. The tier is the administrative level (1 province … 5 village); a code must be of the same tier.
 */
public enum UnitType {
    PROVINCE("省", 1),
    CITY("市", 2, "地级市"),
    COUNTY("县", 3),
    COUNTY_CITY("县级市", 3),
    DISTRICT("区", 3, "市辖区"),
    TOWNSHIP("乡", 4),
    TOWN("镇", 4),
    SUBDISTRICT("街道", 4),
    VILLAGE("村", 5),
    COMMUNITY("社区", 5),
    ORGAN("机关", 0),
    ENTERPRISE("企业", 0),
    NEW_ORG("两新组织", 0),
    SOCIAL_ORG("社会组织", 0),
    OTHER("其他", 0);

    private static final List<String> FEDERATION_SUFFIXES = List.of("妇女联合会", "妇女委员会", "妇联", "妇委会");

    private final String label;
    private final int tier;
    private final List<String> aliases;

    UnitType(String label, int tier, String... aliases) {
        this.label = label;
        this.tier = tier;
        this.aliases = List.of(aliases);
    }

    /** The Chinese name of the kind: 区, 街道, 机关. */
    public String label() {
        return label;
    }

    /** The administrative tier (1 province, 2 city, 3 county, 4 township, 5 village); empty for the other types. */
    public OptionalInt tier() {
        return tier == 0 ? OptionalInt.empty() : OptionalInt.of(tier);
    }

    /** Whether units of this type are administrative divisions and carry a GB/T 2260 (or statistical) code. */
    public boolean hasDivisionCode() {
        return tier > 0;
    }

    /** Whether a federation's tree may start at a unit of this type. */
    public boolean canBeRoot() {
        return tier > 0 && tier <= 3;
    }

    /** The federation of this kind of unit: 区妇联, 街道妇联, 机关妇委会; a social organisation is itself (社会组织). */
    public String federationLabel() {
        return label + suffix();
    }

    /**
     * The name a unit is shown by: 鼓楼区妇联, 县直机关妇委会 (a name that already says so is kept); a women's social
     * organisation or another organisation goes by its own name (清溪县巾帼志愿者协会).
     */
    public String displayLabel(String name) {
        if (name == null || name.isBlank()) {
            return federationLabel();
        }
        return FEDERATION_SUFFIXES.stream().anyMatch(name::endsWith) ? name : name + suffix();
    }

    private String suffix() {
        return switch (this) {
            // the women's committee of a Party and government organ is a 妇委会, not a 妇联
            case ORGAN -> "妇委会";
            // a women's organisation that is a member of the federation, not a federation of its own
            case SOCIAL_ORG, OTHER -> "";
            default -> "妇联";
        };
    }

    /** The type written as its name ({@code SUBDISTRICT}), its label (街道) or the federation's (街道妇联). */
    public static Optional<UnitType> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values())
                .filter(type -> type.name().equals(t.toUpperCase(Locale.ROOT))
                        || type.label.equals(t)
                        || type.federationLabel().equals(t)
                        || type.aliases.contains(t))
                .findFirst();
    }

    /**
     * The type a unit's record names, or, for a record written before unit types existed (or naming a type this reader
     * does not know), the type its level implies ({@link #derived}).
     */
    public static UnitType named(String type, String level, int depth) {
        if (type != null) {
            for (UnitType t : values()) {
                if (t.name().equals(type)) {
                    return t;
                }
            }
        }
        return derived(level, depth);
    }

    /**
     * The type of a unit known only by its level in the tree, as events and local copies from before unit types
     * were: the platform's levels CITY, DISTRICT, TOWNSHIP and VILLAGE are types of the same name, and without a level
     * the depth decides as the level did (1 city, 2 district, 3 township, deeper a village).
     */
    public static UnitType derived(String level, int depth) {
        if (level != null) {
            switch (level) {
                case "CITY":
                    return CITY;
                case "DISTRICT":
                    return DISTRICT;
                case "TOWNSHIP":
                    return TOWNSHIP;
                case "VILLAGE":
                    return VILLAGE;
                default:
                    break;
            }
        }
        return switch (depth) {
            case 1 -> CITY;
            case 2 -> DISTRICT;
            case 3 -> TOWNSHIP;
            default -> VILLAGE;
        };
    }
}
