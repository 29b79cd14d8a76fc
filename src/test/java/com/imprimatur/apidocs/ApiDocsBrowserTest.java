package com.imprimatur.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.BrowserTest;
import com.imprimatur.support.SessionClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Swagger UI at /api-docs renders in Chromium under the application's own Content-Security-Policy. */
class ApiDocsBrowserTest extends BrowserTest {

    @Test
    void swaggerUiRendersTheApiUnderTheStrictPolicy() {
        SessionClient editor = new SessionClient(port);
        editor.login("editor", "demo");
        HttpResponse<String> ui = editor.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self';", "style-src 'self';")
                .doesNotContain("unsafe");

        browser.login("writer");
        browser.go("/api-docs");
        browser.waitUntil(d -> !browser.all(By.cssSelector(".opblock-summary-path")).isEmpty());
        browser.script("window.cspViolations = []; document.addEventListener('securitypolicyviolation', "
                + "e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        assertThat(browser.find(By.cssSelector(".info .title")).getText()).contains("Imprimatur");
        assertThat(browser.all(By.cssSelector(".opblock-summary-path")).stream().map(e -> e.getAttribute("data-path")))
                .contains("/api/articles", "/api/me/tokens");
        browser.click(By.cssSelector(".opblock-summary-control"));
        browser.await(By.cssSelector(".opblock-body .responses-table"));
        browser.click(By.cssSelector(".btn.authorize"));
        browser.await(By.cssSelector(".auth-container"));
        browser.screenshot("api-docs");
        assertThat(browser.script("return window.cspViolations.join('; ')")).isEqualTo("");
    }
}
