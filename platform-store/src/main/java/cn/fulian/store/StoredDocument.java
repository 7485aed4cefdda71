package cn.fulian.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

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
        ByteBuf buffer = Unpooled.buffer(256);
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

    byte[] bytes() {
        return bson;
    }
}
