import Foundation
import RapportCore
import RapportFormats

/// The OpenAPI 3.1 description of the JSON API, built from the same schemas that check request bodies, and
/// served at `/api/v1/openapi.json`.
public enum OpenAPIDocument {
    /// A CRUD resource as documented: its path segment, schema name and list filters.
    struct Resource: Sendable {
        var path: String
        var schemaName: String
        var summary: String
        var filters: [QueryParameter] = []
        var createParameters: [QueryParameter] = []
        var updateParameters: [QueryParameter] = []
    }

    static let resources: [Resource] = [
        Resource(path: "candidates", schemaName: "Candidate", summary: "candidate", filters: CandidateParameters.filters,
                 createParameters: [CandidateParameters.allowLikelyDuplicateOnCreate],
                 updateParameters: [CandidateParameters.allowLikelyDuplicateOnUpdate]),
        Resource(path: "jobs", schemaName: "Job", summary: "job", filters: JobParameters.filters),
        Resource(path: "clients", schemaName: "Client", summary: "client"),
        Resource(path: "practices", schemaName: "Practice", summary: "practice (writes: admins only)"),
        Resource(path: "users", schemaName: "User", summary: "user (writes: admins only)"),
    ]

    public static let components: [String: Schema] = {
        var all = CandidateDocument.components.merging(JobDocument.components) { first, _ in first }
        all["Candidate"] = CandidateDocument.schema
        all["Job"] = JobDocument.schema
        all["Client"] = ClientDocument.schema
        all["Practice"] = PracticeDocument.schema
        all["User"] = UserDocument.schema
        all["Skill"] = SkillDocument.schema
        all["SkillLinks"] = SkillLinksDocument.schema
        all["NormalizeRequest"] = NormalizeRequest.schema
        all["ExtractRequest"] = ExtractRequest.schema
        all.merge(FitDocument.components) { first, _ in first }
        all.merge(SkillResponseSchemas.all) { first, _ in first }
        all.merge(outreachComponents) { first, _ in first }
        all.merge(pipelineComponents) { first, _ in first }
        all.merge(importComponents) { first, _ in first }
        all.merge(mergeComponents) { first, _ in first }
        all["Error"] = ErrorDocument.schema
        return all
    }()

