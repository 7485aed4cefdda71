package cn.fulian.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Set;

/**
 * A document as a collection keeps it: its BSON bytes, encoded once when it is written. H2 holds these in its pages and
 * its cache and writes them out as they are, so a page that changes is not encoded again document by document, the
 * cache holds compact bytes instead of maps of boxed values, and every read decodes a fresh copy that nobody else
 * holds.
 */
final class StoredDocument {

    private final byte[] bson;

    private StoredDocument(byte[] bson) {
        this.bson = bson;
    }

    static StoredDocument encode(Document document) {
        return encode(document, 256);
    }

    /** Encodes into a buffer of {@code expectedSize} to begin with (a changed document's previous size, say). */
    static StoredDocument encode(Document document, int expectedSize) {
        ByteBuf buffer = Unpooled.buffer(expectedSize);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.getBytes(buffer.readerIndex(), bytes);
            return new StoredDocument(bytes);
        } finally {
            buffer.release();
        }
    }

    static StoredDocument of(byte[] bson) {
        return new StoredDocument(bson);
    }

    /** A value of a collection's map as a document of its own. */
    static Document decode(Object stored) {
        return stored instanceof StoredDocument encoded ? encoded.decode() : ((Document) stored).cloneDeeply();
    }

    Document decode() {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /**
     * Only the named top-level fields, the others skipped over by their encoded length rather than decoded: a query
     * that projects a few fields of large documents (the read model's offsets) needs no more.
     */
    Document decode(Set<String> fields) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bson);
        buffer.skipBytes(4);
        Document document = new Document();
        for (byte type = buffer.readByte(); type != 0; type = buffer.readByte()) {
            String name = BsonDecoder.decodeCString(buffer);
            if (fields.contains(name)) {
                document.put(name, BsonDecoder.decodeValue(type, buffer));
            } else if (!skip(type, buffer)) {
                return decode();
            }
        }
        return document;
    }

    /** Moves past one value of the type; false for a type whose length it does not know. */
    private static boolean skip(byte type, ByteBuf buffer) {
        switch (type) {
            case 0x01, 0x09, 0x11, 0x12 -> buffer.skipBytes(8); // double, date, timestamp, int64
            case 0x02, 0x0D, 0x0E -> buffer.skipBytes(buffer.readIntLE()); // string, code, symbol
            case 0x03, 0x04, 0x0F -> buffer.skipBytes(buffer.readIntLE() - 4); // document, array, code with scope
            case 0x05 -> buffer.skipBytes(buffer.readIntLE() + 1); // binary: length, subtype, bytes
            case 0x06, 0x0A, 0x7F, (byte) 0xFF -> {} // undefined, null, max key, min key
            case 0x07 -> buffer.skipBytes(12); // ObjectId
            case 0x08 -> buffer.skipBytes(1); // boolean
            case 0x0B -> { // regular expression: pattern and options, two C strings
                BsonDecoder.decodeCString(buffer);
                BsonDecoder.decodeCString(buffer);
            }
            case 0x0C -> buffer.skipBytes(buffer.readIntLE() + 12); // DBPointer: string, ObjectId
            case 0x10 -> buffer.skipBytes(4); // int32
            case 0x13 -> buffer.skipBytes(16); // decimal128
            default -> {
                return false;
            }
        }
        return true;
    }

    byte[] bytes() {
        return bson;
    }
}
