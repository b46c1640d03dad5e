/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.reports.render.Lang;

/**
 * A use case's own words for one document in one language: the UTF-8 properties file
 * {@code ucN/<document>.<lang>.properties} beside the use case's page (e.g. {@code uc4/framing.fr.properties}).
 */
final class UseCaseWords {

    private final String resource;
    private final Properties words = new Properties();

    private UseCaseWords(String resource) {
        this.resource = resource;
    }

    /**
     * Reads a use case's words for a document.
     *
     * @throws IllegalStateException if the file is missing
     */
    static UseCaseWords of(UseCase useCase, String document, Lang lang) {
        UseCaseWords w = new UseCaseWords(useCase.id() + "/" + document + "." + lang.tag() + ".properties");
        try (InputStream in = UseCaseWords.class.getResourceAsStream(w.resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + w.resource + " beside " + UseCaseWords.class.getName());
            }
            w.words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + w.resource, e);
        }
    }

    /**
     * The text of a key, stripped.
     *
     * @throws IllegalStateException if the key is missing or blank
     */
    String required(String key) {
        String value = words.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(resource + " has no " + key);
        }
        return value.strip();
    }

    /** The text of a key, or the empty string. */
    String optional(String key) {
        return words.getProperty(key, "").strip();
    }
}
