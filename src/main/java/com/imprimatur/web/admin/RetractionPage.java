package com.imprimatur.web.admin;

import com.imprimatur.audit.AuditLog;
import com.imprimatur.audit.AuditQuery;
import com.imprimatur.factcheck.RetractionImport;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.Staff;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/retractions}: the Retraction Watch list the fact-check holds references against,
 * its last import, and a form to upload the CSV export that replaces it (as POST /api/admin/retractions).
 */
@Controller
class RetractionPage {

    private final RetractionImport retractions;
    private final AuditLog log;
    private final AuditSentences sentences;
    private final Staff staff;

    RetractionPage(RetractionImport retractions, AuditLog log, AuditSentences sentences, Staff staff) {
        this.retractions = retractions;
        this.log = log;
        this.sentences = sentences;
        this.staff = staff;
    }

    @GetMapping("/admin/retractions")
    String page(Model model) {
        model.addAttribute("notices", retractions.notices());
        var imports = log.page(new AuditQuery(null, null, null, null, List.of("retractions.imported")), 0, 5);
        model.addAttribute("imports", sentences.of(staff.current(), imports.events()));
        return "admin/retractions";
    }

    /**
     * The form's file, read from the multipart body here: the application keeps Spring's multipart
     * support off (no request anywhere is parsed into parts); this one body is bounded by the
     * retraction import's own size limit (platform.RequestSizeLimit).
     */
    @PostMapping("/admin/retractions")
    String upload(HttpServletRequest request, RedirectAttributes flash) throws IOException {
        UploadedFile csv = UploadedFile.read(request, "csv");
        if (csv == null || csv.isEmpty()) {
            flash.addFlashAttribute("problem", "Choose the CSV file first: the Retraction Watch export (retraction_watch.csv). "
                    + "Nothing was changed.");
            return "redirect:/admin/retractions";
        }
        try (InputStream in = csv.content()) {
            RetractionImport.Result result = retractions.replaceAll(in);
            flash.addFlashAttribute("notice", "Imported " + result.imported() + " retraction notices from " + csv.filename()
                    + "; " + result.skipped() + " rows skipped (no DOI or PMID of the original paper). They replace the list imported before.");
        } catch (Problem problem) {
            flash.addFlashAttribute("problem", problem.getMessage() + " Nothing was changed.");
        } catch (IOException unreadable) {
            flash.addFlashAttribute("problem", "The file could not be read (" + unreadable.getMessage() + "); nothing was changed.");
        }
        return "redirect:/admin/retractions";
    }
}
