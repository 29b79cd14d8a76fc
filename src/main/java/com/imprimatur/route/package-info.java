/**
 * The route's words: the kinds of task in the BPMN models and the decisions taken on them. Engine-free
 * and at the bottom of the module graph, so every module may name them (the review records decisions,
 * feedback dismisses reports, reports count them) without reaching into {@code workflow}, which owns the
 * models and whose {@code RouteModelTest} holds this type and the deployed BPMN together.
 */
package com.imprimatur.route;
