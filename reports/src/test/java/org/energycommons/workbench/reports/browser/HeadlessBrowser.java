/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium that opens a page of the site as a reader would and lists what is wrong with it: a console
 * error, any network request (the pages are self-contained), an element wider than its container, a chart without
 * its SVG, and a screenshot of the whole page for a person to look at.
 *
 * <p>It drives Debian's {@code chromium} through its {@code chromedriver} (package {@code chromium-driver}) with
 * Selenium, found on the {@code PATH}; {@link #find()} is empty where they are not installed.
 */
public final class HeadlessBrowser implements AutoCloseable {

    /** The width of the window, a laptop's. */
    public static final int WIDTH = 1280;

    /**
     * Finds, for each element of the page outside a chart, the ones that stick out of their container or scroll
     * sideways, the page itself scrolling sideways, and the figures without a drawn SVG; one line each.
     */
    private static final String LAYOUT_PROBLEMS = """
            const problems = [];
            const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '')
                + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth + 1) {
              problems.push('page scrolls sideways: ' + root.scrollWidth + ' px wide in a ' + root.clientWidth
                  + ' px window');
            }
            for (const el of document.body.querySelectorAll('*')) {
              if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
              const parent = el.parentElement;
              const r = el.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              const p = parent.getBoundingClientRect();
              if (r.right > p.right + 1 || r.left < p.left - 1) {
                problems.push(name(el) + ' is ' + Math.round(r.width) + ' px wide, out of its container '
                    + name(parent) + ' (' + Math.round(p.width) + ' px)');
              }
              if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
                problems.push(name(el) + ' scrolls sideways: ' + el.scrollWidth + ' px of content in '
                    + el.clientWidth + ' px');
              }
            }
            for (const f of document.querySelectorAll('figure')) {
              const svg = f.querySelector('svg');
              const box = svg ? svg.getBoundingClientRect() : null;
              if (!svg || box.width < 10 || box.height < 10 || svg.childElementCount === 0) {
                problems.push('figure "' + (f.textContent || '').trim().slice(0, 60) + '" has no drawn SVG chart');
              }
            }
            return problems;
            """;

    /** Selenium warns it has no DevTools binding for this Chromium; the checks use none. Kept: loggers are weak. */
    private static final java.util.logging.Logger DEVTOOLS = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools");

    private final ChromeDriver driver;

    private HeadlessBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts a headless Chromium, or nothing where {@code chromium} or {@code chromedriver} is not installed. */
    public static Optional<HeadlessBrowser> find() {
        Optional<Path> chromium = onPath("chromium").or(() -> onPath("chromium-browser"));
        Optional<Path> chromedriver = onPath("chromedriver");
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            return Optional.empty();
        }
        DEVTOOLS.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--disable-dev-shm-usage", "--window-size=" + WIDTH + ",900", "--lang=fr-FR");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return Optional.of(new HeadlessBrowser(driver));
    }

    /**
     * Opens a page and lists its problems, one line each (empty: none); writes a screenshot of the whole page.
     *
     * @param page       the HTML file
     * @param screenshot where the PNG goes, or null for none
     * @return the problems found
     */
    public List<String> check(Path page, Path screenshot) {
        driver.manage().window().setSize(new Dimension(WIDTH, 900));
        driver.manage().logs().get(LogType.BROWSER); // drop what an earlier page left
        driver.manage().logs().get(LogType.PERFORMANCE);
        String url = page.toAbsolutePath().toUri().toString();
        driver.get(url);
        List<String> problems = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                problems.add("console error: " + e.getMessage());
            }
        }
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            String request = requestedUrl(e.getMessage());
            if (request != null && !request.equals(url)) {
                problems.add("network request: " + request);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object> layout = (List<Object>) ((JavascriptExecutor) driver).executeScript(LAYOUT_PROBLEMS);
        layout.forEach(p -> problems.add(String.valueOf(p)));
        if (screenshot != null) {
            screenshot(screenshot);
        }
        return problems;
    }

    private void screenshot(Path file) {
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(WIDTH, Math.min(16_000, height.intValue() + 40)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The URL of a {@code Network.requestWillBeSent} event of the performance log, else null. */
    @SuppressWarnings("unchecked")
    static String requestedUrl(String logMessage) {
        Map<String, Object> entry = new org.openqa.selenium.json.Json().toType(logMessage, Map.class);
        Map<String, Object> message = (Map<String, Object>) entry.get("message");
        if (message == null || !"Network.requestWillBeSent".equals(message.get("method"))) {
            return null;
        }
        Map<String, Object> params = (Map<String, Object>) message.get("params");
        Map<String, Object> request = params == null ? null : (Map<String, Object>) params.get("request");
        return request == null ? null : String.valueOf(request.get("url"));
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
