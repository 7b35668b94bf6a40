package io.srgrn.api.spi;

import java.util.Objects;

/**
 * Whether a backend can run here, and why not. Answered without loading any native library.
 *
 * @param available true when {@link Backend#open} is expected to succeed
 * @param reason a short sentence for people: what was found, or what is missing and how to get it
 */
public record Availability(boolean available, String reason) {
    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    public static Availability yes(String reason) {
        return new Availability(true, reason);
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
