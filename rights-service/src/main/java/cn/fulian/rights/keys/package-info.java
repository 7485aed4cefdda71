/**
 * Rotation of the key that seals personal data: which keys the ring holds and how many sealed values each still
 * protects, and the re-encryption that moves every case and access-record reason to the current key.
 */
package cn.fulian.rights.keys;
