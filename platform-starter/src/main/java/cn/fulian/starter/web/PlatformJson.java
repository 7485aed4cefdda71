package cn.fulian.starter.web;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the services write numbers: a whole number as a whole number ({@code 13170}, not {@code 13170.0}) whether the
 * figure was counted as an integer or computed as a double, a fraction as it is ({@code 98.5}). Counts and sums then
 * read the same in every answer and export.
 */
public final class PlatformJson {

    private PlatformJson() {}

    public static SimpleModule numbersWrittenOneWay() {
        SimpleModule module = new SimpleModule("fulian-numbers");
        module.addSerializer(Double.class, new WholeDoubles());
        module.addSerializer(Double.TYPE, new WholeDoubles());
        return module;
    }

    static final class WholeDoubles extends ValueSerializer<Double> {

        /** Beyond 2^53 a double no longer holds every whole number; such values are written as they are. */
        private static final double EXACT_LIMIT = 9_007_199_254_740_992d;

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializationContext context) {
            double d = value;
            if (d == Math.rint(d) && Math.abs(d) < EXACT_LIMIT && !(d == 0 && 1 / d < 0)) {
                gen.writeNumber((long) d);
            } else {
                gen.writeNumber(d);
            }
        }
    }
}
