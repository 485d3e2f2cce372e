package org.touchstone.protocols;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The spelling of enum constants in protocol files and run directories: lower case with '-' for '_'
 * ({@code ALL_VS_ALL} is {@code all-vs-all}).
 */
final class ExternalNames {
    private ExternalNames() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> of(c).equals(name)).findFirst();
    }

    /** @return the external names of all constants, such as {@code "all-vs-all, pair-list"} */
    static <E extends Enum<E>> String all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ExternalNames::of).collect(Collectors.joining(", "));
    }
}
