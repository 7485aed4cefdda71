/**
 * The processes the launcher starts: pid files that let {@code down} and the next {@code up} find them even when the
 * launcher itself was killed, their logs, and stopping each together with its descendants.
 */
package cn.fulian.infra.process;
