package com.imprimatur.workflow;

import com.imprimatur.route.Decision;
import com.imprimatur.route.TaskKind;
import com.imprimatur.article.LiveRevisions;
import com.imprimatur.audit.AuditTrail;
import com.imprimatur.notification.Notifications;
import com.imprimatur.problem.Problem;
import com.imprimatur.review.DecisionRequest;
import com.imprimatur.review.TaskDecisions;
import com.imprimatur.review.TaskContext;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.staff.StaffProfile;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queues and the work on tasks: listing, claiming, assigning and completing, with the
 * checks that belong to every task: who is a candidate, and four-eyes (the authors of a revision
 * are never offered, given or allowed to decide its review, plagiarism finding or publication).
 */
@Service
@Transactional
public class TaskDesk {

    private static final int PAGE_LIMIT = 200;

    private final TaskService tasks;
    private final TaskDecisions decisions;
    private final Staff staff;
    private final AuditTrail audit;
    private final TaskQueue queue;
    private final Notifications notifications;
    private final LiveRevisions revisions;
    private final CommandExecutor commands;

    TaskDesk(TaskService tasks, TaskDecisions decisions, Staff staff, AuditTrail audit, TaskQueue queue,
            Notifications notifications, LiveRevisions revisions, ProcessEngineConfigurationImpl engine) {
        this.commands = engine.getCommandExecutorTxRequired();
        this.tasks = tasks;
        this.decisions = decisions;
        this.staff = staff;
        this.audit = audit;
        this.queue = queue;
        this.notifications = notifications;
        this.revisions = revisions;
    }

    /** The queues: the caller's own tasks; those they may claim; for editors, every open task of the editors and physicians. */
    public enum Queue { MINE, AVAILABLE, TEAM }

