/**
 * The org-unit registry (组织机构): the federation tree the whole platform scopes by, published on org.units.v1. Units
 * have a type and a code that fits their parent's division; admins add, rename, move and retire units within their
 * subtree, import trees from YAML, CSV or Excel files, and every change is kept in the unit's history.
 */
package cn.fulian.planning.orgunit;