    public static var json: JSONValue {
        var paths: [String: JSONValue] = [
            "/": .object(["get": operation("Where the API and its description are.", tag: "meta", secured: false, responses: [
                "200": response("Links to the API, this document and the health checks.", schema: nil),
            ])]),
            "/healthz": .object(["get": operation("Liveness: the process answers.", tag: "health", secured: false, responses: [
                "200": response("Alive.", schema: nil),
            ])]),
            "/readyz": .object(["get": operation("Readiness: the database answers.", tag: "health", secured: false, responses: [
                "200": response("Ready.", schema: nil), "503": response("The database is unreachable.", schema: nil),
            ])]),
            "/api/v1/openapi.json": .object(["get": operation("This document.", tag: "meta", secured: false, responses: [
                "200": response("The OpenAPI document.", schema: nil),
            ])]),
        ]
        for resource in resources {
            let ref = schemaRef(resource.schemaName)
            let listParameters = [limitParameter, cursorParameter] + resource.filters.map(parameter)
            paths["/api/v1/\(resource.path)"] = .object([
                "get": operation("List \(resource.summary)s, in id order.", tag: resource.path, parameters: listParameters,
                                 responses: ["200": response("One page.", schema: listSchema(resource.schemaName))] + errors("401", "404", "422")),
                "post": operation("Create a \(resource.summary).", tag: resource.path, parameters: resource.createParameters.map(parameter), body: ref,
                                  responses: ["201": response("Created.", schema: ref)] + errors("400", "401", "403", "409", "413", "422")),
            ])
            paths["/api/v1/\(resource.path)/{id}"] = .object([
                "parameters": .array([idParameter]),
                "get": operation("Read a \(resource.summary).", tag: resource.path,
                                 responses: ["200": response("Found.", schema: ref)] + errors("401", "404")),
                "put": operation("Replace a \(resource.summary); send the version you read.", tag: resource.path,
                                 parameters: resource.updateParameters.map(parameter), body: replacement(ref),
                                 responses: ["200": response("Replaced.", schema: ref)] + errors("400", "401", "403", "404", "409", "413", "422")),
                "patch": operation("Change some fields (RFC 7386 merge patch); send the version you read.", tag: resource.path,
                                   parameters: resource.updateParameters.map(parameter),
                                   body: render(components[resource.schemaName]!.mergePatch(components: components)),
                                   contentType: "application/merge-patch+json",
                                   responses: ["200": response("Changed.", schema: ref)] + errors("400", "401", "403", "404", "409", "413", "422")),
                "delete": operation("Delete a \(resource.summary).", tag: resource.path,
                                    responses: ["204": response("Deleted.", schema: nil)] + errors("401", "403", "404", "409")),
            ])
        }
        let skill = schemaRef("Skill")
        paths["/api/v1/skills"] = .object([
            "get": operation("List the skill taxonomy.", tag: "skills", parameters: [limitParameter, cursorParameter],
                             responses: ["200": response("One page.", schema: listSchema("Skill"))] + errors("401", "422")),
            "post": operation("Add a skill (admins only).", tag: "skills", body: skill,
                              responses: ["201": response("Added.", schema: skill)] + errors("400", "401", "403", "409", "413", "422")),
        ])
        paths["/api/v1/skills/{id}"] = .object([
            "parameters": .array([idParameter]),
            "get": operation("Read a skill.", tag: "skills", responses: ["200": response("Found.", schema: skill)] + errors("401", "404")),
        ])
        paths["/api/v1/skills/{id}/links"] = .object([
            "parameters": .array([idParameter]),
            "post": operation("Add aliases and implied or related skills to a skill (admins only); bumps the taxonomy version.",
                              tag: "skills", body: schemaRef("SkillLinks"),
                              responses: ["200": response("The skill with its links.", schema: skill)]
                                  + errors("400", "401", "403", "404", "409", "422")),
        ])
        paths["/api/v1/skills/normalize"] = .object([
            "post": operation("Resolve free-text skills to canonical ones; unknown texts are kept for curation.", tag: "skills",
                              body: schemaRef("NormalizeRequest"),
                              responses: ["200": response("One result per text, in order.", schema: schemaRef("NormalizeResult"))]
                                  + errors("400", "401", "413", "422")),
        ])
        paths.merge(importPaths) { first, _ in first }
        paths.merge(cvDraftPaths) { first, _ in first }
        paths.merge(mergePaths) { first, _ in first }
        paths.merge(exportPaths) { first, _ in first }
        paths["/api/v1/skills/extract"] = .object([
            "post": operation("Find skills in free text (a job description, a résumé summary), with evidence spans.", tag: "skills",
                              body: schemaRef("ExtractRequest"),
                              responses: ["200": response("Skills found and every mention.", schema: schemaRef("ExtractResult"))]
                                  + errors("400", "401", "413", "422")),
        ])
        paths["/api/v1/skills/unresolved"] = .object([
            "get": operation("Free-text skills nobody could resolve, most frequent first, for curation.", tag: "skills",
                             parameters: [parameter(SkillParameters.unresolvedLimit)],
                             responses: ["200": response("The list.", schema: schemaRef("UnresolvedList"))] + errors("401", "422")),
        ])
        paths["/api/v1/taxonomy"] = .object([
            "get": operation("The taxonomy's version, size and categories.", tag: "skills",
                             responses: ["200": response("The summary.", schema: schemaRef("Taxonomy"))] + errors("401")),
        ])
        paths["/api/v1/jobs/{id}/matches"] = .object([
            "parameters": .array([idParameter]),
            "get": operation("The best candidates for a job: eligible ones ranked by fit, each with its explanation.", tag: "matching",
                             parameters: [parameter(MatchParameters.candidateLimit), parameter(MatchParameters.includeIneligible)],
                             responses: ["200": response("Ranked candidates.", schema: schemaRef("JobMatches"))] + errors("401", "404", "422")),
        ])
        paths["/api/v1/jobs/{id}/matches/{candidateID}"] = .object([
            "parameters": .array([idParameter, .object([
                "name": .string("candidateID"), "in": .string("path"), "required": .bool(true), "schema": render(.integer(minimum: 1)),
            ])]),
            "get": operation("How one candidate fits one job, eligible or not.", tag: "matching",
                             responses: ["200": response("The fit.", schema: schemaRef("Fit"))] + errors("401", "404")),
        ])
        paths["/api/v1/candidates/{id}/opportunities"] = .object([
            "parameters": .array([idParameter]),
            "get": operation("The open jobs a candidate is eligible for, best fit first.", tag: "matching", parameters: [parameter(MatchParameters.jobLimit)],
                             responses: ["200": response("Ranked jobs.", schema: schemaRef("Opportunities"))] + errors("401", "404", "422")),
        ])
        paths.merge(outreachPaths) { first, _ in first }
        paths.merge(pipelinePaths) { first, _ in first }

        return .object([
            "openapi": .string("3.1.0"),
            "info": .object([
                "title": .string("Rapport API"),
                "version": .string("1.0.0"),
                "description": .string("""
                    Relationship recruiting: candidates, jobs, clients, practices and users. Every route under /api/v1 \
                    except this document needs `Authorization: Bearer <token>` (create one with `rapport token create`). \
                    Lists answer {items, total, nextCursor}; pass nextCursor back as `cursor` for the next page.
                    """),
            ]),
            "servers": .array([.object(["url": .string("/")])]),
            "paths": .object(paths),
            "components": .object([
                "schemas": .object(components.mapValues(render)),
                "securitySchemes": .object(["bearer": .object(["type": .string("http"), "scheme": .string("bearer")])]),
            ]),
        ])
    }

