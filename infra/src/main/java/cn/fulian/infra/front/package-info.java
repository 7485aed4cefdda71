/** The round-robin front the launcher puts on the gateway's port when it runs several gateways. */
package cn.fulian.infra.front;
