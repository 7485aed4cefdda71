package cn.fulian.planning.orgunit;

/** What a change of a unit touched, before or after it: name, place in the tree and whether retired. */
public record UnitState(String name, String parentCode, String path, boolean retired) {}