    public static var data: Data {
        (try? APIDates.encoder.encode(json)) ?? Data()
    }

    // MARK: Pieces

    public static let idParameter = JSONValue.object([
        "name": .string("id"), "in": .string("path"), "required": .bool(true), "schema": render(.integer(minimum: 1)),
    ])
    static let limitParameter = parameter(PageParameters.limit)
    static let cursorParameter = parameter(PageParameters.cursor)

    /// A whole record sent to replace the one held: the document, with the version last read.
    public static func replacement(_ document: JSONValue) -> JSONValue {
        .object(["allOf": .array([document, .object([
            "required": .array([.string("version")]),
            "properties": .object(["version": render(.integer("The version you last read.", minimum: 1))]),
        ])])])
    }

    public static func parameter(_ parameter: QueryParameter) -> JSONValue {
        var schema = parameter.repeated || parameter.commaSeparated ? render(.array(parameter.schema)) : render(parameter.schema)
        if let value = parameter.defaultValue, case .object(var fields) = schema {
            fields["default"] = value
            schema = .object(fields)
        }
        var fields: [String: JSONValue] = [
            "name": .string(parameter.name), "in": .string("query"), "description": .string(parameter.description), "schema": schema,
        ]
        if parameter.required { fields["required"] = .bool(true) }
        if parameter.repeated || parameter.commaSeparated {
            fields["style"] = .string("form")
            fields["explode"] = .bool(parameter.repeated)
        }
        return .object(fields)
    }

    public static func operation(
        _ summary: String, tag: String, secured: Bool = true, parameters: [JSONValue] = [], body: JSONValue? = nil,
        contentType: String = "application/json", responses: [String: JSONValue]
    ) -> JSONValue {
        var responses = responses
        // An id in a body may name a record nobody holds (409 unknown_reference).
        if body != nil && responses["409"] == nil { responses = responses + errors("409") }
        var fields: [String: JSONValue] = ["summary": .string(summary), "tags": .array([.string(tag)]), "responses": .object(responses)]
        if !parameters.isEmpty { fields["parameters"] = .array(parameters) }
        if let body {
            fields["requestBody"] = .object(["required": .bool(true), "content": .object([contentType: .object(["schema": body])])])
        }
        fields["security"] = secured ? .array([.object(["bearer": .array([])])]) : .array([])
        return .object(fields)
    }

    public static func response(_ description: String, schema: JSONValue?) -> JSONValue {
        guard let schema else { return .object(["description": .string(description)]) }
        return .object(["description": .string(description), "content": .object(["application/json": .object(["schema": schema])])])
    }

