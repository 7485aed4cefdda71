/** The four Spring Boot services and the gateway, each run as its own JVM from the jar the build packaged. */
package cn.fulian.infra.service;
