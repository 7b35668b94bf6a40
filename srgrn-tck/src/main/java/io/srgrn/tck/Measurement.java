package io.srgrn.tck;

import java.util.Locale;

/** One measured error of one check, with the tolerance it was held to. */
record Measurement(String check, String subject, String quantity, double error, double tolerance) {
    boolean passed() {
        return error <= tolerance;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%-9s %.3e (tolerance %.0e) %s | %s | %s",
                passed() ? "ok" : "EXCEEDED",
                error,
                tolerance,
                check,
                subject,
                quantity);
    }
}
