package cn.fulian.store;

import static de.bwaldvogel.mongo.wire.BsonConstants.TERMINATING_BYTE;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_ARRAY;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_BOOLEAN;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_DATA;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_DBPOINTER;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_DECIMAL128;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_DOUBLE;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_EMBEDDED_DOCUMENT;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_INT32;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_INT64;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_JAVASCRIPT_CODE;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_JAVASCRIPT_CODE_WITH_SCOPE;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_MAX_KEY;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_MIN_KEY;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_NULL;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_OBJECT_ID;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_REGEX;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_SYMBOL;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_TIMESTAMP;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_UNDEFINED;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_UTC_DATETIME;
import static de.bwaldvogel.mongo.wire.BsonConstants.TYPE_UTF8_STRING;

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
        for (byte type = buffer.readByte(); type != TERMINATING_BYTE; type = buffer.readByte()) {
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
            case TYPE_DOUBLE, TYPE_UTC_DATETIME, TYPE_TIMESTAMP, TYPE_INT64 -> buffer.skipBytes(8);
            case TYPE_UTF8_STRING, TYPE_JAVASCRIPT_CODE, TYPE_SYMBOL -> buffer.skipBytes(buffer.readIntLE());
            // the length counts itself
            case TYPE_EMBEDDED_DOCUMENT, TYPE_ARRAY, TYPE_JAVASCRIPT_CODE_WITH_SCOPE ->
                buffer.skipBytes(buffer.readIntLE() - 4);
            case TYPE_DATA -> buffer.skipBytes(buffer.readIntLE() + 1); // the subtype follows the length
            case TYPE_UNDEFINED, TYPE_NULL, TYPE_MAX_KEY, TYPE_MIN_KEY -> {}
            case TYPE_OBJECT_ID -> buffer.skipBytes(12);
            case TYPE_BOOLEAN -> buffer.skipBytes(1);
            case TYPE_REGEX -> { // pattern and options
                BsonDecoder.decodeCString(buffer);
                BsonDecoder.decodeCString(buffer);
            }
            case TYPE_DBPOINTER -> buffer.skipBytes(buffer.readIntLE() + 12); // a string and an ObjectId
            case TYPE_INT32 -> buffer.skipBytes(4);
            case TYPE_DECIMAL128 -> buffer.skipBytes(16);
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
