/**
 * Event contracts between the services: the envelope every event travels in, the topic names and one record per
 * event type. Plain Java; the {@code type} strings on the wire are constants, never class names.
 */
package cn.fulian.events;
