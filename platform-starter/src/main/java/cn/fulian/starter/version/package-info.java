/**
 * Optimistic concurrency over HTTP, one way in every service: reads and changes of a versioned record answer {@code
 * ETag: "<version>"}; a change to it must send that back as {@code If-Match} (missing 428, stale 412).
 */
package cn.fulian.starter.version;
