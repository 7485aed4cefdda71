/** 荣誉: honour titles (巾帼文明岗, 示范村, 妇女之家 …) with their periodic reviews and outcome counts per round. */
package cn.fulian.activity.honour;
