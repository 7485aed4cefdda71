package cn.fulian.events.orgunit;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The rules of unit codes, one copy for every service (and, by the same regex, for Keycloak's user profile).
 *
 * <p>A <b>division code</b> is a GB/T 2260 code of 6 digits (province {@code 350000}, city {@code 350100}, county or
 * district {@code 350102}), a township code of 9 ({@code 350102001}) or a statistical code of 12
 * ({@code 350102001001}). Codes are compared as 12 digits {@code PP CC DD TTT VVV}; the last segment that is not zero
 * gives the code's division level (1 province … 5 village), and the digits up to it are its significant prefix. A
 * child's code lies within its parent's: it starts with the parent's significant prefix and is of a deeper level (so a
 * town of 东莞 {@code 441900003} sits directly under {@code 441900}, and 仙桃 {@code 429004} directly under
 * {@code 420000}).
 *
 * <p>Units that are not divisions (机关, 企业, 两新组织, 社会组织, 其他) carry an <b>internal code</b> the platform gives
 * them: the parent's code, {@code -} and a three-digit sequence ({@code 350102-001}, nested {@code 350102-001-002}).
 */
public final class DivisionCodes {

    /** One unit code: a 6-, 9- or 12-digit division code, optionally followed by {@code -NNN} parts. */
    public static final String CODE_REGEX = "\\d{6}(\\d{3}){0,2}(-\\d{3})*";

    /** The most units a path holds: root plus five levels below it. */
    public static final int MAX_DEPTH = 6;

    /** A unit path ({@code 350100/350102/350102001}): codes joined by {@code /}, at most {@link #MAX_DEPTH}. */
    public static final String PATH_REGEX = CODE_REGEX + "(/" + CODE_REGEX + "){0,5}";

    private static final Pattern CODE = Pattern.compile(CODE_REGEX);
    private static final Pattern DIVISION = Pattern.compile("\\d{6}(\\d{3}){0,2}");
    private static final Pattern SEQUENCE = Pattern.compile("-(\\d{3})");

    /** Length of the significant prefix by division level. */
    private static final int[] PREFIX = {0, 2, 4, 6, 9, 12};

    private static final String[] LEVEL_ZH = {"", "省级", "地市级", "县区级", "乡镇(街道)级", "村(社区)级"};
    private static final String[] LEVEL_EN = {"", "province", "city", "county", "township", "village"};

    /** Why a code does not fit, naming the request field to blame, in Chinese and English. */
    public record Problem(String field, String message, String messageEn) {}

    private DivisionCodes() {}

    /** Whether the text has the shape of a unit code (division or internal). */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** A 6-, 9- or 12-digit code of an actual division level (its province digits are not zero). */
    public static boolean isDivisionCode(String code) {
        return code != null && DIVISION.matcher(code).matches() && level(code) > 0;
    }

    /** A code the platform gave a unit that is not a division: ends in {@code -NNN}. */
    public static boolean isInternalCode(String code) {
        return isCode(code) && code.indexOf('-') > 0;
    }

    /** The division code as 12 digits, {@code PP CC DD TTT VVV}. */
    public static String normalised(String divisionCode) {
        requireDivisionShape(divisionCode);
        return (divisionCode + "000000").substring(0, 12);
    }

    /** 1 province, 2 city, 3 county, 4 township, 5 village; 0 when the province digits are zero. */
    public static int level(String divisionCode) {
        String n = normalised(divisionCode);
        if (n.startsWith("00")) {
            return 0;
        }
        if (!n.startsWith("000", 9)) {
            return 5;
        }
        if (!n.startsWith("000", 6)) {
            return 4;
        }
        if (!n.startsWith("00", 4)) {
            return 3;
        }
        return n.startsWith("00", 2) ? 1 : 2;
    }

    /** The digits a code's descendants start with: {@code 35} for a province, {@code 3501} for a city and so on. */
    public static String significantPrefix(String divisionCode) {
        return normalised(divisionCode).substring(0, PREFIX[level(divisionCode)]);
    }

    /**
     * The shortest spelling of a code: 6 digits down to county level, 9 for a township, 12 for a village. A
     * statistical table's {@code 350102000000} is the district {@code 350102}; internal codes keep their sequence.
     * Text that is not a code is returned unchanged.
     */
    public static String canonical(String code) {
        if (!isCode(code)) {
            return code;
        }
        int dash = code.indexOf('-');
        String base = dash < 0 ? code : code.substring(0, dash);
        String rest = dash < 0 ? "" : code.substring(dash);
        int level = level(base);
        if (level == 0) {
            return code;
        }
        int length = level <= 3 ? 6 : PREFIX[level];
        return normalised(base).substring(0, length) + rest;
    }

