/**
 * Browser sessions kept in the platform's MongoDB, so that every gateway instance serves every logged-in browser and a
 * restarted gateway keeps its users logged in.
 */
package cn.fulian.gateway.websession;
