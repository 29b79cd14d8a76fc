package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.route.Decision;
import com.imprimatur.route.TaskKind;
import com.imprimatur.staff.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployed models (the files in {@code processes/}, which the engine accepts byte for byte) and
 * the route's type ({@link TaskKind}, {@link Decision}) say the same: the same user tasks with the
 * same names and candidate groups, and after each task a gateway that branches on exactly the
 * decisions the type lets that task take, read from the variable the task desk writes.
 */
class RouteModelTest {

    private static final Pattern DECISION_CONDITION = Pattern.compile("\\$\\{\\s*(\\w+)\\s*==\\s*'(\\w+)'\\s*}");

    private static final Map<String, UserTask> TASKS = new TreeMap<>();
    private static final List<BpmnModelInstance> MODELS = new ArrayList<>();

    @BeforeAll
    static void readTheModels() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                MODELS.add(model);
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    assertThat(TASKS.put(task.getId(), task)).as("user task id %s in two models", task.getId()).isNull();
                }
            }
        }
        assertThat(MODELS).as("the models in processes/").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void everyUserTaskOfTheModelsIsAKindOfTheTypeAndNoKindIsMissingFromTheModels() {
        assertThat(TASKS.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(TaskKind.values()).map(TaskKind::key).toList());
    }

    @Test
    void theKindsOfAnArticlesReviewCycleAreTheUserTasksOfItsModel() {
        BpmnModelInstance cycle = MODELS.stream()
                .filter(m -> m.getModelElementById(ProcessVariables.PROCESS_KEY) != null).findFirst().orElseThrow();
        assertThat(cycle.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).toList())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(TaskKind.values()).filter(TaskKind::ofTheReviewCycle)
                        .map(TaskKind::key).toList());
    }

    @Test
    void namesAndWhoMayTakeEachTaskAgree() {
        Set<String> groups = Arrays.stream(Role.values()).map(Role::group).collect(Collectors.toSet());
        for (TaskKind kind : TaskKind.values()) {
            UserTask task = TASKS.get(kind.key());
            assertThat(task.getName()).as("name of %s", kind).isEqualTo(kind.title());
            if (kind.personal()) {
                assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", kind).isNull();
                assertThat(task.getCamundaAssignee()).as("assignee of %s", kind).isNotBlank();
            } else {
                assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", kind).isEqualTo(kind.candidateGroup());
                assertThat(groups).as("a role for the group of %s", kind).contains(kind.candidateGroup());
            }
        }
    }

    @Test
    void theGatewayAfterEachDecidedTaskBranchesOnExactlyItsDecisions() {
        for (TaskKind kind : TaskKind.values()) {
            Map<String, Set<String>> branches = decisionBranches(TASKS.get(kind.key()));
            if (!kind.decidedOnTheDesk()) {
                assertThat(branches).as("%s is completed elsewhere; no gateway reads a decision of it", kind).isEmpty();
                continue;
            }
            assertThat(branches.keySet()).as("variables the gateway after %s reads", kind).containsExactly(kind.decisionVariable());
            assertThat(branches.get(kind.decisionVariable())).as("decisions the model branches on after %s", kind)
                    .containsExactlyInAnyOrderElementsOf(kind.decisions().stream().map(Decision::name).toList());
        }
    }

    @Test
    void aDecisionThatMayBeScheduledIsReadAtItsTimeByTheModel() {
        for (TaskKind kind : TaskKind.values()) {
            boolean scheduled = kind.decisions().stream().anyMatch(Decision::mayBeScheduled);
            boolean read = conditions().stream().anyMatch(c -> c.contains(kind.timeVariable()));
            assertThat(read).as("a condition reads %s", kind.timeVariable()).isEqualTo(scheduled);
        }
    }

    /**
     * The task desk writes a task's actor and comment into the process only where the route reads
     * them ({@link TaskKind#routeReadsActor()}, {@link TaskKind#routeReadsComment()}). Whatever reads
     * one, a model's expression or the code, must find it written: a read of an unwritten one would
     * get null. The code names them through the kind ({@code TaskKind.X.actorVariable()}).
     */
    @Test
    void theActorsAndCommentsTheRouteReadsAreExactlyThoseTheDeskWrites() throws IOException {
        Set<TaskKind> actorsRead = new HashSet<>();
        Set<TaskKind> commentsRead = new HashSet<>();
        Pattern read = Pattern.compile("TaskKind\\.(\\w+)\\.(actorVariable|commentVariable)\\(\\)");
        StringBuilder literals = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("db/migration")).toList()) {
                String code = Files.readString(file);
                Matcher m = read.matcher(code);
                while (m.find()) {
                    (m.group(2).equals("actorVariable") ? actorsRead : commentsRead).add(TaskKind.valueOf(m.group(1)));
                }
                literals.append(code).append('\n');
            }
        }
        // a name spelled out in the code, quoted, counts as a read too (migrations only rewrite old rows)
        String expressions = MODELS.stream().map(Bpmn::convertToString).collect(Collectors.joining("\n"));
        for (TaskKind kind : TaskKind.values()) {
            if (literals.indexOf('"' + kind.actorVariable() + '"') >= 0) {
                actorsRead.add(kind);
            }
            if (literals.indexOf('"' + kind.commentVariable() + '"') >= 0) {
                commentsRead.add(kind);
            }
        }
        for (TaskKind kind : TaskKind.values()) {
            if (expressions.contains(kind.actorVariable())) {
                actorsRead.add(kind);
            }
            if (expressions.contains(kind.commentVariable())) {
                commentsRead.add(kind);
            }
        }
        assertThat(actorsRead).as("kinds whose actor is read").containsExactlyInAnyOrderElementsOf(
                Arrays.stream(TaskKind.values()).filter(TaskKind::routeReadsActor).toList());
        assertThat(commentsRead).as("kinds whose comment is read").containsExactlyInAnyOrderElementsOf(
                Arrays.stream(TaskKind.values()).filter(TaskKind::routeReadsComment).toList());
    }

    @Test
    void everyDecisionIsTakenOnSomeTask() {
        Set<Decision> taken = Arrays.stream(TaskKind.values()).flatMap(k -> k.decisions().stream()).collect(Collectors.toSet());
        assertThat(taken).containsExactlyInAnyOrder(Decision.values());
    }

    /** Variable → decision names, over the exclusive gateways the task's outgoing flows lead to. */
    private static Map<String, Set<String>> decisionBranches(UserTask task) {
        Map<String, Set<String>> branches = new TreeMap<>();
        for (SequenceFlow out : task.getOutgoing()) {
            FlowNode next = out.getTarget();
            if (!(next instanceof ExclusiveGateway gateway)) {
                continue;
            }
            for (SequenceFlow branch : gateway.getOutgoing()) {
                ConditionExpression condition = branch.getConditionExpression();
                if (condition == null) {
                    continue;
                }
                Matcher m = DECISION_CONDITION.matcher(condition.getTextContent().strip());
                if (m.matches()) {
                    branches.computeIfAbsent(m.group(1), v -> new HashSet<>()).add(m.group(2));
                    assertThat(branch.getName()).as("the label of the %s branch", m.group(2)).isEqualTo(m.group(2));
                }
            }
        }
        return branches;
    }

    private static Collection<String> conditions() {
        return MODELS.stream().flatMap(m -> m.getModelElementsByType(ConditionExpression.class).stream())
                .map(ConditionExpression::getTextContent).toList();
    }
}
