package cn.fulian.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The seeded tree: the city 福州市 (350100), its county-level districts (the registry's real codes first), townships
 * under each and villages under each township, with GB/T 2260 style codes. Township and village codes start at 201 so
 * they never collide with the demo registry's 街道 and 社区.
 */
final class OrgTree {

    static final String CITY = "350100";

    private static final String[][] DISTRICTS = {
        {"350102", "鼓楼区"}, {"350103", "台江区"}, {"350104", "仓山区"}, {"350105", "马尾区"}, {"350111", "晋安区"},
        {"350112", "长乐区"}, {"350121", "闽侯县"}, {"350122", "连江县"}, {"350123", "罗源县"}, {"350124", "闽清县"},
        {"350125", "永泰县"}, {"350128", "平潭县"}, {"350181", "福清市"}
    };

    /** One unit: path from the city down, name, level, and whether the demo registry already has it. */
    record Unit(String path, String code, String parentCode, String name, String level, boolean inRegistry) {
        int depth() {
            return path.split("/").length;
        }

        String parentPath() {
            int i = path.lastIndexOf('/');
            return i < 0 ? null : path.substring(0, i);
        }
    }

    final Unit city;
    final List<Unit> districts = new ArrayList<>();
    final List<Unit> townships = new ArrayList<>();
    final List<Unit> villages = new ArrayList<>();

    OrgTree(int districtCount, int townshipsPer, int villagesPer) {
        city = new Unit(CITY, CITY, null, "福州市", "CITY", true);
        for (int d = 0; d < districtCount; d++) {
            String code = d < DISTRICTS.length ? DISTRICTS[d][0] : "3501" + (40 + d);
            String name = d < DISTRICTS.length ? DISTRICTS[d][1] : "新区" + (d + 1);
            Unit district = new Unit(CITY + "/" + code, code, CITY, name, "DISTRICT", d < DISTRICTS.length);
            districts.add(district);
            for (int t = 0; t < townshipsPer; t++) {
                String tCode = code + String.format("%03d", 201 + t);
                Unit township = new Unit(
                        district.path() + "/" + tCode, tCode, code, name + "第" + (t + 1) + "镇", "TOWNSHIP", false);
                townships.add(township);
                for (int v = 0; v < villagesPer; v++) {
                    String vCode = tCode + String.format("%03d", 201 + v);
                    villages.add(new Unit(
                            township.path() + "/" + vCode,
                            vCode,
                            tCode,
                            township.name() + "第" + (v + 1) + "村",
                            "VILLAGE",
                            false));
                }
            }
        }
    }

    /** Every unit, parents before children. */
    List<Unit> all() {
        List<Unit> all = new ArrayList<>();
        all.add(city);
        all.addAll(districts);
        all.addAll(townships);
        all.addAll(villages);
        return all;
    }

    int size() {
        return 1 + districts.size() + townships.size() + villages.size();
    }
}
