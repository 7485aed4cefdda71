package cn.fulian.starter.lease;

import java.time.Instant;

/**
 * A claim held on a named piece of work.
 *
 * @param name the work's name, the lease document's id
 * @param attempt this claim's own id: every write of the holder is conditional on it, so a holder whose lease expired
 *     and was claimed again can no longer write
 * @param holder who holds it (an instance id), for operators and for the other instances
 * @param until when it expires unless renewed
 */
public record Lease(String name, String attempt, String holder, Instant until) {}
