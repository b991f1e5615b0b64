package org.maxdnn.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link HeadlessChromium} for a test class's report pages: started on the first page opened,
 * closed after the class's last test. Register it as a static field with
 * {@code @RegisterExtension}, under {@code @RequiresTools({"chromium", "chromedriver"})}.
 */
public final class BrowserSession implements AfterAllCallback {
    private HeadlessChromium browser;

    /** The browser, started on first use. */
    public HeadlessChromium browser() {
        if (browser == null) {
            browser = new HeadlessChromium();
        }
        return browser;
    }

    /** A report page opened in it. */
    public ReportPage open(Path html) {
        return new ReportPage(browser(), html);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
