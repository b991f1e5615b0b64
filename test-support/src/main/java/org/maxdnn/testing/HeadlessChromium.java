package org.maxdnn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.maxdnn.io.ExternalTool;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven headless through its chromedriver (Selenium), for tests of the report
 * pages. One instance per test class: starting the browser is the expensive part. The browser's own
 * logs say what a page did: its console errors, and every request it made (Chrome's performance log,
 * the DevTools network events), so "no network request" is what the browser saw, not what the page says.
 * Use under {@code @RequiresTools({"chromium", "chromedriver"})}.
 */
public final class HeadlessChromium implements AutoCloseable {
    /**
     * Headless as root in a sandbox without network: no GPU, no QUIC, and none of the background
     * connections (component updates, sync, first-run) a closed network refuses.
     */
    public static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,900", "--hide-scrollbars");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path profile;
    private final ChromeDriver driver;

    public HeadlessChromium() {
        try {
            profile = Files.createTempDirectory("maxdnn-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ExternalTool.CHROMIUM.locate().toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ExternalTool.CHROMEDRIVER.locate().toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** Opens a file and waits (up to 60 s on a loaded machine) until it has loaded and its charts are drawn. */
    public void open(Path html) {
        driver.get(html.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(script(
                "return document.readyState === 'complete' && (!document.getElementById('maxdnn-data')"
                        + " || document.body.dataset.chartsReady === 'true');")));
    }

    /** The console's errors since the last call (script errors, content-security-policy violations, failed loads). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Every URL the browser requested since the last call (the page itself included), from its network events. */
    public List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            try {
                JsonNode message = JSON.readTree(e.getMessage()).path("message");
                if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                    urls.add(message.path("params").path("request").path("url").asText());
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return urls;
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** A PNG of the whole page (the window stretched to the page's height, at most 6,000 pixels). */
    public void screenshot(Path png) {
        long height = ((Number) script("return Math.min(6000, document.documentElement.scrollHeight + 200);")).longValue();
        var size = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) height));
        try {
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a stray browser profile in the temp folder is harmless
            }
        }
    }
}