    /** A member of staff a task can be given to, with the number of open tasks they hold. */
    public record Candidate(StaffProfile profile, int load) {
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<TaskView> mine(StaffMember caller) {
        return queue(caller, Queue.MINE, null, 0, PAGE_LIMIT).tasks();
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<TaskView> available(StaffMember caller) {
        return queue(caller, Queue.AVAILABLE, null, 0, PAGE_LIMIT).tasks();
    }

    /**
     * One page of a queue, due date first (so overdue work leads), then oldest first, with the
     * queue's total; {@code taskKey} narrows it to one kind of task. Read from the task read model.
     * Without a transaction of its own (a poll's every call): under READ COMMITTED each statement
     * reads the latest commits whether or not a transaction holds them together, so one bought
     * nothing but three round trips (autocommit off, commit, autocommit on).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public QueuePage queue(StaffMember caller, Queue which, String taskKey, int page, int size) {
        if (page < 0 || size < 1 || size > PAGE_LIMIT || (long) page * size > Integer.MAX_VALUE) {
            throw new Problem(org.springframework.http.HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "page starts at 0 and size is between 1 and " + PAGE_LIMIT + "; page × size stays under " + Integer.MAX_VALUE + ".");
        }
        TaskQueue.Filter filter = switch (which) {
            case MINE -> new TaskQueue.Filter(TaskQueue.Filter.Kind.ASSIGNED, caller.username(), List.of(), taskKey);
            case AVAILABLE -> new TaskQueue.Filter(TaskQueue.Filter.Kind.CLAIMABLE, caller.username(),
                    caller.groups().stream().sorted().toList(), taskKey);
            case TEAM -> new TaskQueue.Filter(TaskQueue.Filter.Kind.GROUPS, caller.username(), caller.has(Role.EDITOR)
                    ? List.of(Role.EDITOR.group(), Role.MEDICAL_REVIEWER.group()) : List.of(), taskKey);
        };
        Instant now = Instant.now();
        List<TaskView> views = queue.page(filter, page * size, size).stream().map(e -> new TaskView(e.id(), e.key(),
                e.name(), e.articleId(), e.revision(), e.created(), e.due(), e.assignee(),
                e.due() != null && e.due().isBefore(now), e.title(), e.reportId())).toList();
        // a page short of its size is the queue's end: the total is known without counting (a poll's
        // queue is mostly that short); an empty page past the first says nothing, so that one counts
        boolean end = views.size() < size && (page == 0 || !views.isEmpty());
        return new QueuePage(views, end ? (long) page * size + views.size() : queue.count(filter), page, size);
    }

    /** One task, if the caller may see it (assignee, candidate or editor); otherwise 404. */
    @Transactional(readOnly = true)
    public TaskView task(StaffMember caller, String taskId) {
        return view(visibleTask(caller, taskId));
    }

    /**
     * Editors only: who the task may be given to (members of its candidate groups, never an author of
     * the revision), least loaded first.
     */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(StaffMember caller, String taskId) {
        if (!caller.has(Role.EDITOR)) {
            throw Problem.forbidden("not-an-editor", "Only editors assign tasks.");
        }
        Facts task = visibleTask(caller, taskId);
        List<String> groups = task.groups();
        Set<String> excluded = excluded(task);
        List<StaffProfile> people = Arrays.stream(Role.values()).filter(r -> groups.contains(r.group()))
                .flatMap(r -> staff.withRole(r).stream()).distinct()
                .filter(p -> p.enabled() && !excluded.contains(p.username())).toList();
        Map<String, Integer> loads = queue.loads(people.stream().map(StaffProfile::username).toList());
        return people.stream().map(p -> new Candidate(p, loads.getOrDefault(p.username(), 0)))
                .sorted(Comparator.comparingInt(Candidate::load).thenComparing(c -> c.profile().displayName())).toList();
    }

    /**
     * Editors only: everyone the team queue's tasks may be given to (physicians and editors), least
     * loaded first, for assigning several tasks at once; each task still refuses its own authors.
     */
    @Transactional(readOnly = true)
    public List<Candidate> assignable(StaffMember caller) {
        if (!caller.has(Role.EDITOR)) {
            throw Problem.forbidden("not-an-editor", "Only editors assign tasks.");
        }
        List<StaffProfile> people = Arrays.stream(new Role[] {Role.MEDICAL_REVIEWER, Role.EDITOR})
                .flatMap(r -> staff.withRole(r).stream()).distinct().filter(StaffProfile::enabled).toList();
        Map<String, Integer> loads = queue.loads(people.stream().map(StaffProfile::username).toList());
        return people.stream().map(p -> new Candidate(p, loads.getOrDefault(p.username(), 0)))
                .sorted(Comparator.comparingInt(Candidate::load).thenComparing(c -> c.profile().displayName())).toList();
    }

    /** The authors of the revisions these tasks decide on: four-eyes never gives them the task. */
    @Transactional(readOnly = true)
    public Map<String, List<String>> authors(List<String> taskIds) {
        return queue.authors(taskIds);
    }

    public TaskView claim(StaffMember caller, String taskId) {
        try {
            return inOneCommand(() -> claimed(caller, taskId));
        } catch (OptimisticLockingException e) {
            throw Problem.conflict("task-held-by-another", "Someone else claimed this task at the same moment.");
        }
    }

    private TaskView claimed(StaffMember caller, String taskId) {
        Facts task = visibleTask(caller, taskId);
        if (caller.username().equals(task.assignee())) {
            return view(task);
        }
        if (task.assignee() != null) {
            throw heldByAnother(task.task);
        }
        requireCandidate(task, caller.username(), caller.roles(), "You");
        // the engine's claim sees the task this command read (unclaimed, checked above); a claim that
        // another transaction committed meanwhile fails at the flush, as an optimistic lock (see claim)
        guarded(() -> tasks.claim(taskId, caller.username()));
        TaskView claimed = view(task, caller.username());
        audited("task.claimed", claimed, Map.of());
        return claimed;
    }

    public TaskView unclaim(StaffMember caller, String taskId) {
        return inOneCommand(() -> unclaimed(caller, taskId));
    }

    private TaskView unclaimed(StaffMember caller, String taskId) {
        Facts task = visibleTask(caller, taskId);
        if (task.assignee() == null) {
            throw Problem.conflict("task-not-claimed", "Nobody holds this task.");
        }
        if (!caller.username().equals(task.assignee())) {
            throw heldByAnother(task.task);
        }
        if (TaskKind.of(task.key()).personal()) {
            throw Problem.conflict("task-personal", "A '" + task.key() + "' task belongs to its writer and cannot be handed back.");
        }
        tasks.setAssignee(taskId, null);
        TaskView unclaimed = view(task, null);
        audited("task.unclaimed", unclaimed, Map.of());
        return unclaimed;
    }

    public TaskView assign(StaffMember caller, String taskId, String username) {
        if (!caller.has(Role.EDITOR)) {
            throw Problem.forbidden("not-an-editor", "Only editors assign tasks.");
        }
        return inOneCommand(() -> assigned(caller, taskId, username));
    }

    private TaskView assigned(StaffMember caller, String taskId, String username) {
        Facts task = visibleTask(caller, taskId);
        StaffProfile target = staff.profile(username).filter(StaffProfile::enabled).orElseThrow(
                () -> Problem.invalid("not-a-candidate", "There is no active user '" + username + "'."));
        requireCandidate(task, target.username(), target.roles(), target.username());
        String before = task.assignee();
        guarded(() -> tasks.setAssignee(taskId, target.username()));
        TaskView assigned = view(task, target.username());
        Map<String, Object> details = new HashMap<>();
        details.put("assignee", target.username());
        if (before != null) {
            details.put("previousAssignee", before);
        }
        audited("task.assigned", assigned, details);
        return assigned;
    }

    public TaskView complete(StaffMember caller, String taskId, DecisionRequest request) {
        return inOneCommand(() -> completed(caller, taskId, request));
    }

    private TaskView completed(StaffMember caller, String taskId, DecisionRequest request) {
        Facts task = visibleTask(caller, taskId);
        if (task.assignee() == null) {
            throw Problem.conflict("task-not-claimed", "Claim the task before completing it.");
        }
        if (!caller.username().equals(task.assignee())) {
            throw Problem.forbidden("task-held-by-another", "Only " + task.assignee() + ", who holds this task, can complete it.");
        }
        TaskView view = view(task);
        requireNotAuthor(task, caller.username(), "You");
        TaskDecisions.Recorded recorded = decisions.record(
                new TaskContext(taskId, task.key(), view.articleId(), view.revision()), caller, request);
        Map<String, Object> variables = new HashMap<>();
        TaskKind kind = TaskKind.of(task.key());
        variables.put(kind.decisionVariable(), recorded.decision().name());
        // only what the route reads: each variable costs the engine three writes (its row, its history
        // row, its deletion at the end; a detail too if it changes); the decision row and the audit event keep the rest
        if (kind.routeReadsComment()) {
            variables.put(kind.commentVariable(), request.comment());
        }
        if (kind.routeReadsActor()) {
            variables.put(kind.actorVariable(), caller.username());
        }
        if (kind.decisions().stream().anyMatch(Decision::mayBeScheduled)) {
            variables.put(kind.timeVariable(), recorded.publishAt() == null ? null : Date.from(recorded.publishAt()));
        }
        Map<String, Object> details = new HashMap<>();
        details.put("decision", recorded.decision().name());
        if (request.comment() != null && !request.comment().isBlank()) {
            details.put("comment", request.comment().strip());
        }
        if (recorded.publishAt() != null) {
            details.put("publishAt", recorded.publishAt());
        }
        if (view.reportId() != null) {
            details.put("reportId", view.reportId());
        }
        // recorded before the engine moves on, so the event precedes whatever the decision sets off
        audited("task.completed", view, details);
        DecisionNotices.told(notifications, revisions, view, recorded.decision(), request.comment(), authors(task));
        guarded(() -> tasks.complete(taskId, variables));
        return view;
    }

    private void audited(String type, TaskView task, Map<String, Object> more) {
        Map<String, Object> details = new HashMap<>(more);
        details.put("taskId", task.id());
        details.put("task", task.key());
        audit.record(type, task.articleId(), task.revision(), details);
    }

    /**
     * What one call reads about a task, each read once however many checks need it: the task, its
     * candidate groups, and the variables the desk uses (the article and revision, the reader report,
     * and those four-eyes reads). Before, each check read them anew (the task, its execution and
     * process definition again each time). All three are read in one engine command, so the task is
     * loaded once and the three reads see one state of it.
     */
    private final class Facts {
        final Task task;
        private List<String> groups;
        private final Map<String, Object> variables;

        Facts(Task task, List<String> groups, Map<String, Object> variables) {
            this.task = task;
            this.groups = groups;
            this.variables = variables;
        }

        String assignee() {
            return task.getAssignee();
        }

        String key() {
            return task.getTaskDefinitionKey();
        }

        List<String> groups() {
            if (groups == null) {
                groups = whileOpen(task, () -> candidateGroups(task));
            }
            return groups;
        }

        Map<String, Object> variables() {
            return variables;
        }
    }

    /** Every variable the desk reads from a task, in one read. */
    private static final List<String> DESK_VARIABLES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(ProcessVariables.ARTICLE_ID, ProcessVariables.REVISION, ProcessVariables.REPORT_ID,
                    ProcessVariables.AUTHORS), FourEyes.VARIABLES.stream()).distinct().toList();

