package cn.fulian.starter.scope;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A unit's path: its administrative division codes from the city down, joined by {@code /}
 * ({@code 350100/350102/350102001}).
 */
public record OrgPath(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{6}(/\\d{6,15}){0,4}");

    public OrgPath {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a unit path: " + value);
        }
    }

    public static OrgPath of(String value) {
        return new OrgPath(value);
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    public List<String> codes() {
        return Arrays.asList(value.split("/"));
    }

    /** The unit's own code, the last segment. */
    public String code() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    /** 1 for the city, 2 for a district, 3 for a township, 4 for a village or community. */
    public int depth() {
        return codes().size();
    }

    public boolean isRoot() {
        return depth() == 1;
    }

    public OrgPath parent() {
        if (isRoot()) {
            throw new IllegalStateException("the city has no parent unit");
        }
        return new OrgPath(value.substring(0, value.lastIndexOf('/')));
    }

    public OrgPath child(String code) {
        return new OrgPath(value + "/" + code);
    }

    /** This path and every ancestor, from the city down. */
    public List<OrgPath> selfAndAncestors() {
        List<String> codes = codes();
        return java.util.stream.IntStream.rangeClosed(1, codes.size())
                .mapToObj(n -> new OrgPath(String.join("/", codes.subList(0, n))))
                .toList();
    }

    public boolean isAtOrBelow(OrgPath other) {
        return value.equals(other.value) || value.startsWith(other.value + "/");
    }

    public boolean isDirectChildOf(OrgPath other) {
        return !isRoot() && parent().equals(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
