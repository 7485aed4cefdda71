package cn.fulian.rights.codes;

/**
 * What the complainant said at 回访, as the desk records it: a score from 1 to 5 that reporting counts as satisfied
 * from 4 up. The three answers a desk asks for map to 5, 4 and 1; any other score reads as the answer it falls under.
 */
public enum Satisfaction implements Labelled {
    SATISFIED("满意", 5),
    BASICALLY_SATISFIED("基本满意", 4),
    DISSATISFIED("不满意", 1);

    private final String label;
    private final int score;

    Satisfaction(String label, int score) {
        this.label = label;
        this.score = score;
    }

    @Override
    public String label() {
        return label;
    }

    public int score() {
        return score;
    }

    /** The answer a score stands for, or {@code null} for none. */
    public static Satisfaction of(Integer score) {
        if (score == null) {
            return null;
        }
        return score >= 5 ? SATISFIED : score == 4 ? BASICALLY_SATISFIED : DISSATISFIED;
    }
}
