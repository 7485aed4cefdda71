/**
 * Every service's local copy of the org-unit registry, kept from the compacted topic {@code org.units.v1} that
 * planning-service publishes: names and children of units without calling another service.
 */
package cn.fulian.starter.orgunit;
