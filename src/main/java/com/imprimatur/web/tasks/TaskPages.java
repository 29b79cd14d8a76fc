package com.imprimatur.web.tasks;

import com.imprimatur.route.TaskKind;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.web.support.PageModel;
import com.imprimatur.workflow.BulkTaskActions;
import com.imprimatur.workflow.QueuePage;
import com.imprimatur.workflow.TaskDesk;
import com.imprimatur.workflow.TaskView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /tasks}: the queues, and claiming, handing back and assigning in one click. */
@Controller
class TaskPages {

    private static final int PAGE_SIZE = 25;

    private final TaskDesk desk;
    private final BulkTaskActions bulk;
    private final Staff staff;
    private final PageModel people;

    TaskPages(TaskDesk desk, BulkTaskActions bulk, Staff staff, PageModel people) {
        this.desk = desk;
        this.bulk = bulk;
        this.staff = staff;
        this.people = people;
    }

    /** One line of a bulk action's outcome on the page. */
    record BulkLine(String taskId, String task, boolean done, String outcome) implements java.io.Serializable {
    }

    /** One queue on the page: its name, the page of tasks and the page parameter that moves through it. */
    record Section(String id, String heading, QueuePage page, String pageParam) {
    }

    @GetMapping("/tasks")
    String queues(@RequestParam(required = false) String type, @RequestParam(defaultValue = "0") int mine,
            @RequestParam(defaultValue = "0") int available, @RequestParam(defaultValue = "0") int team, Model model) {
        StaffMember me = staff.current();
        String key = TaskKind.ofKey(type).map(TaskKind::key).orElse(null);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("mine", "My tasks", desk.queue(me, TaskDesk.Queue.MINE, key, Math.max(0, mine), PAGE_SIZE), "mine"));
        sections.add(new Section("available", "Tasks I can claim",
                desk.queue(me, TaskDesk.Queue.AVAILABLE, key, Math.max(0, available), PAGE_SIZE), "available"));
        if (me.has(Role.EDITOR)) {
            sections.add(new Section("team", "All open reviews and editorial tasks (to assign or reassign)",
                    desk.queue(me, TaskDesk.Queue.TEAM, key, Math.max(0, team), PAGE_SIZE), "team"));
        }
        List<String> holders = sections.stream().flatMap(s -> s.page().tasks().stream()).map(TaskView::assignee).toList();
        model.addAttribute("sections", sections);
        model.addAttribute("types", TaskKind.titles());
        model.addAttribute("type", key);
        model.addAttribute("names", people.names(holders));
        if (me.has(Role.EDITOR)) {
            // the bulk Assign panel: who may take the tasks, their load, and each task's authors (never given it)
            model.addAttribute("assignable", desk.assignable(me));
            model.addAttribute("authors", desk.authors(sections.get(sections.size() - 1).page().tasks().stream().map(TaskView::id).toList()));
        }
        return "tasks";
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(required = false) String type, RedirectAttributes redirect) {
        try {
            TaskView task = desk.claim(staff.current(), id);
            if (open) {
                return "redirect:/tasks/" + id;
            }
            redirect.addFlashAttribute("notice", "You claimed “" + describe(task) + "”.");
        } catch (Problem problem) {
            redirect.addFlashAttribute("problem", inWords(problem));
        }
        return back(type);
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, @RequestParam(required = false) String type, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("notice", "You handed back “" + describe(desk.unclaim(staff.current(), id))
                    + "”; it is claimable again.");
        } catch (Problem problem) {
            redirect.addFlashAttribute("problem", inWords(problem));
        }
        return back(type);
    }

    @PostMapping("/tasks/{id}/assign")
    String assign(@PathVariable String id, @RequestParam(required = false) String username, RedirectAttributes redirect) {
        if (username == null || username.isBlank()) {
            redirect.addFlashAttribute("assignError", "Choose the person to give the task to.");
            return "redirect:/tasks/" + id + "#assign";
        }
        try {
            TaskView task = desk.assign(staff.current(), id, username);
            redirect.addFlashAttribute("notice", "“" + describe(task) + "” is now with " + people.names(List.of(username)).get(username) + ".");
            return "redirect:/tasks";
        } catch (Problem problem) {
            if (problem.status() == HttpStatus.UNPROCESSABLE_ENTITY) {
                redirect.addFlashAttribute("assignError", problem.getMessage());
                return "redirect:/tasks/" + id + "#assign";
            }
            redirect.addFlashAttribute("problem", inWords(problem));
            return "redirect:/tasks";
        }
    }

    /**
     * Claim, hand back or assign the ticked tasks: each judged alone; the page then lists what
     * happened to each, and says in one line whether all of it went through.
     */
    @PostMapping("/tasks/bulk")
    String bulk(@RequestParam(required = false) String action, @RequestParam(required = false) List<String> taskIds,
            @RequestParam(required = false) String username, @RequestParam(required = false) String type, RedirectAttributes redirect) {
        BulkTaskActions.Action which = action == null ? null : switch (action) {
            case "CLAIM", "UNCLAIM", "ASSIGN" -> BulkTaskActions.Action.valueOf(action);
            default -> null;
        };
        if (which == null || taskIds == null || taskIds.isEmpty()) {
            redirect.addFlashAttribute("problem", "Tick the tasks first, then choose what to do with them.");
            return back(type);
        }
        if (which == BulkTaskActions.Action.ASSIGN && (username == null || username.isBlank())) {
            redirect.addFlashAttribute("problem", "Choose the person to give the ticked tasks to.");
            return back(type) + "#team";
        }
        List<BulkTaskActions.Result> results;
        try {
            results = bulk.apply(staff.current(), which, taskIds, username);
        } catch (Problem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
            return back(type);
        }
        String verb = switch (which) {
            case CLAIM -> "claimed";
            case UNCLAIM -> "handed back";
            case ASSIGN -> "now with " + people.names(List.of(username)).get(username);
        };
        List<BulkLine> lines = results.stream().map(r -> r.succeeded()
                ? new BulkLine(r.taskId(), describe(r.task()), true, verb)
                : new BulkLine(r.taskId(), "Task " + r.taskId(), false, inWords(problem(r)))).toList();
        long done = lines.stream().filter(BulkLine::done).count();
        String summary = done + " of " + lines.size() + " task" + (lines.size() == 1 ? "" : "s") + " " + verb + ".";
        redirect.addFlashAttribute(done == lines.size() ? "notice" : "problem",
                done == lines.size() ? summary : summary + " The others were refused; nothing was changed on them (see below).");
        redirect.addFlashAttribute("bulkResults", lines);
        return back(type);
    }

    private static Problem problem(BulkTaskActions.Result result) {
        Map<String, Object> body = result.problem();
        Problem problem = new Problem(HttpStatus.valueOf(result.status()), "bulk", String.valueOf(body.get("title")),
                String.valueOf(body.get("detail")));
        if (body.get("assignee") != null) {
            problem.with("assignee", body.get("assignee"));
        }
        return problem;
    }

    /** A failed claim or hand-back in words, naming the person who holds the task where there is one. */
    String inWords(Problem problem) {
        Object holder = problem.properties().get("assignee");
        if (problem.status() == HttpStatus.CONFLICT && holder != null) {
            return "This task was claimed meanwhile by " + people.names(List.of(holder.toString())).get(holder.toString())
                    + ". It is no longer in your claimable queue; nothing was changed.";
        }
        if (problem.status() == HttpStatus.NOT_FOUND) {
            return "This task is no longer open (someone has completed it) or is not visible to you.";
        }
        return problem.getMessage();
    }

    private static String describe(TaskView task) {
        return task.kind().title() + " of article " + task.articleId() + ", revision " + task.revision();
    }

    private static String back(String type) {
        return TaskKind.ofKey(type).isPresent() ? "redirect:/tasks?type=" + type : "redirect:/tasks";
    }
}
