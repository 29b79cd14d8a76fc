package com.imprimatur.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.BrowserTest;
import com.imprimatur.support.Desk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The administrators' desk in headless Chromium: an administrator reaches every admin function from
 * the navigation, and every admin page passes axe-core (WCAG 2.1 A and AA rules) with no serious or
 * critical violation, at 1280 px and at phone width. Screenshots go to target/screenshots/admin-*.png.
 */
class AdminDeskBrowserTest extends BrowserTest {

    private static final String AXE = axeSource();

    @Test
    void anAdministratorReachesEveryAdminFunctionFromTheNavigationAndEveryPagePassesAxe() {
        String title = "Desk history " + System.nanoTime();
        long article = articleWithTwoRevisions(title);

        browser.login("admin");
        assertThat(browser.path()).isEqualTo("/admin");
        checked("admin-home", "Admin desk");

        browser.click(By.cssSelector("[data-test=nav-audit]"));
        checked("admin-audit", "Audit trail");
        assertThat(browser.all(By.cssSelector("[data-test=audit-events] .sentence a.person"))).isNotEmpty();

        browser.click(By.cssSelector("[data-test=nav-histories]"));
        checked("admin-histories", "Articles and their histories");
        browser.click(By.linkText(title));
        browser.waitUntil(d -> browser.path().startsWith("/admin/articles/" + article));
        checked("admin-history", title);
        assertThat(browser.find(By.cssSelector(".diff")).getText()).contains("second");
        assertThat(browser.all(By.cssSelector(".diff ins"))).isNotEmpty();
        assertThat(browser.find(By.cssSelector("[data-test=story]")).getText()).contains("Maya Thornton", "asked for changes to revision 1");

        browser.click(By.cssSelector("[data-test=nav-users]"));
        checked("admin-users", "Users");
        browser.click(By.cssSelector("[data-test=users] tr[data-user=writer2] a"));
        checked("admin-user", "Samuel Okafor");
        browser.click(By.cssSelector("[data-test=disable]"));
        checked("admin-user-disable", "Disable Samuel Okafor?");
        browser.click(By.linkText("No, keep them enabled"));
        browser.go("/admin/users/new");
        browser.click(By.cssSelector("[data-test=new-user] button[type=submit]"));
        // the answer has the same heading as the form: wait for its error, or the form's own heading may be read as it goes
        browser.await(By.id("err-username"));
        checked("admin-user-errors", "Add a user");
        assertThat(browser.find(By.id("err-username")).getText()).isNotBlank();

        browser.click(By.cssSelector("[data-test=nav-retractions]"));
        checked("admin-retractions", "Retraction list");
        browser.find(By.id("csv")).sendKeys(Path.of("src/test/resources/factcheck/retractions-sample.csv").toAbsolutePath().toString());
        browser.click(By.cssSelector("form[enctype] button[type=submit]"));
        assertThat(browser.await(By.cssSelector(".notice")).getText()).contains("Imported", "retraction notices");
        checked("admin-retractions-imported", "Retraction list");

        browser.click(By.cssSelector("[data-test=nav-admin]"));
        checked("admin-home-after", "Admin desk");
        browser.click(By.cssSelector("[data-test=nav-engine]"));
        browser.waitUntil(d -> browser.path().startsWith("/camunda/app/cockpit/default/"));
    }

    @Test
    void theAdminPagesReadAtPhoneWidth() {
        browser.login("admin");
        browser.width(390, 844);
        for (String path : List.of("/admin", "/admin/audit", "/admin/users", "/admin/users/reviewer")) {
            browser.go(path);
            axe(path);
            Object overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
            assertThat(overflow).as(path + " scrolls sideways at phone width").isEqualTo(false);
            browser.screenshot("admin-phone" + path.replace('/', '-'));
        }
    }

    private long articleWithTwoRevisions(String title) {
        Desk desk = new Desk(api());
        long id = desk.create("writer", Desk.article(title, "A first body about sleep (1).", 1)).get("id").asLong();
        desk.decide("reviewer", "medicalReview", id, Desk.decision("REQUEST_CHANGES", "Say how much sleep adults need."));
        desk.awaitTask("writer", "mine", "revise", id);
        Map<String, Object> second = Desk.article(title, "A second body about sleep: adults need seven hours (1).", 1);
        assertThat(api().post("writer", "/api/articles/" + id + "/revisions", second).status()).isEqualTo(201);
        return id;
    }

    /** The page has loaded with its heading, passes axe, and is kept as a screenshot. */
    private void checked(String name, String heading) {
        assertThat(browser.find(By.tagName("h1")).getText()).contains(heading);
        assertThat(browser.all(By.tagName("h1"))).hasSize(1);
        assertThat(browser.all(By.cssSelector("a.skip[href='#main']"))).hasSize(1);
        assertThat(browser.all(By.cssSelector("main#main"))).hasSize(1);
        axe(name);
        browser.screenshot(name);
    }

    /** Runs axe-core on the page; fails on any serious or critical violation, naming rule and elements. */
    @SuppressWarnings("unchecked")
    private void axe(String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        assertThat((List<String>) result).as("axe on " + page).isEmpty();
    }

    private static String axeSource() {
        try (InputStream in = AdminDeskBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core is vendored at src/test/resources/axe/axe.min.js", e);
        }
    }
}
