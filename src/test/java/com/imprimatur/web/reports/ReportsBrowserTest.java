package com.imprimatur.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.reports.ReportFigures;
import com.imprimatur.support.Desk;
import com.imprimatur.support.BrowserTest;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /reports} and a bulk action on {@code /tasks} in Chromium. */
class ReportsBrowserTest extends BrowserTest {

    @Autowired
    TaskService engine;

    @Test
    void everyFigureIsAChartWithATextAlternativeATableAndACsvDownload() {
        Desk desk = new Desk(api());
        desk.publish("writer", Desk.article("Reports in the browser", 1), 1);

        browser.login("editor");
        browser.click(By.linkText("Reports"));
        browser.await(By.cssSelector("section.report svg"));
        assertThat(browser.all(By.cssSelector("section.report")).stream().map(s -> s.getAttribute("data-figure")).toList())
                .containsExactlyElementsOf(ReportFigures.IDS);
        for (WebElement section : browser.all(By.cssSelector("section.report"))) {
            String id = section.getAttribute("data-figure");
            WebElement svg = section.findElement(By.tagName("svg"));
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            // the chart's accessible name and description come from its <title> and <desc>
            String[] labelledBy = svg.getAttribute("aria-labelledby").split(" ");
            assertThat(labelledBy).hasSize(2);
            for (String ref : labelledBy) {
                String text = (String) browser.script("return document.getElementById(arguments[0]).textContent", ref);
                assertThat(text).as(id + " " + ref).isNotBlank();
            }
            WebElement table = section.findElement(By.cssSelector("table[data-test='" + id + "-table']"));
            assertThat(table.findElement(By.tagName("caption")).getText()).isNotBlank();
            assertThat(table.findElements(By.cssSelector("thead th"))).isNotEmpty();
        }
        // the chart tells the same story as its table: Medical review has a median bar
        WebElement turnaround = browser.find(By.id("turnaround"));
        assertThat(turnaround.findElements(By.cssSelector("rect.series-0"))).isNotEmpty();
        String desc = (String) browser.script("return document.getElementById('turnaround-desc').textContent");
        assertThat(desc).contains("Medical review");

        // the CSV link: fetched with the page's session, it holds the table's header and rows
        String href = turnaround.findElement(By.cssSelector("a[data-test='turnaround-csv']")).getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> csv = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done({status: r.status, type: r.headers.get('content-type'),"
                        + " disposition: r.headers.get('content-disposition'), body: t})));", href);
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("type")).startsWith("text/csv");
        assertThat((String) csv.get("disposition")).contains("attachment").contains(".csv");
        List<String> lines = ((String) csv.get("body")).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Step,Completed,Median hours,90th percentile hours");
        assertThat(lines).anyMatch(l -> l.startsWith("Medical review,"));
        browser.screenshot("reports");
    }

    @Test
    void aBulkClaimTakesTheTicksAndSaysWhatHappenedToEach() {
        Desk desk = new Desk(api());
        String first = review(desk, "Bulk in the browser one", 1);
        String second = review(desk, "Bulk in the browser two", 2);

        browser.login("reviewer");
        browser.go("/tasks");
        browser.click(By.id("available-pick-" + first));
        browser.click(By.id("available-pick-" + second));
        // meanwhile the other physician takes the second one
        desk.claim("reviewer2", second);
        browser.click(By.cssSelector("#available-bulk button[value=CLAIM]"));

        WebElement results = browser.await(By.cssSelector("[data-test=bulk-results]"));
        assertThat(results.findElement(By.cssSelector("li[data-task='" + first + "']")).getText()).contains("claimed");
        assertThat(results.findElement(By.cssSelector("li[data-task='" + second + "']")).getText()).contains("refused")
                .contains("claimed meanwhile by");
        assertThat(browser.find(By.cssSelector("[role=alert]")).getText()).contains("1 of 2 tasks claimed");
        assertThat(browser.find(By.id("mine")).findElements(By.cssSelector("tr[data-task='" + first + "']"))).hasSize(1);
    }

    /** A medical review made overdue long ago, so it leads the claimable queue whatever else is open. */
    private String review(Desk desk, String title, int daysAgo) {
        long id = desk.create("writer", Desk.article(title, 1)).get("id").asLong();
        String task = desk.awaitTask("reviewer", "available", "medicalReview", id);
        engine.setDueDate(task, new Date(946_684_800_000L + daysAgo * 86_400_000L));
        return task;
    }
}
