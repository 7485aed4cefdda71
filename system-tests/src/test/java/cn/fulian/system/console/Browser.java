package cn.fulian.system.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named explicitly so that Selenium Manager never
 * runs (it would try to download a browser). One instance is one user with a fresh profile.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    static Browser open(Path screenshots) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile = Files.createTempDirectory("console-test-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1366,768",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=zh-CN",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(screenshots);
        return new Browser(driver, profile, screenshots);
    }

    /**
     * Opens a page. Headless Chromium on a loaded 2-core machine now and then loses the renderer's answer to a navigation
     * ("Timed out receiving message from renderer") although the page is served; that navigation is made once more.
     * A page that really does not load fails the second time too.
     */
    void go(String url) {
        try {
            driver.get(url);
        } catch (TimeoutException lost) {
            System.err.println("navigation to " + url + " timed out once: " + lost.getRawMessage());
            driver.get(url);
        }
    }

    /** Logs in on Keycloak's own login page, wherever the console sent the browser. */
    void login(String baseUrl, String username) {
        go(baseUrl + "/");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=who]")));
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout)
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    WebElement visible(String css) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void click(String css) {
        waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void type(String css, String text) {
        WebElement input = visible(css);
        input.clear();
        input.sendKeys(text);
    }

    /** Date inputs take keyboard input in the browser's locale; setting the value like a date picker does is stable. */
    void setDate(String css, String isoDate) {
        WebElement input = visible(css);
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                        input,
                        isoDate);
    }

    void select(String css, String value) {
        new Select(visible(css)).selectByValue(value);
    }

    String text(String css) {
        return visible(css).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /**
     * Makes the page as wide and high as a screen of that size in CSS pixels, as a phone ({@code mobile}: the viewport
     * meta tag applies, scroll bars take no room) or a desktop browser would show it.
     */
    void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", mobile ? 2 : 1, "mobile", mobile));
    }

    /**
     * Fails, naming them, if the page is wider than the screen or any visible element reaches beyond its right edge
     * (or starts left of it while still showing): what a user would have to scroll sideways to read.
     */
    void assertNothingOverflowsSideways(String where) {
        @SuppressWarnings("unchecked")
        List<String> offenders = (List<String>) script("""
                const vw = window.innerWidth;
                const found = [];
                const root = document.documentElement;
                if (root.scrollWidth > vw) found.push('the page: scrollWidth ' + root.scrollWidth + ' > ' + vw);
                const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                    + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                    + (el.dataset && el.dataset.test ? '[data-test=' + el.dataset.test + ']' : '');
                for (const el of document.querySelectorAll('body *')) {
                  const r = el.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0 || r.right <= 0) continue;
                  const style = getComputedStyle(el);
                  if (style.visibility === 'hidden' || style.display === 'none') continue;
                  if (r.right > vw + 0.5 || r.left < -0.5) {
                    const text = (el.innerText || el.value || '').replace(/\\s+/g, ' ').trim().slice(0, 40);
                    found.push(name(el) + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + '] "' + text + '"');
                  }
                }
                return found.slice(0, 15);
                """);
        if (!offenders.isEmpty()) {
            throw new AssertionError(where + ": wider than the " + script("return window.innerWidth")
                    + " px screen, scrolls sideways:\n  " + String.join("\n  ", offenders));
        }
    }

    /** The whole page, not just what fits on the screen: a phone's page is long. */
    Path screenshotPage(String name) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) script("return window.innerWidth")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 6000), "scale", 1)));
        Path target = screenshots.resolve(name + ".png");
        Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        return target;
    }

    Path screenshot(String name) throws IOException {
        Path target = screenshots.resolve(name + ".png");
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile does no harm
            }
        }
    }
}
