/** The demo city's plan, imported, published and allocated on a first start of the demo as its staff would. */
package cn.fulian.planning.demo;
