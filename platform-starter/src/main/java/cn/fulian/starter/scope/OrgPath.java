package cn.fulian.starter.scope;

import cn.fulian.events.orgunit.DivisionCodes;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A unit's path: its unit codes from the root of the federation's tree down, joined by {@code /}
 * ({@code 350100/350102/350102001}, {@code 350100/350102/350102-001}); at most {@value DivisionCodes#MAX_DEPTH} codes
 * of the shape {@link DivisionCodes#CODE_REGEX}.
 */
public record OrgPath(String value) {

    private static final Pattern SHAPE = Pattern.compile(DivisionCodes.PATH_REGEX);

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

    /** 1 for the root (the city in the demo), 2 for a district, 3 for a township, and so on down to 6. */
    public int depth() {
        return depthOf(value);
    }

    /**
     * {@link #depth()} of a path already checked (one read back from storage), counted without checking it again: a
     * dashboard counts a few thousand.
     */
    public static int depthOf(String path) {
        int depth = 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }

    public boolean isRoot() {
        return depth() == 1;
    }

    public OrgPath parent() {
        if (isRoot()) {
            throw new IllegalStateException("the root has no parent unit");
        }
        return new OrgPath(value.substring(0, value.lastIndexOf('/')));
    }

    public OrgPath child(String code) {
        return new OrgPath(value + "/" + code);
    }

    /** This path and every ancestor, from the root down. */
    public List<OrgPath> selfAndAncestors() {
        List<String> codes = codes();
        return java.util.stream.IntStream.rangeClosed(1, codes.size())
                .mapToObj(n -> new OrgPath(String.join("/", codes.subList(0, n))))
                .toList();
    }

    public boolean isAtOrBelow(OrgPath other) {
        return isAtOrBelow(value, other.value);
    }

    /** {@link #isAtOrBelow(OrgPath)} of two paths already checked, compared as text; false if either is null. */
    public static boolean isAtOrBelow(String path, String other) {
        return path != null
                && other != null
                && path.startsWith(other)
                && (path.length() == other.length() || path.charAt(other.length()) == '/');
    }

    /**
     * The regular expression a query on a stored path uses for this unit and everything below it ({@code
     * ^350100/350102(/|$)}). Paths hold only codes and slashes, so nothing needs quoting, and the anchored prefix lets
     * MongoDB use an index on the path.
     */
    public String subtreeRegex() {
        return "^" + value + "(/|$)";
    }

    /** Everything strictly below this unit ({@code ^350100/350102/}). */
    public String belowRegex() {
        return "^" + value + "/";
    }

    /** This unit's direct children ({@code ^350100/350102/[^/]+$}). */
    public String childrenRegex() {
        return "^" + value + "/[^/]+$";
    }

    public boolean isDirectChildOf(OrgPath other) {
        return !isRoot() && parent().equals(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
