package com.imprimatur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The path-first lookup picks the handler Spring's own lookup picks, for every path of the application.
 * The application's mapping is compared with a stock {@link RequestMappingHandlerMapping} built over the
 * same controllers: every pattern (its variables filled in), with every method it declares and with
 * the methods it does not (405 or another mapping, and the methods a 405 allows), with and without a JSON
 * body, as a CORS preflight, with a trailing slash, a matrix variable and under a context path, and paths
 * that match nothing.
 */
class PathFirstMappingsTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    ApplicationContext context;

    @Test
    void theApplicationLooksItsHandlersUpPathFirst() {
        assertThat(mapping).isInstanceOf(PathFirstMappings.Mapping.class);
    }

    @Test
    void everyPathAndMethodFindsTheHandlerSpringsOwnLookupFinds() throws Exception {
        RequestMappingHandlerMapping stock = new RequestMappingHandlerMapping();
        stock.setApplicationContext(context);
        stock.setEmbeddedValueResolver(new EmbeddedValueResolver(((ConfigurableApplicationContext) context).getBeanFactory()));
        stock.setPatternParser(mapping.getPatternParser());
        stock.setContentNegotiationManager(mapping.getContentNegotiationManager());
        stock.afterPropertiesSet();
        assertThat(stock.getHandlerMethods().keySet()).isEqualTo(mapping.getHandlerMethods().keySet());

        Set<String> paths = new LinkedHashSet<>(List.of("/", "/api", "/api/nothing-here", "/api/tasks/1/nothing"));
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                paths.add(filledIn(pattern.getPatternString()));
            }
        }
        List<String> compared = new ArrayList<>();
        for (String path : paths) {
            // the path as it comes, with a trailing slash, with a matrix variable, and under a context path
            for (String[] variant : new String[][] {{"", path}, {"", path + "/"}, {"", path + ";v=1"}, {"/ctx", path}}) {
                for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "PREFLIGHT")) {
                    for (String body : new String[] {null, "application/json", "text/plain"}) {
                        String ours = lookUp(mapping, variant[0], variant[1], method, body);
                        String theirs = lookUp(stock, variant[0], variant[1], method, body);
                        assertThat(ours).as(method + " " + variant[0] + variant[1] + " " + body).isEqualTo(theirs);
                        compared.add(ours);
                    }
                }
            }
        }
        // the comparison covered real handlers, not only misses
        assertThat(compared.stream().filter(c -> c.startsWith("handler ")).distinct().count())
                .isGreaterThan(mapping.getHandlerMethods().size() / 2);
    }

    private static String filledIn(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "x/y").replaceAll("\\{[^}:]*(:[^}]*)?}", "1")
                .replace("**", "x/y").replace("*", "x");
    }

    /** {@code method} PREFLIGHT: a CORS preflight (OPTIONS with an Origin and the method asked for). */
    private static String lookUp(RequestMappingHandlerMapping mapping, String contextPath, String path, String method,
            String contentType) {
        boolean preflight = method.equals("PREFLIGHT");
        MockHttpServletRequest request = new MockHttpServletRequest(preflight ? "OPTIONS" : method, contextPath + path);
        request.setContextPath(contextPath);
        request.addHeader("Accept", "application/json");
        if (preflight) {
            request.addHeader("Origin", "https://cms.example.org");
            request.addHeader("Access-Control-Request-Method", "POST");
        }
        if (contentType != null) {
            request.setContentType(contentType);
            request.setContent("{}".getBytes());
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            return chain.getHandler() instanceof HandlerMethod handler ? "handler " + handler.getMethod().toGenericString()
                    : "other " + chain.getHandler().getClass().getName();
        } catch (org.springframework.web.HttpRequestMethodNotSupportedException e) {
            return "refused " + e.getClass().getName() + " allowing " + e.getSupportedHttpMethods();
        } catch (Exception e) {
            return "refused " + e.getClass().getName();
        }
    }
}
