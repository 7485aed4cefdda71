/** Web shapes shared by the features of the rights service. */
package cn.fulian.rights.web;
