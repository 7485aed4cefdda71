package cn.fulian.rights.cases;

/**
 * One sealed value of a case and the name it is bound to as associated data (see {@link SealedPersonalData}); the
 * value is ciphertext, yet not printed either.
 */
public record SealedValue(String field, String value) {

    @Override
    public String toString() {
        return "SealedValue[" + field + "]";
    }
}
