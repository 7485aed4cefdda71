package cn.fulian.rights.codes;

/** A code with the Chinese label users see. */
public interface Labelled {
    String name();

    String label();
}
