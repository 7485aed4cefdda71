package cn.fulian.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.nio.ByteBuffer;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class BsonValuesTest {

    @Test
    void aKeyOfStringsIsWrittenInTheSameBytesAsTheEncoderWritesAndReadsBackEqual() {
        KeyValue key = new KeyValue(List.of("2026|t-17|350100/350102/350102001", "350100/350102"));

        byte[] direct = written(b -> BsonValues.Keys.INSTANCE.write(b, key));
        byte[] encoded = written(b -> BsonValues.Keys.writeEncoded(b, key));

        assertThat(direct).isEqualTo(encoded);
        assertThat(BsonValues.Keys.INSTANCE.read(ByteBuffer.wrap(direct))).isEqualTo(key);
    }

    @Test
    void keysWithOtherValuesOrChineseTextAreWrittenAsTheEncoderWritesThemAndReadBackEqual() {
        for (KeyValue key : List.of(
                new KeyValue(List.of("鼓楼区妇联", "350100")),
                new KeyValue(List.of(2026, "350100")),
                new KeyValue(List.of(Missing.getInstance(), "a")),
                new KeyValue(List.of("")))) {
            byte[] bytes = written(b -> BsonValues.Keys.INSTANCE.write(b, key));

            assertThat(bytes).isEqualTo(written(b -> BsonValues.Keys.writeEncoded(b, key)));
            assertThat(BsonValues.Keys.INSTANCE.read(ByteBuffer.wrap(bytes))).isEqualTo(key);
        }
    }

    @Test
    void anIdIsReadBackAsTheValueWrittenWhateverItsText() {
        for (Object id : List.of("2026|t-1|350100", "鼓楼|1", "", 42L)) {
            byte[] bytes = written(b -> BsonValues.Values.INSTANCE.write(b, id));

            assertThat(BsonValues.Values.INSTANCE.read(ByteBuffer.wrap(bytes))).isEqualTo(id);
        }
    }

    @Test
    void anIdIsWrittenAsABsonStringFlaggedPresent() {
        byte[] ascii = written(b -> BsonValues.Values.INSTANCE.write(b, "abc"));

        // varint length 10, present, string, int32 length 4 (little-endian), "abc", terminator
        assertThat(ascii).containsExactly(10, 1, 2, 4, 0, 0, 0, 'a', 'b', 'c', 0);
    }

    private static byte[] written(java.util.function.Consumer<WriteBuffer> write) {
        WriteBuffer buffer = new WriteBuffer(16);
        write.accept(buffer);
        ByteBuffer out = buffer.getBuffer();
        out.flip();
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return bytes;
    }
}
