/** Telling whether something answers: free ports before start, health endpoints and open ports after. */
package cn.fulian.infra.probe;
