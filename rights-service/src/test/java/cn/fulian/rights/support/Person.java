package cn.fulian.rights.support;

import cn.fulian.rights.privacy.IdNumbers;
import java.util.concurrent.ThreadLocalRandom;

/** A made-up complainant with a valid phone and ID number, different in every test. */
public record Person(String name, String phone, String idNumber, String address, String account) {

    private static final String SURNAMES = "林陈黄张李王吴刘蔡杨郑许";
    private static final String GIVEN = "秀英丽娟美玲桂芳淑珍翠兰素梅雪琴慧敏婉清";

    public static Person random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String name = "" + SURNAMES.charAt(r.nextInt(SURNAMES.length())) + GIVEN.charAt(r.nextInt(GIVEN.length()))
                + GIVEN.charAt(r.nextInt(GIVEN.length()));
        String phone = "13" + (5 + r.nextInt(5)) + String.format("%08d", r.nextInt(100_000_000));
        String first17 = "350102" + (1970 + r.nextInt(30)) + String.format("%02d", 1 + r.nextInt(12))
                + String.format("%02d", 1 + r.nextInt(28)) + String.format("%03d", r.nextInt(1000));
        String id = first17 + IdNumbers.checkCharacter(first17);
        String address = "福州市鼓楼区东街道安泰河沿" + (1 + r.nextInt(200)) + "号" + (1 + r.nextInt(30)) + "0" + r.nextInt(10) + "室";
        String account = "自" + (1 + r.nextInt(12)) + "月起多次遭受" + name + "的丈夫殴打,邻居可作证,编号" + r.nextInt(1_000_000);
        return new Person(name, phone, id, address, account);
    }
}
