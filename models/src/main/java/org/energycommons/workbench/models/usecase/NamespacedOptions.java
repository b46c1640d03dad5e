package org.energycommons.workbench.models.usecase;

import java.util.Map;
import java.util.Properties;

/**
 * An options record read from the namespaced keys under its {@link #keyPrefix()} by {@link OptionKeys#bind}: the
 * record turns back into the short keys and the properties it was read from.
 */
public interface NamespacedOptions {

    /** The key prefix of the record's options, e.g. {@code workbench.uc2.}. */
    String keyPrefix();

    /** The options by short key (snake_case component names), in component order, each value as text. */
    default Map<String, String> toMap() {
        return OptionKeys.toMap((Record) this);
    }

    /** The options as properties, the inverse of the record's {@code of(Properties, ..)}. */
    default Properties toProperties() {
        return OptionKeys.properties(keyPrefix(), toMap());
    }
}
