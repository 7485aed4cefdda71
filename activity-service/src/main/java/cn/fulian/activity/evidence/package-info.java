/** 佐证材料: photos and documents attached to activities, checked by content and stored in GridFS. */
package cn.fulian.activity.evidence;
