package io.srgrn.backend.djl;

/**
 * A system property set for the length of a try-with-resources block, and only when it was unset: a
 * value the host application chose is never changed, and one set here is cleared on close. Other
 * threads see the temporary value while the block runs; that is why the block is kept short.
 */
final class ScopedProperty implements AutoCloseable {
    private final String key;
    private final boolean setHere;

    private ScopedProperty(String key, boolean setHere) {
        this.key = key;
        this.setHere = setHere;
    }

    static ScopedProperty setIfUnset(String key, String value) {
        synchronized (System.getProperties()) {
            if (System.getProperty(key) != null) {
                return new ScopedProperty(key, false);
            }
            System.setProperty(key, value);
            return new ScopedProperty(key, true);
        }
    }

    @Override
    public void close() {
        if (setHere) {
            System.clearProperty(key);
        }
    }
}
