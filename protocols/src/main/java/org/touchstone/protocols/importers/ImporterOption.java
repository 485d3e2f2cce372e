package org.touchstone.protocols.importers;

import java.util.Objects;

/**
 * An option of an importer, given on the command line as {@code --with NAME=VALUE}.
 *
 * @param name         the option's name, such as {@code variant}
 * @param description  one line for {@code --help}
 * @param defaultValue the value when the option is not given
 */
public record ImporterOption(String name, String description, String defaultValue) {
    /** No nulls; the name is a plain word. */
    public ImporterOption {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option names are lower-case words, found " + name);
        }
    }
}
