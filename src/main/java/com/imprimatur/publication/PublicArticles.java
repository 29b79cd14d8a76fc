package com.imprimatur.publication;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.PublishedArticle;
import com.imprimatur.article.ReferenceView;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** What a reader gets: the published revision only; drafts and unknown slugs are 404 alike. */
@Service
public class PublicArticles {

    static final String DISCLAIMER = "This article is for general information and is not medical advice. "
            + "Talk to a qualified health professional about your own situation.";

    private final ArticleService articles;
    private final Staff staff;

    PublicArticles(ArticleService articles, Staff staff) {
        this.articles = articles;
        this.staff = staff;
    }

    public record Person(String name, String credentials, String specialty) {
    }

    public record PublicArticle(String slug, int revision, String title, String summary, String body,
            List<ReferenceView> references, List<Person> authors, Person reviewedBy, Instant lastReviewed,
            Instant lastModified, Instant datePublished, String disclaimer, Map<String, Object> jsonLd) {
    }

    /** The published article, or 404. */
    public PublicArticle article(String slug) {
        PublishedArticle published = articles.publishedBySlug(slug)
                .orElseThrow(() -> Problem.notFound("A published article '" + slug + "'"));
        var revision = published.revision();
        List<String> names = new ArrayList<>(revision.authors());
        names.add(published.reviewedBy());
        Map<String, StaffProfile> profiles = staff.profiles(names);
        List<Person> authors = revision.authors().stream().map(u -> person(profiles.get(u), u)).toList();
        Person reviewer = person(profiles.get(published.reviewedBy()), published.reviewedBy());
        return new PublicArticle(published.slug(), revision.number(), revision.title(), revision.summary(),
                revision.body(), revision.references(), authors, reviewer, published.lastReviewed(),
                published.dateModified(), published.datePublished(), DISCLAIMER,
                jsonLd(published, authors, reviewer));
    }

    private static Person person(StaffProfile profile, String username) {
        return profile == null ? new Person(username, null, null)
                : new Person(profile.displayName(), profile.credentials(), profile.specialty());
    }

    /** schema.org MedicalWebPage; the full public page and its checks come with the publication issue. */
    private static Map<String, Object> jsonLd(PublishedArticle published, List<Person> authors, Person reviewer) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "MedicalWebPage");
        ld.put("name", published.revision().title());
        ld.put("description", published.revision().summary());
        ld.put("author", authors.stream().map(PublicArticles::schemaPerson).toList());
        ld.put("reviewedBy", schemaPerson(reviewer));
        ld.put("lastReviewed", published.lastReviewed().toString());
        ld.put("datePublished", published.datePublished().toString());
        ld.put("dateModified", published.dateModified().toString());
        ld.put("citation", published.revision().references().stream().map(ReferenceView::citation).toList());
        return ld;
    }

    private static Map<String, Object> schemaPerson(Person person) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("@type", "Person");
        p.put("name", person.name());
        if (person.credentials() != null) {
            p.put("honorificSuffix", person.credentials());
        }
        return p;
    }
}