    /**
     * The task if the caller may see it (assignee, candidate, or editor); otherwise 404, as when it
     * ends (completed, its cycle withdrawn) while this is read.
     */
    private Facts visibleTask(StaffMember caller, String taskId) {
        // the nested calls join this command's context: the task is read once, then found in its cache
        Facts task = commands.execute(context -> {
            // by its primary key (a task query builds a dynamic statement for every call, and it was
            // the desk's most expensive read)
            Task found = context.getTaskManager().findTaskById(taskId);
            if (found == null) {
                return null;
            }
            // the assignee's own calls (completing, say) need no candidate groups
            List<String> groups = caller.username().equals(found.getAssignee()) ? null : whileOpen(found, () -> candidateGroups(found));
            return new Facts(found, groups, whileOpen(found, () -> cycleVariables((TaskEntity) found)));
        });
        if (task == null) {
            throw Problem.notFound("Task " + taskId);
        }
        boolean visible = caller.username().equals(task.assignee()) || caller.has(Role.EDITOR)
                || task.groups().stream().anyMatch(caller.groups()::contains);
        if (!visible) {
            throw Problem.notFound("Task " + taskId);
        }
        return task;
    }

    /**
     * One desk call (its checks and the engine's claim, assignment or completion) as one engine
     * command: the engine's calls inside join it, so the task, its execution tree, process definition,
     * variables and candidate groups the checks read are read once and found in the command's cache
     * by the claim or completion (before, the engine's own command read them all again: seven of a
     * claim's 27 statements). The engine writes its changes when the whole call has succeeded; a
     * refusal leaves the command unflushed and the transaction rolled back, as before.
     */
    private <T> T inOneCommand(java.util.function.Supplier<T> call) {
        try {
            return commands.execute(context -> {
                try {
                    return call.get();
                } catch (Problem refused) {
                    throw new Refused(refused);
                }
            });
        } catch (Refused refused) {
            throw refused.problem;
        }
    }

