package com.imprimatur.notification;

import java.util.List;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The mails' text and HTML, from the templates under {@code mail/} (an engine of their own, apart from the pages'). */
final class MailTemplates {

    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

    /** One item of a mail: what happened, in a few sentences, and the address of the page it is about. */
    record Line(String subject, String body, String url) {
    }

    record Rendered(String text, String html) {
    }

    /** {@code template}: notification, digest or reader; {@code settings}: where to change what is mailed (null for readers). */
    Rendered render(String template, String subject, List<Line> lines, String settings) {
        Context context = new Context();
        context.setVariables(Map.of("subject", subject, "lines", lines));
        context.setVariable("settings", settings);
        return new Rendered(text.process(template, context), html.process(template, context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
