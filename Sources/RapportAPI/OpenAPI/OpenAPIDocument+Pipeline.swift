import Foundation
import RapportCore
import RapportFormats

extension OpenAPIDocument {
    /// Request bodies of the pipeline routes, checked by the same schemas.
    static let pipelineComponents: [String: Schema] = [
        "Shortlist": ShortlistDocument.schema,
        "Move": MoveDocument.schema,
        "PlacementTerms": MoveDocument.termsSchema,
        "EndEarly": EndEarlyDocument.schema,
        "CloseTask": CloseTaskDocument.schema,
        "Handover": HandoverDocument.schema,
    ]

    /// Submissions, placements, tasks and planned surveys.
    static var pipelinePaths: [String: JSONValue] {
        let id = idParameter
        let object = JSONValue.object(["type": .string("object")])
        var paths: [String: JSONValue] = [:]
        paths["/api/v1/submissions"] = .object([
            "get": operation("A candidate's or a job's submissions (both: that candidate's for that job; neither: the 500 you made last), "
                                 + "newest first, with how many were presented and placed.",
                             tag: "pipeline", parameters: [parameter(PipelineParameters.submissionCandidate), parameter(PipelineParameters.submissionJob)],
                             responses: ["200": response("The submissions.", schema: object)] + errors("401", "404", "422")),
            "post": operation("Shortlist a candidate for an open job.", tag: "pipeline", body: schemaRef("Shortlist"),
                              responses: ["201": response("On the shortlist.", schema: object)] + errors("400", "401", "409", "422")),
        ])
        paths["/api/v1/submissions/{id}"] = .object([
            "parameters": .array([id]),
            "get": operation("A submission with every move: who, when, why.", tag: "pipeline",
                             responses: ["200": response("Found.", schema: object)] + errors("401", "404")),
        ])
        paths["/api/v1/submissions/{id}/moves"] = .object([
            "parameters": .array([id]),
            "post": operation("""
                Move a submission one step, validated by the transition table. A client rejection, or a withdrawal after the \
                candidate heard of the opening, opens an obligation to tell them; a decline needs the candidate's reason and \
                suggests a preference to review; a move to placed records the placement, its check-in and redeployment tasks, \
                and plans its surveys.
                """, tag: "pipeline", body: schemaRef("Move"),
                responses: ["200": response("Moved, with the placement, obligation or suggestion it set off.", schema: object)]
                    + errors("400", "401", "404", "409", "422")),
        ])
        paths["/api/v1/placements"] = .object([
            "get": operation("A candidate's placements, or every assignment ending within endingWithinDays (default 42).", tag: "pipeline",
                             parameters: [PipelineParameters.placementCandidate, PipelineParameters.endingWithinDays, PipelineParameters.endingLimit]
                                 .map(parameter),
                             responses: ["200": response("The placements.", schema: object)] + errors("401", "404", "422")),
        ])
        paths["/api/v1/placements/{id}"] = .object([
            "parameters": .array([id]),
            "get": operation("A placement: dates, rates, whether it is running.", tag: "pipeline",
                             responses: ["200": response("Found.", schema: object)] + errors("401", "404")),
        ])
        paths["/api/v1/placements/{id}/end"] = .object([
            "parameters": .array([id]),
            "post": operation("End an assignment early: later check-ins are cancelled, redeployment and the end survey come up now.",
                              tag: "pipeline", body: schemaRef("EndEarly"),
                              responses: ["200": response("Ended.", schema: object)] + errors("400", "401", "404", "409", "422")),
        ])
        paths["/api/v1/tasks"] = .object([
            "get": operation("My open check-in and redeployment tasks due now (or within withinDays); all=true for the firm's.",
                             tag: "pipeline",
                             parameters: [parameter(PipelineParameters.tasksWithinDays), parameter(PipelineParameters.everyonesTasks)],
                             responses: ["200": response("The tasks.", schema: object)] + errors("401", "422")),
        ])
        paths["/api/v1/tasks/{id}"] = .object([
            "parameters": .array([id]),
            "get": operation("A task; a redeployment task lists the consultant's next matching openings.", tag: "pipeline",
                             parameters: [parameter(PipelineParameters.openings)],
                             responses: ["200": response("Found.", schema: object)] + errors("401", "404", "422")),
        ])
        paths["/api/v1/tasks/{id}/close"] = .object([
            "parameters": .array([id]),
            "post": operation("Close a task as done, or cancelled with a reason.", tag: "pipeline", body: schemaRef("CloseTask"),
                              responses: ["200": response("Closed.", schema: object)] + errors("400", "401", "404", "409", "422")),
        ])
        paths["/api/v1/candidates/{id}/planned-surveys"] = .object([
            "parameters": .array([id]),
            "get": operation("Surveys planned for the candidate: pending, sent, or skipped with why.", tag: "surveys",
                             responses: ["200": response("The planned surveys.", schema: object)] + errors("401", "404")),
        ])
        paths["/api/v1/candidates/{id}/handover"] = .object([
            "parameters": .array([id]),
            "post": operation("Hand the candidate to another practice and owner, keeping a note on their timeline.", tag: "practices",
                              body: schemaRef("Handover"),
                              responses: ["200": response("The candidate, in their new practice.", schema: object)]
                                  + errors("400", "401", "404", "409", "422")),
        ])
        paths["/api/v1/overlaps"] = .object([
            "get": operation("Candidates pitched by two practices within 14 days (each reported to both leads by e-mail), newest first.",
                             tag: "practices",
                             parameters: [parameter(PipelineParameters.overlapPractice), parameter(PipelineParameters.overlapDays)],
                             responses: ["200": response("The overlaps.", schema: object)] + errors("401", "404", "422")),
        ])
        let periodParameter = parameter(InsightParameters.period)
        paths["/api/v1/scorecards"] = .object([
            "get": operation("""
                Quality scorecards of a period: each recruiter's and practice's, ranked by quality score alone (none under 15 \
                survey answers), and the firm's. Activity is reported apart and never ranked. The formula is in the response.
                """, tag: "scorecards",
                parameters: [periodParameter, parameter(InsightParameters.practice)],
                responses: ["200": response("The scorecards.", schema: object)] + errors("401", "404", "422")),
        ])
        paths["/api/v1/scorecards/recruiters/{id}"] = .object([
            "parameters": .array([id]),
            "get": operation("One recruiter's scorecard for a period.", tag: "scorecards", parameters: [periodParameter],
                             responses: ["200": response("The scorecard.", schema: object)] + errors("401", "404", "422")),
        ])
        paths["/api/v1/insights/market"] = .object([
            "get": operation("""
                Pay by skill × region × month (median and quartiles, each region in its own currency) from jobs and placements, \
                and demand (open jobs) against supply (available candidates) by skill and by practice.
                """, tag: "insights",
                parameters: [parameter(InsightParameters.months), parameter(InsightParameters.skills)],
                responses: ["200": response("The insights.", schema: object)] + errors("401", "422")),
        ])
        return paths
    }
}