    public static func errors(_ codes: String...) -> [String: JSONValue] {
        let meanings = [
            "400": "Malformed JSON or an unknown field (named in field).", "401": "Missing or wrong API token.",
            "403": "Your role may not do this.", "404": "No record has this id.",
            "409": "Stale version, duplicate value, a likely duplicate of someone held, the record is still in use, or an id sent "
                + "names no record (unknown_reference).",
            "413": "Body over 1 MiB.",
            "415": "A body of a media type this operation does not read.",
            "422": "A field breaks a rule (named in field, with what was expected).",
        ]
        return Dictionary(uniqueKeysWithValues: codes.map { ($0, response(meanings[$0] ?? "Error.", schema: schemaRef("Error"))) })
    }

    public static func schemaRef(_ name: String) -> JSONValue {
        .object(["$ref": .string("#/components/schemas/\(name)")])
    }

    static func listSchema(_ name: String) -> JSONValue {
        .object([
            "type": .string("object"),
            "required": .array([.string("items"), .string("total"), .string("nextCursor")]),
            "properties": .object([
                "items": .object(["type": .string("array"), "items": schemaRef(name)]),
                "total": .object(["type": .string("integer"), "description": .string("Items in the whole filtered list.")]),
                "nextCursor": .object(["type": .array([.string("string"), .string("null")]),
                                       "description": .string("Pass as cursor for the next page; null on the last page.")]),
            ]),
        ])
    }

    public static func render(_ schema: Schema) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        let type: String
        switch schema.kind {
        case .ref(let name):
            return schema.nullable ? .object(["anyOf": .array([schemaRef(name), .object(["type": .string("null")])])]) : schemaRef(name)
        case .string: type = "string"
        case .integer: type = "integer"
        case .number: type = "number"
        case .boolean: type = "boolean"
        case .array(let items):
            type = "array"
            fields["items"] = render(items)
        case .object(let properties):
            type = "object"
            // An optional member may also be sent as null, which means the same as leaving it out.
            fields["properties"] = .object(Dictionary(uniqueKeysWithValues: properties.map { property in
                (property.name, render(property.acceptsNull ? property.schema.orNull : property.schema))
            }))
            let required = properties.filter(\.required).map { JSONValue.string($0.name) }
            if !required.isEmpty { fields["required"] = .array(required) }
            fields["additionalProperties"] = .bool(false)
        }
        fields["type"] = schema.nullable ? .array([.string(type), .string("null")]) : .string(type)
        if let description = schema.description { fields["description"] = .string(description) }
        if let format = schema.format { fields["format"] = .string(format) }
        if let values = schema.values { fields["enum"] = .array(values.map(JSONValue.string) + (schema.nullable ? [.null] : [])) }
        if let minimum = schema.minimum { fields["minimum"] = number(minimum) }
        if let maximum = schema.maximum { fields["maximum"] = number(maximum) }
        if case .integer = schema.kind {
            // Integers are 64-bit: a larger one is refused as not an integer, so the document says where they end.
            if schema.minimum == nil { fields["minimum"] = .integer(Int64.min) }
            if schema.maximum == nil { fields["maximum"] = .integer(Int64.max) }
        }
        if let maxLength = schema.maxLength { fields["maxLength"] = .integer(Int64(maxLength)) }
        if let pattern = schema.pattern ?? schema.text?.pattern { fields["pattern"] = .string(pattern) }
        if let maxItems = schema.maxItems { fields["maxItems"] = .integer(Int64(maxItems)) }
        if let minItems = schema.minItems { fields["minItems"] = .integer(Int64(minItems)) }
        if schema.uniqueItems { fields["uniqueItems"] = .bool(true) }
        if schema.readOnly { fields["readOnly"] = .bool(true) }
        return .object(fields)
    }

    private static func number(_ value: Double) -> JSONValue {
        value.rounded() == value ? .integer(Int64(value)) : .number(value)
    }
}

/// Responses (or any JSON members) of both sides; the left side wins a name both have.
public func + (lhs: [String: JSONValue], rhs: [String: JSONValue]) -> [String: JSONValue] {
    lhs.merging(rhs) { first, _ in first }
}
