package cn.fulian.starter.consumer;

import cn.fulian.events.EventEnvelope;

/** An event as it arrived: the envelope and exactly where it was read from. */
public record ConsumedEvent(EventEnvelope envelope, String topic, int partition, long offset) {

    /** The document field that remembers the last offset of this topic-partition applied to a read-model document. */
    String offsetField() {
        return "_offsets." + topic.replace('.', '_') + "_" + partition;
    }
}
