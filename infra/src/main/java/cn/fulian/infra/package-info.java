/**
 * The local platform launcher: {@code ./platform up|down|status} starts Kafka, the Mongo-wire server and Keycloak
 * without Docker, then the services and the gateway as separate processes, and stops them all again.
 */
package cn.fulian.infra;
