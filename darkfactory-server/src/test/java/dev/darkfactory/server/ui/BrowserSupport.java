package dev.darkfactory.server.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Real Chromium (Debian's {@code chromium}) driven by Playwright, never a downloaded browser. When
 * {@code /usr/bin/chromium} is missing the browser tests are skipped with a message; CI installs it.
 */
final class BrowserSupport implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final Playwright playwright;
  final Browser browser;

  private BrowserSupport(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  static BrowserSupport launch() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
        "browser tests skipped: " + CHROMIUM + " is not installed (apt-get install chromium; .ci/run installs it)");
    Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PLAYWRIGHT_SKIP_VALIDATE_HOST_REQUIREMENTS", "1")));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run")));
    return new BrowserSupport(playwright, browser);
  }

  /** A fresh page at the laptop size the UI is designed for. */
  Page page() {
    Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
    page.setDefaultTimeout(60_000); // waits are on selectors and states; the limit only ends a failure
    return page;
  }

  static void screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
