/**
 * Users (账号): the federation's staff accounts, kept in Keycloak and managed through the platform by admins within
 * their own subtree. A local directory mirrors them for listing by unit.
 */
package cn.fulian.planning.user;
