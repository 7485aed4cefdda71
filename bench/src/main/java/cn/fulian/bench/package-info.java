/**
 * The benchmark harness: a program run by hand against a platform started with {@code ./platform up --detach}; it
 * seeds a realistic city tree through Kafka, measures the figures the architecture promises and writes them to
 * {@code bench/results/}.
 */
package cn.fulian.bench;