    /** Whether a division code lies within another's: it starts with that code's prefix and is of a deeper level. */
    public static boolean isWithin(String childCode, String parentCode) {
        return isDivisionCode(childCode)
                && isDivisionCode(parentCode)
                && level(childCode) > level(parentCode)
                && normalised(childCode).startsWith(significantPrefix(parentCode));
    }

    /** The code the platform gives the n-th unit without a division code under a parent: {@code 350102-001}. */
    public static String internalCode(String parentCode, int sequence) {
        if (sequence < 1 || sequence > 999) {
            throw new IllegalArgumentException("sequence must be 1 to 999: " + sequence);
        }
        return parentCode + "-" + String.format("%03d", sequence);
    }

    /** The sequence of an internal code given under this parent ({@code 350102-007} → 7), if it is one. */
    public static OptionalInt internalSequence(String parentCode, String code) {
        if (parentCode == null || code == null || !code.startsWith(parentCode)) {
            return OptionalInt.empty();
        }
        var m = SEQUENCE.matcher(code.substring(parentCode.length()));
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(m.group(1)));
    }

    /**
     * Whether a unit of this type and code may sit under the parent (null for the root of a tree): the root is a
     * province, city, county or district; a division type carries a division code of its own tier within the
     * parent's, under a parent that is a division too; any other type carries the parent's code and a sequence.
     */
    public static Optional<Problem> checkPlacement(UnitType type, String code, UnitType parentType, String parentCode) {
        if (!isCode(code)) {
            return problem(
                    "code",
                    "单位代码格式不正确：须为6、9或12位行政区划代码，或上级代码加“-”和三位序号（如350102-001）",
                    "the code must be a 6-, 9- or 12-digit division code, or the parent's code, '-' and three digits"
                            + " (e.g. 350102-001)");
        }
        if (parentCode == null && !type.canBeRoot()) {
            return problem(
                    "type",
                    "根单位须为省、市、县、县级市或区，不能是“" + type.label() + "”",
                    "the root must be a province, city, county, county-level city or district, not " + type.name());
        }
        return type.hasDivisionCode()
                ? divisionPlacement(type, code, parentType, parentCode)
                : internalPlacement(type, code, parentCode);
    }

    private static Optional<Problem> divisionPlacement(
            UnitType type, String code, UnitType parentType, String parentCode) {
        int tier = type.tier().orElseThrow();
        if (!isDivisionCode(code)) {
            return problem(
                    "code",
                    "“" + type.label() + "”须使用行政区划代码（" + digits(tier) + "位），不能使用“-序号”代码",
                    "a unit of type " + type.name() + " needs a " + digits(tier) + "-digit division code");
        }
        int level = level(code);
        if (level != tier) {
            return problem(
                    "code",
                    "代码" + code + "是" + LEVEL_ZH[level] + "区划代码，与类型“" + type.label() + "”不符（应为" + digits(tier) + "位"
                            + LEVEL_ZH[tier] + "代码）",
                    "code " + code + " is a " + LEVEL_EN[level] + "-level division code, which does not fit type "
                            + type.name() + " (a " + digits(tier) + "-digit " + LEVEL_EN[tier] + " code)");
        }
        if (parentCode == null) {
            return Optional.empty();
        }
        if ((parentType != null && !parentType.hasDivisionCode()) || !isDivisionCode(parentCode)) {
            String parentLabel = parentType != null ? parentType.federationLabel() : parentCode;
            return problem(
                    "type",
                    "“" + parentLabel + "”不是行政区划，其下不能设“" + type.label() + "”",
                    "a " + type.name() + " cannot sit under " + parentCode + ", which is not a division");
        }
        if (!isWithin(code, parentCode)) {
            return problem(
                    "code",
                    "代码" + code + "不在上级单位" + parentCode + "的行政区划内（须以" + significantPrefix(parentCode) + "开头，且级别低于上级）",
                    "code " + code + " does not lie within the division of the parent " + parentCode
                            + " (it must start with " + significantPrefix(parentCode) + " and be of a lower level)");
        }
        return Optional.empty();
    }

    private static Optional<Problem> internalPlacement(UnitType type, String code, String parentCode) {
        if (internalSequence(parentCode, code).isEmpty()) {
            return problem(
                    "code",
                    "“" + type.label() + "”不使用行政区划代码：代码须为上级代码加“-”和三位序号（如" + parentCode + "-001），或留空由平台生成",
                    "a " + type.name()
                            + " has no division code: its code is the parent's code, '-' and three digits (e.g. "
                            + parentCode + "-001), or left empty for the platform to give one");
        }
        return Optional.empty();
    }

    private static int digits(int tier) {
        return tier <= 3 ? 6 : PREFIX[tier];
    }

    private static void requireDivisionShape(String code) {
        if (code == null || !DIVISION.matcher(code).matches()) {
            throw new IllegalArgumentException("not a division code: " + code);
        }
    }

    private static Optional<Problem> problem(String field, String message, String messageEn) {
        return Optional.of(new Problem(field, message, messageEn));
    }
}
