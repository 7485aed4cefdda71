/**
 * {@code up}: checks that nothing is in the way, starts Keycloak, the Mongo-wire server, Kafka, the services and the
 * gateway, reports each as it becomes ready, and stops them all in order on Ctrl-C or SIGTERM.
 */
package cn.fulian.infra.launch;
