package com.imprimatur.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Camunda webapps run in a real browser for an admin signed on from our login (their CSP, their scripts). */
class CockpitBrowserTest extends BrowserTest {

    @Test
    void anAdminSeesCockpitRenderedAfterOneLogin() {
        browser.login("admin");
        browser.go("/camunda/app/cockpit/default/");
        // Cockpit is an AngularJS application: its dashboard appears only if its scripts ran under its policy
        new WebDriverWait(browser.driver(), Duration.ofSeconds(40)).until(d ->
                !d.findElements(By.cssSelector("[cam-widget-header], .navbar, header")).isEmpty()
                        && d.getPageSource().contains("Cockpit") && !d.findElements(By.cssSelector("a[href*='processes']")).isEmpty());
        assertThat(browser.driver().getCurrentUrl()).contains("/camunda/app/cockpit/default/");
        assertThat(browser.driver().findElements(By.cssSelector("input[name=username]"))).as("no second login").isEmpty();
        browser.screenshot("cockpit");
    }

    @Test
    void anEditorIsTurnedAwayFromCockpit() {
        browser.login("editor");
        browser.go("/camunda/app/cockpit/default/");
        // the refusal has rendered (our error page, in words) before we look for what must be absent
        browser.await(By.cssSelector("h1"));
        assertThat(browser.driver().getPageSource()).contains("Your role does not allow this.").contains("403")
                .doesNotContain("cam-widget-header");
        assertThat(browser.driver().findElements(By.cssSelector("a[href*='processes']"))).isEmpty();
    }
}
