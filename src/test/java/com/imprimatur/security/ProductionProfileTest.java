package com.imprimatur.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imprimatur.ImprimaturApplication;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.Staff;
import com.imprimatur.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Profile prod: never with the demo users, never without its secrets (readers' salt, audit key,
 * readers' form key), session cookies only over TLS, and the first admin comes from the environment.
 */
class ProductionProfileTest {

    private static final String SALT = "salt-of-the-production-test";
    private static final String AUDIT_KEY = "audit-key-of-the-production-test-0123456789";

    /** Command-line arguments: they outrank application.yml, as the environment does in production. */
    private static String[] args(String url, String... more) {
        TestDatabase.Connection db = TestDatabase.get();
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
                "--server.port=0", "--camunda.bpm.generate-unique-process-engine-name=true",
                // a second application in the test JVM: the Camunda webapps keep their runtime in static
                // fields and clear them when an application stops, so only the shared test context has them
                "--camunda.bpm.webapp.enabled=false"));
        for (String property : more) {
            args.add("--" + property);
        }
        return args.toArray(String[]::new);
    }

    private static SpringApplicationBuilder app(String... profiles) {
        return new SpringApplicationBuilder(ImprimaturApplication.class).profiles(profiles);
    }

    @Test
    void refusesToStartTogetherWithTheDemoProfile() {
        assertThatThrownBy(() -> app("prod", "demo").run(args(TestDatabase.get().url())))
                .hasMessageContaining("'demo'");
    }

    @Test
    void refusesToStartWithTheDemoUsersSwitchedOn() {
        assertThatThrownBy(() -> app("prod").run(args(TestDatabase.get().url(), "imprimatur.demo.users=true")))
                .hasMessageContaining("imprimatur.demo.users");
    }

    @Test
    void refusesToStartWithoutTheReadersSaltOrTheAuditKey() {
        assertThatThrownBy(() -> app("prod").run(args(TestDatabase.get().url(), "imprimatur.audit.key=" + AUDIT_KEY)))
                .hasMessageContaining("IMPRIMATUR_FEEDBACK_CLIENT_SALT");
        assertThatThrownBy(() -> app("prod").run(args(TestDatabase.get().url(), "imprimatur.feedback.client-salt=" + SALT)))
                .hasMessageContaining("IMPRIMATUR_AUDIT_KEY");
        assertThatThrownBy(() -> app("prod").run(args(TestDatabase.get().url(), "imprimatur.feedback.client-salt=" + SALT,
                "imprimatur.audit.key=too-short"))).hasMessageContaining("IMPRIMATUR_AUDIT_KEY");
    }

    @Test
    void refusesToStartWithoutADatabaseServer() {
        assertThatThrownBy(() -> app("prod").run("--spring.datasource.url="))
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void refusesToStartWithoutAKeyForTheReadersForms() {
        String salt = "imprimatur.feedback.client-salt=" + SALT;
        String key = "imprimatur.audit.key=" + AUDIT_KEY;
        assertThatThrownBy(() -> app("prod").run(args(TestDatabase.get().url(), salt, key)))
                .hasMessageContaining("IMPRIMATUR_PUBLIC_FORM_KEY");
        assertThatThrownBy(() -> app("prod").run(args(TestDatabase.get().url(), salt, key, "imprimatur.public.form-key=too-short")))
                .hasMessageContaining("IMPRIMATUR_PUBLIC_FORM_KEY");
    }

    @Test
    void createsTheFirstAdminFromTheEnvironmentAndNoDemoUsers() throws Exception {
        String url = TestDatabase.get().freshSibling(System.getenv().getOrDefault("IMPRIMATUR_TEST_DB_NAME", "imprimatur_test") + "_prodcheck");
        try (ConfigurableApplicationContext app = app("prod").run(args(url,
                "imprimatur.admin.username=chief", "imprimatur.admin.password=correct-horse-battery",
                "imprimatur.feedback.client-salt=" + SALT, "imprimatur.audit.key=" + AUDIT_KEY,
                "imprimatur.public.form-key=a-production-key-of-at-least-32-characters"))) {
            Staff staff = app.getBean(Staff.class);
            assertThat(staff.profile("chief")).hasValueSatisfying(p -> assertThat(p.roles()).containsExactly(Role.ADMIN));
            assertThat(staff.profile("writer")).isEmpty();
            assertThat(staff.profile("admin")).isEmpty();

            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("chief:correct-horse-battery".getBytes()))
                    .build();
            assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            // the login page's session cookie is for TLS only
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                    assertThat(cookie).startsWith("JSESSIONID=").contains("; Secure").contains("; HttpOnly"));
        }
    }
}
