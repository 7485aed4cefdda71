package cn.fulian.rights.cases;

import java.util.List;

/**
 * 案件编号, the number people write on files and say on the phone: the registering unit's short name, the year the case
 * came in and a four-digit sequence, {@code 鼓楼-2026-0001}. The sequence is counted per prefix and year, so no two
 * cases ever carry the same number, even for two units whose names shorten alike.
 */
public record CaseNumber(String prefix, int year, long sequence) {

    /** Longest first: 社区 before 区. */
    private static final List<String> LEVEL_SUFFIXES = List.of("街道", "社区", "区", "县", "市", "镇", "乡", "村");

    private static final String FEDERATION = "妇联";

    /**
     * A unit's name without its level and 妇联: 鼓楼区妇联 → 鼓楼, 鼓东街道 → 鼓东, 福州市 → 福州. The unit code when
     * the name is unknown or nothing is left of it.
     */
    public static String prefixOf(String unitName, String unitCode) {
        String name = unitName == null ? "" : unitName.strip();
        if (name.endsWith(FEDERATION)) {
            name = name.substring(0, name.length() - FEDERATION.length()).strip();
        }
        for (String suffix : LEVEL_SUFFIXES) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length()).strip();
                break;
            }
        }
        // a space inside would split the number when it is read back or searched
        name = name.replaceAll("\\s+", "");
        return name.isEmpty() ? unitCode : name;
    }

    @Override
    public String toString() {
        return prefix + "-" + year + "-" + String.format("%04d", sequence);
    }
}
