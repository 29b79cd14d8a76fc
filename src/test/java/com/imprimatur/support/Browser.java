package com.imprimatur.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for the browser tests. Without Chromium the tests
 * are skipped with a message saying how to install it; with {@code CI=true} a missing browser fails.
 */
public final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final Path profile;
    private final String base;

    private Browser(WebDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A fresh browser against the application on {@code port}; skips (or, in CI, fails) without Chromium. */
    public static Browser open(int port) {
        return open(port, true);
    }

    /** The same, with every cookie refused (Chromium's "block all cookies" setting), as some readers browse. */
    public static Browser withoutCookies(int port) {
        return open(port, false);
    }

    private static Browser open(int port, boolean cookies) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            String why = "Browser tests need Debian's Chromium and ChromeDriver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true and no browser: " + why);
            }
            Assumptions.abort("Skipped: " + why);
        }
        System.setProperty("SE_OFFLINE", "true");
        try {
            Path profile = Files.createTempDirectory("imprimatur-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=1280,900");
            if (!cookies) {
                options.setExperimentalOption("prefs", Map.of("profile.default_content_setting_values.cookies", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile, "http://localhost:" + port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public String path() {
        return driver.getCurrentUrl().replace(base, "");
    }

    /** Signs in through the login page as a demo user (password "demo"), signing out whoever was in. */
    public void login(String user) {
        driver.manage().deleteAllCookies();
        go("/login");
        type(By.id("username"), user);
        type(By.id("password"), "demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> !path().startsWith("/login"));
    }

    /** The element, waiting for it while the page that has it may still be loading. */
    public WebElement find(By by) {
        return await(by);
    }

    /** The element once the page shows it (after a form was sent, the next page may still be loading). */
    public WebElement await(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(by).isEmpty());
        return driver.findElement(by);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public void type(By by, String text) {
        WebElement field = await(by);
        field.clear();
        field.sendKeys(text);
    }

    public void click(By by) {
        await(by).click();
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
    }

    /** Reloads {@code path} until the element shows up (for work the engine does in the background). */
    public WebElement awaitOn(String path, By by) {
        long until = System.currentTimeMillis() + 30_000;
        while (true) {
            go(path);
            List<WebElement> found = driver.findElements(by);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (System.currentTimeMillis() > until) {
                fail("Nothing matched " + by + " on " + path + " within 30 s");
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public void width(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves the page as target/screenshots/{name}.png. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves the screenshot and the HTML of the page a failed test ended on, beside the screenshots. */
    public void keepFailure(String test) {
        try {
            screenshot("failed-" + test);
            Files.writeString(SCREENSHOTS.resolve("failed-" + test + ".html"), driver.getPageSource());
        } catch (RuntimeException | IOException e) {
            // the failure itself is what matters
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> walk = Files.walk(profile)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