    /**
     * A refusal (404, 403, 409…) on its way out of the engine's command. The engine logs what fails a
     * command at error level, but a bad user request at debug level only: a refusal is not an error.
     */
    private static final class Refused extends org.camunda.bpm.engine.BadUserRequestException {
        private final transient Problem problem;

        Refused(Problem problem) {
            super(problem.getMessage());
            this.problem = problem;
        }
    }

    /**
     * The desk's variables of the task's cycle, read where the product keeps them: the process
     * instance ({@link ProcessVariables#ofCycle}, which the four-eyes guard reads too). The first read
     * loads the instance's variables into the command's cache in one statement (the engine's read of
     * a list of names fetches them apart); the guard then finds them there.
     */
    private static Map<String, Object> cycleVariables(TaskEntity task) {
        VariableScope cycle = ProcessVariables.ofCycle(task);
        Map<String, Object> variables = new HashMap<>();
        for (String name : DESK_VARIABLES) {
            Object value = cycle.getVariableLocal(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        return variables;
    }

    /** An engine command that {@link FourEyesGuard} may refuse (a role taken away since the desk checked, say): 403. */
    private static void guarded(Runnable command) {
        try {
            command.run();
        } catch (ProcessEngineException e) {
            FourEyesGuard.Refused refused = FourEyesGuard.Refused.in(e);
            if (refused == null) {
                throw e;
            }
            throw Problem.forbidden("four-eyes", refused.getMessage());
        }
    }

    /** A read of a task that may end meanwhile: then it is gone (404), not a server error. */
    private static <T> T whileOpen(Task task, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (NullValueException | NotFoundException e) {
            throw Problem.notFound("Task " + task.getId());
        }
    }

    private void requireCandidate(Facts task, String username, Set<Role> roles, String who) {
        Set<String> groups = roles.stream().map(Role::group).collect(Collectors.toSet());
        List<String> candidates = task.groups();
        boolean candidate = candidates.stream().anyMatch(groups::contains)
                || (candidates.isEmpty() && authors(task).contains(username));
        if (!candidate) {
            String detail = who + " cannot take this task: it is for " + (candidates.isEmpty() ? "the revision's authors" : candidates) + ".";
            throw "You".equals(who) ? Problem.forbidden("not-a-candidate", detail) : Problem.invalid("not-a-candidate", detail);
        }
        requireNotAuthor(task, username, who);
    }

    private void requireNotAuthor(Facts task, String username, String who) {
        String detail = FourEyes.refusal(task.key(), excluded(task), username, who);
        if (detail != null) {
            throw "You".equals(who) ? Problem.forbidden("four-eyes", detail) : Problem.invalid("four-eyes", detail);
        }
    }

    private Set<String> excluded(Facts task) {
        return FourEyes.excluded(task.key(), task.variables()::get);
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private List<String> authors(Facts task) {
        Object authors = task.variables().get(ProcessVariables.AUTHORS);
        return authors == null ? List.of() : Arrays.asList(authors.toString().split(","));
    }

    private TaskView view(Facts task) {
        return view(task, task.assignee());
    }

    /** The task as read, held by {@code assignee} (after this call's claim, assignment or unclaim, which change nothing else). */
    private static TaskView view(Facts facts, String assignee) {
        Task task = facts.task;
        Map<String, Object> vars = facts.variables();
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                ((Number) vars.get(ProcessVariables.ARTICLE_ID)).longValue(),
                ((Number) vars.get(ProcessVariables.REVISION)).intValue(),
                task.getCreateTime().toInstant(), due, assignee, due != null && due.isBefore(Instant.now()), null,
                (String) vars.get(ProcessVariables.REPORT_ID));
    }

    private static Problem heldByAnother(Task task) {
        return Problem.conflict("task-held-by-another", "Task " + task.getId() + " is held by " + task.getAssignee() + ".")
                .with("assignee", task.getAssignee());
    }
}
