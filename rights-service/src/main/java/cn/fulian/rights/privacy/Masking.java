package cn.fulian.rights.privacy;

/**
 * What people without access to a case's personal data see instead of it. Names keep the first character (the
 * surname in almost all names) followed by a fixed {@code **}, so the length of the given name is not revealed either:
 * 张小红 → 张**. Phone numbers keep the first three and last four digits (138****5678, 059*****4321). ID numbers keep
 * the first four and the last four characters (3501**********1234). Addresses keep their first six characters,
 * usually the city and district. Free text (the complainant's account, notes, summaries, reasons) is withheld.
 */
public final class Masking {

    private Masking() {}

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return new String(Character.toChars(name.strip().codePointAt(0))) + "**";
    }

    /** Masks a normalised phone number. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 8) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** Masks a normalised 18-character ID number. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : "****";
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    public static String address(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        int keep = 6;
        if (address.codePointCount(0, address.length()) <= keep) {
            return "****";
        }
        return address.substring(0, address.offsetByCodePoints(0, keep)) + "****";
    }
}
