package com.imprimatur.workflow;

import com.imprimatur.problem.Problem;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.core.Ordered;
import org.springframework.http.ResponseEntity;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The engine's concurrency failures are state conflicts: the loser of a race gets 409; what ended meanwhile is 404. */
@RestControllerAdvice
// just after the pages' own handler, which shows problems in words; before the generic problem handler
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class EngineProblems {

    @ExceptionHandler(TaskAlreadyClaimedException.class)
    ResponseEntity<Object> alreadyClaimed(TaskAlreadyClaimedException e) {
        return Problem.conflict("task-held-by-another", "Someone else claimed this task first.").toResponse();
    }

    /** What was asked about ended meanwhile (a task completed by its holder, a cycle withdrawn). */
    @ExceptionHandler({NullValueException.class, NotFoundException.class})
    ResponseEntity<Object> gone(ProcessEngineException e) {
        return Problem.notFound("The task or review cycle").toResponse();
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<Object> concurrent(OptimisticLockingException e) {
        return Problem.conflict("concurrent-change", "Someone else changed this task at the same moment; reload and try again.").toResponse();
    }
}
