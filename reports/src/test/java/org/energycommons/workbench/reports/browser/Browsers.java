/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

/**
 * The browser tests' one way to get a {@link HeadlessBrowser}: required in CI (the environment variable {@code CI}
 * is set, as {@code .ci/run} does after installing {@code chromium} and {@code chromium-driver}), skipped with a
 * message on a machine without them.
 */
final class Browsers {

    private Browsers() {
    }

    static HeadlessBrowser required() {
        Optional<HeadlessBrowser> browser = HeadlessBrowser.find();
        if (browser.isEmpty()) {
            String why = "chromium and chromedriver not on the PATH (Debian: apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                fail(why + "; CI must have them");
            }
            assumeTrue(false, why + "; browser checks skipped");
        }
        return browser.get();
    }
}
