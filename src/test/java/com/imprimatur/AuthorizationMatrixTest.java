package com.imprimatur;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.MatrixObjects.Kind;
import com.imprimatur.MatrixObjects.Target;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application serves, read from Spring's handler mapping, called by anonymous
 * and by each kind of person on objects that exist, with the exact answers in one table: who may
 * do what to whose objects. An endpoint without a row fails the test with the row to add; a row for
 * an endpoint no longer served fails it too; so does any answer that differs from its cell.
 *
 * <p><b>Objects</b> ({@link MatrixObjects}, made over HTTP through the real route before the table
 * runs): every article is written by {@code writer}, so {@code writer} is the author and
 * {@code writer2} a writer who is not. {@code draft}: in medical review; {@code rejected}: rejected
 * at review; {@code published}: live, by its slug ({@code live}: one of its own, to withdraw); {@code review}: a medical review nobody has
 * claimed; {@code review@reviewer}: one {@code reviewer} holds (so {@code reviewer2} is the other
 * physician); {@code revise}: the writer's revise task (its article waits for a revision);
 * {@code approval}, {@code plagiarism}, {@code triage}: the editors' tasks (approve publication,
 * resolve a plagiarism finding against a registered source, triage a reader's report on the
 * published article), {@code @editor} when the editor holds it; {@code user}: a user made for the
 * matrix. A path's {@code {id}} is the task's id under {@code /tasks} and {@code /api/tasks}, the
 * article's elsewhere; {@code {n}} is 1.
 *
 * <p><b>Changes</b>: bodies and forms are valid, so an allowed caller succeeds. A row whose object
 * is {@code new:<kind>} changes it: each cell expected to succeed gets an object of its own, and the
 * cells expected to be refused share one more, made for that row alone; so no cell depends on
 * another. Other rows change nothing another row reads.
 *
 * <p><b>Cells</b>: an HTTP status; {@code 200+} / {@code 200-}: 200, and the list does / does not
 * hold the object; {@code login}: redirected to the login page; for a page's form, which always
 * answers with a redirect, what the page redirected to says: {@code done} (the notice),
 * {@code refused} (a refusal in words), {@code unseen} (the refusal of something not visible to the
 * caller, the pages' 404); {@code *}: anything. API and pages alike are called with each person's
 * browser session; changes carry its CSRF token.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    private static final List<String> CALLERS = List.of(Caller.ANONYMOUS, "writer", "writer2", "reviewer", "reviewer2",
            "editor", "admin");

    private static final String TABLE = """
            # endpoint                                            object               anon   writer  writer2 reviewer reviewer2 editor  admin
            GET   /                                               -                    login  302     302     302      302       302     302
            GET   /error                                          -                    *      *       *       *        *         *       *
            GET   /login                                          -                    200    200     200     200      200       200     200
            # articles: writers create; authors and editors revise; physicians see what is in review or published
            GET   /api/articles                                   draft                401    200+    200-    200+     200+      200+    200+
            GET   /api/articles                                   rejected             401    200+    200-    200-     200-      200+    200+
            GET   /api/articles?mine=true                         draft                401    200+    200-    200-     200-      200-    200-
            POST  /api/articles                                   -                    401    201     201     403      403       403     403
            GET   /api/articles/{id}                              draft                401    200     404     200      200       200     200
            GET   /api/articles/{id}                              rejected             401    200     404     404      404       200     200
            GET   /api/articles/{id}                              published            401    200     404     200      200       200     200
            GET   /api/articles/{id}/revisions                    draft                401    200     404     200      200       200     200
            POST  /api/articles/{id}/revisions                    new:revise           401    201     404     403      403       201     403
            POST  /api/articles/{id}/revisions                    draft                401    409     404     403      403       409     403
            GET   /api/articles/{id}/revisions/{n}                draft                401    200     404     200      200       200     200
            GET   /api/articles/{id}/revisions/{n}/diff?against=1 draft                401    200     404     200      200       200     200
            GET   /api/articles/{id}/revisions/{n}/plagiarism     plagiarism           401    200     404     200      200       200     200
            GET   /api/articles/{id}/revisions/{n}/factcheck      draft                401    200     404     200      200       200     200
            GET   /api/articles/{id}/decisions                    revise               401    200     404     200      200       200     200
            GET   /api/articles/{id}/reports                      triage               401    200     404     200      200       200     200
            POST  /api/sources                                    -                    401    403     403     403      403       201     403
            POST  /api/articles/{id}/withdraw                     new:live             401    403     403     403      403       200     403
            # tasks: candidates claim; the holder completes and hands back; editors see every task and assign
            GET   /api/tasks?queue=available                      review               401    200-    200-    200+     200+      200-    200-
            GET   /api/tasks?queue=available                      triage               401    200-    200-    200-     200-      200+    200-
            GET   /api/tasks?queue=mine                           review@reviewer      401    200-    200-    200+     200-      200-    200-
            GET   /api/tasks?queue=mine                           revise               401    200+    200-    200-     200-      200-    200-
            GET   /api/tasks?queue=team                           review@reviewer      401    200-    200-    200-     200-      200+    200-
            POST  /api/tasks/{id}/claim                           new:review           401    404     404     200      200       403     404
            POST  /api/tasks/{id}/claim                           review@reviewer      401    404     404     200      409       409     404
            POST  /api/tasks/{id}/claim                           revise               401    200     404     404      404       409     404
            POST  /api/tasks/{id}/claim                           new:approval         401    404     404     404      404       200     404
            POST  /api/tasks/{id}/claim                           new:plagiarism       401    404     404     404      404       200     404
            POST  /api/tasks/{id}/claim                           new:triage           401    404     404     404      404       200     404
            POST  /api/tasks/{id}/unclaim                         new:review@reviewer  401    404     404     200      409       409     404
            POST  /api/tasks/{id}/unclaim                         revise               401    409     404     404      404       409     404
            POST  /api/tasks/{id}/assign                          new:review           401    403     403     403      403       200     403
            POST  /api/tasks/{id}/complete                        new:review@reviewer  401    404     404     200      403       403     404
            POST  /api/tasks/{id}/complete                        revise               401    422     404     404      404       403     404
            POST  /api/tasks/{id}/complete                        new:approval@editor  401    404     404     404      404       200     404
            POST  /api/tasks/{id}/complete                        new:plagiarism@editor 401   404     404     404      404       200     404
            POST  /api/tasks/{id}/complete                        new:triage@editor    401    404     404     404      404       200     404
            # bulk: every caller gets one result per task, each judged by the single action's rules (here: refused)
            POST  /api/tasks/bulk                                 revise               401    200     200     200      200       200     200
            # reports: editors and admins
            GET   /api/reports/turnaround                         -                    401    403     403     403      403       200     200
            GET   /api/reports/workload                           -                    401    403     403     403      403       200     200
            GET   /api/reports/feedback                           -                    401    403     403     403      403       200     200
            GET   /reports                                        -                    login  403     403     403      403       200     200
            GET   /reports/export?figure=turnaround               -                    login  403     403     403      403       200     200
            # readers: published articles only
            GET   /api/public/articles/{slug}                     published            200    200     200     200      200       200     200
            GET   /api/public/articles/{slug}                     draft                404    404     404     404      404       404     404
            POST  /api/public/articles/{slug}/feedback            published            202    202     202     202      202       202     202
            POST  /api/public/articles/{slug}/feedback            draft                404    404     404     404      404       404     404
            POST  /api/public/articles/{slug}/helpful             published            204    204     204     204      204       204     204
            # API tokens: each person their own (another's token is not found); admins list and revoke every one
            POST  /api/me/tokens                                  -                    401    201     201     201      201       201     201
            GET   /api/me/tokens                                  -                    401    200     200     200      200       200     200
            DELETE /api/me/tokens/{id}                            new:token            401    204     404     404      404       404     404
            GET   /api/admin/tokens                               -                    401    403     403     403      403       403     200
            DELETE /api/admin/tokens/{id}                         new:token            401    403     403     403      403       403     204
            GET   /me                                             -                    login  200     200     200      200       200     200
            # notifications: each person their own list and settings
            GET   /api/me/notifications                           -                    401    200     200     200      200       200     200
            GET   /api/me/notification-settings                   -                    401    200     200     200      200       200     200
            PUT   /api/me/notification-settings                   -                    401    200     200     200      200       200     200
            GET   /notifications                                  -                    login  200     200     200      200       200     200
            POST  /notifications/read                             -                    login  done    done    done     done      done    done
            POST  /me/notification-settings                       -                    login  done    done    done     done      done    done
            POST  /me/password                                    -                    login  refused refused refused  refused   refused refused
            POST  /me/tokens                                      -                    login  200     200     200      200       200     200
            POST  /me/tokens/{id}/revoke                          new:token            login  done    unseen  unseen   unseen    unseen  unseen
            # the API's description: the document for anyone, Swagger UI for staff
            GET   /v3/api-docs                                    -                    200    200     200     200      200       200     200
            GET   /v3/api-docs.yaml                               -                    200    200     200     200      200       200     200
            GET   /v3/api-docs/swagger-config                     -                    200    200     200     200      200       200     200
            GET   /api-docs                                       -                    login  302     302     302      302       302     302
            # admins
            GET   /api/admin/audit                                -                    401    403     403     403      403       403     200
            GET   /api/admin/audit/verify                         -                    401    403     403     403      403       403     200
            GET   /api/admin/audit/checkpoints                    -                    401    403     403     403      403       403     200
            GET   /api/admin/audit/export?article={id}            draft                401    403     403     403      403       403     200
            GET   /api/admin/articles/{id}/history                draft                401    403     403     403      403       403     200
            GET   /api/admin/articles/{id}/history/export         draft                401    403     403     403      403       403     200
            GET   /api/admin/users                                -                    401    403     403     403      403       403     200
            POST  /api/admin/users                                -                    401    403     403     403      403       403     201
            GET   /api/admin/users/{username}                     user                 401    403     403     403      403       403     200
            PATCH /api/admin/users/{username}                     user                 401    403     403     403      403       403     200
            POST  /api/admin/retractions                          -                    401    403     403     403      403       403     200
            GET   /api/admin/webhooks                             -                    401    403     403     403      403       403     200
            POST  /api/admin/webhooks                             -                    401    403     403     403      403       403     201
            DELETE /api/admin/webhooks/{id}                       new:webhook          401    403     403     403      403       403     204
            GET   /api/admin/webhooks/{id}/deliveries             webhook              401    403     403     403      403       403     200
            GET   /admin/webhooks                                 -                    login  403     403     403      403       403     200
            POST  /admin/webhooks                                 -                    login  403     403     403      403       403     200
            POST  /admin/webhooks/{id}/remove                     new:webhook          login  403     403     403      403       403     done
            GET   /admin                                          -                    login  403     403     403      403       403     200
            GET   /admin/audit                                    -                    login  403     403     403      403       403     200
            GET   /admin/audit/verify                             -                    login  403     403     403      403       403     200
            GET   /admin/articles                                 -                    login  403     403     403      403       403     200
            GET   /admin/articles/{id}                            draft                login  403     403     403      403       403     200
            GET   /admin/users                                    -                    login  403     403     403      403       403     200
            GET   /admin/users/new                                -                    login  403     403     403      403       403     200
            POST  /admin/users                                    -                    login  403     403     403      403       403     done
            GET   /admin/users/{username}                         user                 login  403     403     403      403       403     200
            POST  /admin/users/{username}                         user                 login  403     403     403      403       403     done
            GET   /admin/users/{username}/disable                 user                 login  403     403     403      403       403     200
            POST  /admin/users/{username}/enabled                 new:user             login  403     403     403      403       403     done
            POST  /admin/users/{username}/sessions/end            user                 login  403     403     403      403       403     done
            POST  /admin/users/{username}/password                new:user             login  403     403     403      403       403     done
            # the form without a file is refused in words (the browser test uploads one)
            GET   /admin/retractions                              -                    login  403     403     403      403       403     200
            POST  /admin/retractions                              -                    login  403     403     403      403       403     refused
            # a password an administrator reset must be replaced first (AdminDeskHttpTest); the form as anyone may send it
            GET   /password                                       -                    login  200     200     200      200       200     200
            POST  /password                                       -                    login  200     200     200      200       200     200
            # staff pages: the same rules as the API
            GET   /tasks                                          -                    login  200     200     200      200       200     200
            GET   /tasks/{id}                                     review               login  404     404     200      200       200     404
            GET   /tasks/{id}                                     review@reviewer      login  404     404     200      200       200     404
            GET   /tasks/{id}                                     revise               login  302     404     404      404       302     404
            GET   /tasks/{id}                                     approval             login  404     404     404      404       200     404
            GET   /tasks/{id}                                     plagiarism           login  404     404     404      404       200     404
            GET   /tasks/{id}                                     triage               login  404     404     404      404       200     404
            POST  /tasks/{id}/claim                               new:review           login  unseen  unseen  done     done      refused unseen
            POST  /tasks/{id}/unclaim                             new:review@reviewer  login  unseen  unseen  done     refused   refused unseen
            POST  /tasks/{id}/assign                              new:review           login  refused refused refused  refused   done    refused
            POST  /tasks/{id}/complete                            new:review@reviewer  login  unseen  unseen  done     refused   refused unseen
            POST  /tasks/bulk                                     revise               login  refused unseen  unseen   unseen    refused unseen
            GET   /articles                                       draft                login  200+    200-    200+     200+      200+    200+
            GET   /articles/new                                   -                    login  200     200     403      403       403     403
            POST  /articles                                       -                    login  done    done    403      403       403     403
            POST  /articles/preview                               -                    login  200     200     200      200       200     200
            GET   /articles/{id}                                  draft                login  200     404     200      200       200     200
            GET   /articles/{id}                                  rejected             login  200     404     404      404       200     200
            GET   /articles/{id}/edit                             revise               login  200     404     403      403       200     403
            POST  /articles/{id}/revisions                        new:revise           login  done    404     403      403       done    403
            GET   /articles/{id}/revisions/{n}                    draft                login  200     404     200      200       200     200
            POST  /articles/{id}/withdraw                         new:live             login  403     403     403      403       done    403
            # the reader's page
            GET   /public/articles/{slug}                         published            200    200     200     200      200       200     200
            GET   /public/articles/{slug}                         draft                404    404     404     404      404       404     404
            POST  /public/articles/{slug}/feedback                published            done   done    done    done     done      done    done
            POST  /public/articles/{slug}/helpful                 published            done   done    done    done     done      done    done
            """;

    /**
     * Paths no handler method serves: the engine's REST API (not served at all) and the Camunda
     * webapps (servlets and filters of Camunda's starter, for admins only; CamundaWebappsHttpTest).
     */
    private static final String UNSERVED = """
            GET   /engine-rest/task                               -                    401    403     403     403      403       403     404
            GET   /engine-rest/engine                             -                    401    403     403     403      403       403     404
            GET   /camunda/app/cockpit/default/                   -                    login  403     403     403      403       403     200
            GET   /camunda/app/admin/default/                     -                    login  403     403     403      403       403     200
            GET   /camunda/app/tasklist/default/                  -                    login  403     403     403      403       403     200
            # admins get past security: Camunda refuses an unpaged list (queryMaxResultsLimit)
            GET   /camunda/api/engine/engine/default/user         -                    login  403     403     403      403       403     400
            GET   /camunda/api/engine/engine/default/user/count   -                    login  403     403     403      403       403     200
            GET   /camunda/api/cockpit/plugin/base/default/process-definition/statistics-count - login 403 403 403 403 403 200
            POST  /camunda/api/admin/setup/default/user/create    -                    login  403     403     403      403       403     403
            POST  /camunda/api/engine/engine/default/deployment/create - login 403 403 403 403 403 403
            """;

    /** One line of a table. */
    record Row(String method, String path, Kind kind, boolean fresh, List<String> expected) {

        static List<Row> parse(String table) {
            return table.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(line -> {
                String[] cells = line.split("\\s+");
                assertThat(cells).as("a row is: method, path, object and a cell for each of " + CALLERS + ": " + line)
                        .hasSize(3 + CALLERS.size());
                String object = cells[2].replaceFirst("^new:", "");
                return new Row(cells[0], cells[1], object.equals("-") ? null : Kind.of(object), cells[2].startsWith("new:"),
                        List.of(cells).subList(3, cells.length));
            }).toList();
        }

        /** "METHOD pattern", as the handler mapping names it. */
        String endpoint() {
            return method + " " + path.replaceFirst("\\?.*", "");
        }

        boolean isList() {
            return expected.stream().anyMatch(c -> c.endsWith("+") || c.endsWith("-"));
        }

        @Override
        public String toString() {
            return method + " " + path + " on " + (kind == null ? "-" : (fresh ? "new:" : "") + kind.label);
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<String, Caller> callers = new LinkedHashMap<>();
    private MatrixObjects objects;

    @Test
    void everyServedEndpointHasARowAndAnswersAsTheTableSays() {
        Set<String> served = served();
        List<Row> rows = Row.parse(TABLE);
        List<Row> unserved = Row.parse(UNSERVED);
        CALLERS.forEach(name -> callers.put(name, Caller.of(port, name)));
        objects = new MatrixObjects(callers.get("writer"), callers.get("reviewer"), callers.get("editor"), callers.get("admin"));
        objects.prepare(sharedKinds(rows), freshCounts(rows));

        List<String> wrong = new ArrayList<>();
        Stream.concat(rows.stream(), unserved.stream()).forEach(row -> compare(row, answers(row), wrong));
        Set<String> covered = new TreeSet<>(rows.stream().map(Row::endpoint).toList());
        List<String> missing = served.stream().filter(e -> !covered.contains(e)).map(this::suggestion).toList();
        List<String> stale = covered.stream().filter(e -> !served.contains(e)).toList();

        assertThat(missing).as("Endpoints served but missing from the table of AuthorizationMatrixTest: decide who may "
                + "call each on whose objects and add rows (here as they answered now, on the object named)").isEmpty();
        assertThat(stale).as("Rows for endpoints that are no longer served").isEmpty();
        assertThat(wrong).as("Answers that differ from the table").isEmpty();
        assertThat(served).hasSizeGreaterThanOrEqualTo(30);
    }

    private Set<String> served() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    served.add("GET " + pattern);
                }
                methods.forEach(method -> served.add(method.name() + " " + pattern));
            }
        }
        return served;
    }

    private static Set<Kind> sharedKinds(List<Row> rows) {
        Set<Kind> kinds = EnumSet.of(Kind.DRAFT, Kind.REVIEW, Kind.USER); // for the suggestions of missing rows
        rows.stream().filter(r -> r.kind() != null && !r.fresh()).forEach(r -> kinds.add(r.kind()));
        return kinds;
    }

    /** One object for the refused cells of each changing row, and one for each cell that succeeds. */
    private static Map<Kind, Integer> freshCounts(List<Row> rows) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        rows.stream().filter(Row::fresh).forEach(r -> counts.merge(r.kind(),
                1 + (int) r.expected().stream().filter(AuthorizationMatrixTest::succeeds).count(), Integer::sum));
        return counts;
    }

    private static boolean succeeds(String cell) {
        return cell.matches("2\\d\\d") || cell.equals("done");
    }

    private List<String> answers(Row row) {
        Target refused = row.kind() == null ? null : row.fresh() ? objects.fresh(row.kind()) : objects.shared(row.kind());
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            Target target = row.fresh() && succeeds(row.expected().get(i)) ? objects.fresh(row.kind()) : refused;
            answers.add(answer(row, callers.get(CALLERS.get(i)), target));
        }
        return answers;
    }

    private static void compare(Row row, List<String> answers, List<String> wrong) {
        for (int i = 0; i < CALLERS.size(); i++) {
            String expected = row.expected().get(i);
            if (!expected.equals("*") && !expected.equals(answers.get(i))) {
                wrong.add(row + " as " + CALLERS.get(i) + ": expected " + expected + ", got " + answers.get(i));
            }
            // whatever a cell says, only an admin may ever get past security on an admin or engine path
            boolean guarded = Stream.of("/api/admin", "/admin", "/engine-rest", "/camunda").anyMatch(row.path()::startsWith);
            if (guarded && !CALLERS.get(i).equals("admin") && !List.of("401", "403", "login").contains(answers.get(i))) {
                wrong.add(row + " as " + CALLERS.get(i) + " got past security: " + answers.get(i));
            }
        }
    }

    /** The line to add for an endpoint without a row, with the answers it gave on a plausible object. */
    private String suggestion(String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        Kind kind = parts[1].contains("{username}") ? Kind.USER
                : parts[1].matches("/(api/)?tasks/\\{id}.*") ? Kind.REVIEW
                : parts[1].contains("{id}") || parts[1].contains("{slug}") ? Kind.DRAFT : null;
        Row row = new Row(parts[0], parts[1], kind, false, CALLERS.stream().map(c -> "*").toList());
        return String.format("%-5s %-47s %-20s %s", parts[0], parts[1], kind == null ? "-" : kind.label,
                String.join(" ", answers(row)));
    }

    private String answer(Row row, Caller caller, Target target) {
        String path = concrete(row.path(), target);
        String endpoint = row.endpoint();
        if (path.startsWith("/api/") || path.startsWith("/engine-rest/")) {
            Api.Answer answer = caller.api(row.method(), path, body(endpoint, target), headers(endpoint));
            if (row.isList() && answer.status() == 200) {
                return "200" + (listed(caller, path, answer, target) ? "+" : "-");
            }
            return String.valueOf(answer.status());
        }
        Map<String, String> fields = new LinkedHashMap<>(fields(endpoint, target));
        if (path.startsWith("/public/") && !row.method().equals("GET")) {
            // a reader's form carries the signed token of the page it came with (web.site.ReaderForms), not the session's
            fields.put("formToken", formToken(caller.page("/public/articles/" + target.slug()).body()));
        }
        HttpResponse<String> page = row.method().equals("GET") ? caller.page(path) : caller.form(path, fields, headers(endpoint));
        if (page.statusCode() == 302) {
            String to = location(page);
            if (to.startsWith("/login")) {
                return "login";
            }
            return row.method().equals("GET") ? "302" : outcome(caller.page(to).body());
        }
        if (row.isList() && page.statusCode() == 200) {
            return "200" + (page.body().contains("href=\"/articles/" + target.articleId() + "\"") ? "+" : "-");
        }
        return String.valueOf(page.statusCode());
    }

    private static String formToken(String page) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(page);
        return token.find() ? token.group(1) : "";
    }

    /** What the page a form redirected to says about it. */
    private static String outcome(String page) {
        if (page.contains("not visible to you")) {
            return "unseen";
        }
        return page.contains("role=\"alert\"") ? "refused" : page.contains("role=\"status\"") ? "done" : "302";
    }

    /** Whether the list (every page of a task queue) holds the object. */
    private static boolean listed(Caller caller, String path, Api.Answer first, Target target) {
        if (!path.startsWith("/api/tasks")) {
            return first.json().findValues("id").stream().anyMatch(id -> id.asLong() == target.articleId());
        }
        int total = Integer.parseInt(first.header("X-Total-Count"));
        for (int page = 0; page * 200 < total; page++) {
            for (JsonNode task : caller.get(path + "&size=200&page=" + page).json()) {
                if (task.get("id").asText().equals(target.taskId())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String concrete(String pattern, Target target) {
        String path = pattern.replace("{n}", "1");
        if (target == null) {
            return path;
        }
        boolean task = path.startsWith("/api/tasks/") || path.startsWith("/tasks/");
        if (path.contains("{id}")) {
            path = path.replace("{id}", task ? target.taskId() : String.valueOf(target.articleId()));
        }
        if (path.contains("{slug}")) {
            path = path.replace("{slug}", target.slug());
        }
        return path.contains("{username}") ? path.replace("{username}", target.username()) : path;
    }

    private static String location(HttpResponse<String> response) {
        URI to = URI.create(response.headers().firstValue("Location").orElseThrow());
        return to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery());
    }

    // valid requests: an allowed caller succeeds

    private static Map<String, String> headers(String endpoint) {
        if (endpoint.startsWith("POST /api/public/") || endpoint.startsWith("POST /public/")) {
            return Map.of("X-Forwarded-For", MatrixObjects.readerAddress());
        }
        return endpoint.equals("POST /api/admin/retractions") ? Map.of("Content-Type", "text/csv") : Map.of();
    }

    private static Object body(String endpoint, Target target) {
        int n = MatrixObjects.serial();
        return switch (endpoint) {
            case "POST /api/articles", "POST /api/articles/{id}/revisions" -> Desk.article("Matrix article " + n, 1);
            case "POST /api/sources" -> Map.of("title", "Matrix source " + n, "text", Desk.uniqueBody(80));
            case "POST /api/articles/{id}/withdraw" -> Map.of("reason", "Matrix withdrawal " + n);
            case "POST /api/tasks/{id}/assign" -> Map.of("username", "reviewer2");
            case "POST /api/tasks/bulk" -> Map.of("action", "UNCLAIM", "taskIds", List.of(target.taskId()));
            case "POST /api/tasks/{id}/complete" -> decision(target.taskKey());
            case "POST /api/public/articles/{slug}/feedback" -> Map.of("reason", "INACCURATE", "comment", "Matrix report " + n);
            case "POST /api/public/articles/{slug}/helpful" -> Map.of("helpful", true);
            case "POST /api/admin/users" -> Map.of("username", MatrixObjects.username(), "displayName", "Matrix Person",
                    "roles", List.of("WRITER"), "password", "matrix-password-1");
            case "PATCH /api/admin/users/{username}" -> Map.of("displayName", "Matrix Person " + n);
            case "POST /api/me/tokens" -> Map.of("name", "Matrix token " + n);
            // the defaults: no cell changes what another person is told
            case "PUT /api/me/notification-settings" -> Map.of("NEW_WORK", "DIGEST", "DECISION", "IMMEDIATE");
            case "POST /api/admin/webhooks" -> Map.of("url", "http://127.0.0.1:9/matrix-" + n, "events", List.of("article.withdrawn"));
            case "POST /api/admin/retractions" -> new String(FactCheckHttpTest.sample(), StandardCharsets.UTF_8);
            default -> "";
        };
    }

    private static Map<String, String> fields(String endpoint, Target target) {
        int n = MatrixObjects.serial();
        return switch (endpoint) {
            case "POST /tasks/{id}/assign" -> Map.of("username", "reviewer2");
            case "POST /tasks/bulk" -> Map.of("action", "UNCLAIM", "taskIds", target.taskId());
            case "POST /tasks/{id}/complete" -> {
                Map<String, Object> decision = decision(target.taskKey());
                yield Map.of("decision", decision.get("decision").toString(), "comment", decision.get("comment").toString());
            }
            case "POST /articles", "POST /articles/{id}/revisions" -> articleForm(Desk.article("Matrix article " + n, 1));
            case "POST /articles/preview" -> Map.of("body", "Some *Markdown*.");
            // too short a new password: refused before the current one is checked (no demo password changes)
            case "POST /me/password" -> Map.of("currentPassword", "demo", "newPassword", "short");
            case "POST /me/tokens" -> Map.of("name", "Matrix token " + n);
            case "POST /me/notification-settings" -> Map.of("NEW_WORK", "DIGEST", "DECISION", "IMMEDIATE");
            case "POST /admin/webhooks" -> Map.of("url", "http://127.0.0.1:9/matrix-" + n, "events", "report.received");
            case "POST /articles/{id}/withdraw" -> Map.of("reason", "Matrix withdrawal " + n);
            case "POST /admin/users" -> Map.of("username", MatrixObjects.username(), "displayName", "Matrix Person",
                    "roles", "WRITER", "password", "matrix-password-1");
            case "POST /admin/users/{username}" -> Map.of("displayName", "Matrix Person " + n, "roles", "WRITER", "enabled", "true");
            case "POST /admin/users/{username}/enabled" -> Map.of("enabled", "false");
            case "POST /admin/users/{username}/password" -> Map.of("password", "matrix-temporary-" + n);
            case "POST /public/articles/{slug}/feedback" -> Map.of("reason", "INACCURATE", "comment", "Matrix report " + n);
            case "POST /public/articles/{slug}/helpful" -> Map.of("helpful", "true");
            default -> Map.of();
        };
    }

    /** A decision the holder of a task of that key may take. */
    private static Map<String, Object> decision(String taskKey) {
        return switch (taskKey) {
            case "approvePublication" -> Desk.decision("RETURN_TO_WRITER", "Shorten the summary.");
            case "resolvePlagiarism" -> Desk.decision("DISMISS", "The passage is a quotation with its source named.");
            case "triageReport" -> Desk.decision("DISMISS", "Checked: the article is current.");
            default -> Desk.decision("REJECT", "Not supported by its sources.");
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> articleForm(Map<String, Object> content) {
        Map<String, String> form = new LinkedHashMap<>();
        Stream.of("title", "summary", "body", "disclosure", "changeNote").forEach(f -> form.put(f, content.get(f).toString()));
        Map<String, Object> reference = ((List<Map<String, Object>>) content.get("references")).get(0);
        form.put("references[0].citation", reference.get("citation").toString());
        form.put("references[0].doi", reference.get("doi").toString());
        form.put("action", "submit");
        return form;
    }
}
