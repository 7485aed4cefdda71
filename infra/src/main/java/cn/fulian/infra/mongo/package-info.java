/** The MongoDB wire-protocol server (mongo-java-server) with an H2 file backend: a local MongoDB without Docker. */
package cn.fulian.infra.mongo;
