/**
 * Keycloak from its Maven Central distribution, unpacked under the state folder and run as a child process with the
 * {@code fulian} realm imported, and the demo accounts that realm holds.
 */
package cn.fulian.infra.keycloak;
