/** The web console: plain files and WebJars served by the gateway, cacheable, with no build step. */
package cn.fulian.gateway.console;
