/** The org-unit registry (组织机构): the federation tree the whole platform scopes by, published on org.units.v1. */
package cn.fulian.planning.orgunit;
