package cn.fulian.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the H2 store writes documents, `_id` values and index keys: as BSON, the form they arrive in over the wire,
 * instead of H2's default Java serialization. Keys are compared as MongoDB compares values, so a lookup by `_id`
 * no longer serializes the keys it passes in the B-tree.
 */
final class BsonValues {

    private static final byte MISSING = 0;
    private static final byte PRESENT = 1;
    private static final byte STRING = BsonConstants.TYPE_UTF8_STRING;
    private static final ValueComparator ORDER = ValueComparator.asc();

    private BsonValues() {}

    /** Whole documents: the values of a collection's map. */
    static final class Documents extends BasicDataType<Object> {

        static final Documents INSTANCE = new Documents();

        @Override
        public int getMemory(Object document) {
            return document instanceof StoredDocument stored ? 32 + stored.bytes().length : estimate(document);
        }

        /** A stored document's bytes as they are: encoded once, when it was written. */
        @Override
        public void write(WriteBuffer buffer, Object document) {
            if (document instanceof StoredDocument stored) {
                buffer.putVarInt(stored.bytes().length);
                buffer.put(stored.bytes());
            } else {
                put(buffer, 256, bson -> BsonEncoder.encodeDocument((Document) document, bson));
            }
        }

        /** The bytes only: a document is decoded when it is read, not when its page is loaded. */
        @Override
        public Object read(ByteBuffer buffer) {
            return StoredDocument.of(takeBytes(buffer));
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /** Single values: a collection's `_id`s (its map keys) and the positions an index points to. */
    static final class Values extends BasicDataType<Object> {

        static final Values INSTANCE = new Values();

        @Override
        public int getMemory(Object value) {
            return estimate(value);
        }

        /** A string (nearly every `_id`) written straight into H2's buffer, in the same bytes the encoder writes. */
        @Override
        public void write(WriteBuffer buffer, Object value) {
            if (value instanceof String text) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                buffer.putVarInt(2 + 4 + utf8.length + 1);
                putString(buffer, utf8);
            } else {
                put(buffer, 32, bson -> encode(value, bson));
            }
        }

        @Override
        public Object read(ByteBuffer buffer) {
            int length = DataUtils.readVarInt(buffer);
            int start = buffer.position();
            if (stringEnd(buffer, start, start + length) == start + length) {
                buffer.position(start + length);
                return string(buffer, start + 6, length - 7);
            }
            byte[] bson = new byte[length];
            buffer.get(bson);
            return decode(Unpooled.wrappedBuffer(bson));
        }

        @Override
        public int compare(Object a, Object b) {
            return compareValues(a, b);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /** The keys of a unique index: one value per indexed field, compared field by field. */
    static final class Keys extends BasicDataType<KeyValue> {

        static final Keys INSTANCE = new Keys();

        @Override
        public int getMemory(KeyValue key) {
            int memory = 24;
            for (Object value : key) {
                memory += estimate(value);
            }
            return memory;
        }

        /**
         * Keys of strings only (ids, unit paths, codes: nearly every key here) are written straight into H2's buffer, in
         * the same bytes the encoder writes: a page of keys is written out at every commit that changes it.
         */
        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            byte[][] texts = new byte[key.size()][];
            int length = 1;
            int i = 0;
            for (Object value : key) {
                if (!(value instanceof String text)) {
                    writeEncoded(buffer, key);
                    return;
                }
                texts[i] = text.getBytes(StandardCharsets.UTF_8);
                length += 2 + 4 + texts[i].length + 1;
                i++;
            }
            buffer.putVarInt(length);
            buffer.put((byte) key.size());
            for (byte[] utf8 : texts) {
                putString(buffer, utf8);
            }
        }

        /** Any key, through the BSON encoder. */
        static void writeEncoded(WriteBuffer buffer, KeyValue key) {
            put(buffer, 32, bson -> {
                bson.writeByte(key.size());
                for (Object value : key) {
                    encode(value, bson);
                }
            });
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            int length = DataUtils.readVarInt(buffer);
            int start = buffer.position();
            KeyValue strings = strings(buffer, start, length);
            if (strings != null) {
                buffer.position(start + length);
                return strings;
            }
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            ByteBuf bson = Unpooled.wrappedBuffer(bytes);
            int size = bson.readUnsignedByte();
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(decode(bson));
            }
            return new KeyValue(values);
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int fields = Math.min(a.size(), b.size());
            for (int i = 0; i < fields; i++) {
                int order = compareValues(a.get(i), b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    /** A key of strings only, read without the decoder; null if the key holds anything else. */
    private static KeyValue strings(ByteBuffer buffer, int start, int length) {
        int end = start + length;
        int size = buffer.get(start) & 0xff;
        List<Object> values = new ArrayList<>(size);
        int at = start + 1;
        for (int i = 0; i < size; i++) {
            int next = stringEnd(buffer, at, end);
            if (next < 0) {
                return null;
            }
            values.add(string(buffer, at + 6, next - at - 7));
            at = next;
        }
        return at == end ? new KeyValue(values) : null;
    }

    /**
     * Where a string written by {@link #putString} at {@code at} ends (after its terminator), or -1 if what is there
     * is not one ending by {@code end}.
     */
    private static int stringEnd(ByteBuffer buffer, int at, int end) {
        if (at + 7 > end || buffer.get(at) != PRESENT || buffer.get(at + 1) != STRING) {
            return -1;
        }
        int bytes = Integer.reverseBytes(buffer.getInt(at + 2)) - 1; // BSON lengths are little-endian
        int next = at + 6 + bytes + 1;
        return bytes < 0 || next > end ? -1 : next;
    }

    /** A string as the encoder writes it, flagged present: type, little-endian length, UTF-8 bytes, terminator. */
    private static void putString(WriteBuffer buffer, byte[] utf8) {
        buffer.put(PRESENT).put(STRING);
        buffer.putInt(Integer.reverseBytes(utf8.length + 1));
        buffer.put(utf8).put((byte) 0);
    }

    /**
     * As MongoDB orders values; two strings (nearly every `_id` here) directly, as the server's comparator would after
     * working out their types, since a lookup compares a key with a dozen others on its way down the tree.
     */
    private static int compareValues(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        return ORDER.compare(a, b);
    }

    private static void encode(Object value, ByteBuf bson) {
        if (value instanceof Missing) {
            bson.writeByte(MISSING);
            return;
        }
        bson.writeByte(PRESENT);
        byte type = BsonEncoder.determineType(value);
        bson.writeByte(type);
        BsonEncoder.encodeValue(type, value, bson);
    }

    private static Object decode(ByteBuf bson) {
        if (bson.readByte() == MISSING) {
            return Missing.getInstance();
        }
        byte type = bson.readByte();
        return BsonDecoder.decodeValue(type, bson);
    }

    /** Encodes into a scratch buffer, then writes its length and bytes to H2's buffer. */
    private static void put(WriteBuffer buffer, int initialCapacity, Consumer<ByteBuf> encoder) {
        ByteBuf bson = Unpooled.buffer(initialCapacity);
        try {
            encoder.accept(bson);
            putBytes(buffer, bson);
        } finally {
            bson.release();
        }
    }

    private static void putBytes(WriteBuffer buffer, ByteBuf bson) {
        int length = bson.readableBytes();
        buffer.putVarInt(length);
        if (bson.hasArray()) {
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        } else {
            byte[] bytes = new byte[length];
            bson.getBytes(bson.readerIndex(), bytes);
            buffer.put(bytes);
        }
    }

    /** UTF-8 bytes of the buffer as a string, without an intermediate copy where the buffer has an array. */
    private static String string(ByteBuffer buffer, int from, int length) {
        if (buffer.hasArray()) {
            return new String(buffer.array(), buffer.arrayOffset() + from, length, StandardCharsets.UTF_8);
        }
        return new String(bytes(buffer, from, length), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer, int from, int length) {
        byte[] out = new byte[length];
        buffer.get(from, out);
        return out;
    }

    private static byte[] takeBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return bytes;
    }

    /** A rough size in memory, for H2's cache accounting; walking the document is far cheaper than encoding it. */
    private static int estimate(Object value) {
        if (value == null || value instanceof Missing) {
            return 8;
        }
        if (value instanceof String text) {
            return 40 + 2 * text.length();
        }
        if (value instanceof Map<?, ?> map) {
            int memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> values) {
            int memory = 40;
            for (Object element : values) {
                memory += 8 + estimate(element);
            }
            return memory;
        }
        return 24;
    }
}
