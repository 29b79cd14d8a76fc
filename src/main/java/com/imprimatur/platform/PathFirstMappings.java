package com.imprimatur.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings, each tried by its path first.
 *
 * <p>A path with a variable in it ({@code /api/tasks/{id}/claim}) has no entry in Spring MVC's index of
 * literal paths, so every mapping of the application (over a hundred) is tried in turn, and a mapping
 * checks its path last: the method, the parameters, the headers, the consumed and the produced types
 * first, each a read of the request through its wrappers (session, security, firewall). The lookup runs
 * twice per request (Spring Security's matchers look the handler up before the dispatch does), and the
 * two took 11 % of the request threads' CPU in the route bench (docs/performance.md). Here a mapping
 * whose path patterns do not match is turned down by the patterns alone; one whose do goes on to
 * Spring's own check of every condition, so what matches, and which mapping wins, are unchanged. The
 * request's path is read once per lookup, not once per mapping.
 * Requests that match nothing are answered as before (404, 405, 415 and 406 are worked out by Spring
 * from the mappings' conditions, not through this method).
 */
@Component
public class PathFirstMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new Mapping();
    }

    static final class Mapping extends RequestMappingHandlerMapping {

        /** The path of the lookup under way on this thread, read once from the request (through its wrappers). */
        private static final ThreadLocal<PathContainer> PATH = new ThreadLocal<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            if (getPatternParser() == null || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
                return super.lookupHandlerMethod(lookupPath, request); // Ant-style matching: Spring's own order
            }
            PathContainer outer = PATH.get();
            PATH.set(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                if (outer == null) {
                    PATH.remove();
                } else {
                    PATH.set(outer);
                }
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            PathContainer path = PATH.get();
            if (paths != null && path != null && !anyMatches(paths, path)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean anyMatches(PathPatternsRequestCondition paths, PathContainer path) {
            for (PathPattern pattern : paths.getPatterns()) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }
}
