package io.salesdesk.workflow.approval;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One node of a request's route: what the flow resolved to for this record when it was
 * submitted — conditions decided, approvers named. The route is kept with the request, so a flow
 * edited later changes nothing for it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RouteStep.class, name = "step"),
        @JsonSubTypes.Type(value = RouteParallel.class, name = "parallel")
})
public sealed interface RouteNode permits RouteStep, RouteParallel {
}
