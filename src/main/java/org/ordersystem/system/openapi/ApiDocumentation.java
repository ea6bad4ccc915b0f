package org.ordersystem.system.openapi;

import java.util.List;

import io.swagger.v3.oas.models.PathItem;

import org.ordersystem.system.problem.ErrorCode;

/**
 * A module's part of the OpenAPI document, declared as a bean by the module that owns the
 * endpoints: a paragraph of the API's description and the module's error codes each
 * operation may answer. The codes of the HTTP layer are added for every operation.
 */
public interface ApiDocumentation {

    /** A paragraph of the API description, in Markdown; empty for none. */
    String description();

    /** The codes an operation may answer because of this module; empty for operations it knows nothing of. */
    List<ErrorCode> errors(String path, PathItem.HttpMethod method);
}
