/** A one-node Kafka broker (KRaft) inside the launcher JVM, from Kafka's own jars: real Kafka without Docker. */
package cn.fulian.infra.kafka;
