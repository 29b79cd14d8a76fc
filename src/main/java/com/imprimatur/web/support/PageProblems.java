package com.imprimatur.web.support;

import com.imprimatur.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** The pages' failures in words: the same problem the API would answer, as a page with a way back. */
@ControllerAdvice(basePackages = "com.imprimatur.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    private final PageModel layout;

    PageProblems(PageModel layout) {
        this.layout = layout;
    }

    @ExceptionHandler(Problem.class)
    ModelAndView problem(Problem problem) {
        return page(problem.status(), problem.title(), problem.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformed(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.BAD_REQUEST, "Malformed request", "The address has an unusable value for '" + e.getName() + "'.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Unexpected failure on a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; nothing was changed. Try again, and tell an administrator if it persists.");
    }

    private ModelAndView page(HttpStatus status, String title, String detail) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("error", title);
        page.addObject("detail", detail);
        page.addObject("me", layout.me());
        return page;
    }
}
