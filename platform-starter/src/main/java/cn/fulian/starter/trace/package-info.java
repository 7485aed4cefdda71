/**
 * Following one user action across services: the correlation id and the W3C trace context of the request that
 * recorded an event travel with it through the outbox and Kafka's record headers to every consumer's log.
 */
package cn.fulian.starter.trace;
