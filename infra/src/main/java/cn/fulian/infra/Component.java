package cn.fulian.infra;

import cn.fulian.infra.probe.Probe;

/**
 * One part of a running platform as {@code up} reports it and {@code status} checks it.
 *
 * @param name the pid and log file name ({@code gateway} → {@code pids/gateway.pid}, {@code logs/gateway.log})
 * @param inLauncher true for Kafka and the Mongo-wire server, which live inside the launcher's JVM
 */
public record Component(String name, String label, String address, Probe probe, boolean inLauncher) {}
