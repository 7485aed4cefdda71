/** Who is logged in: the console's header and menus read the user's unit, level and roles from here. */
package cn.fulian.gateway.session;
