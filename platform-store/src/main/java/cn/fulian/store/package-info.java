/**
 * The MongoDB wire-protocol server (mongo-java-server) with documents kept as BSON in an H2 MVStore: the local MongoDB
 * the launcher runs without Docker (on a file) and the services' tests run on (in memory).
 */
package cn.fulian.store;
