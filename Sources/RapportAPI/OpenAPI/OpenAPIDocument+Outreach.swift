import Foundation
import RapportCore
import RapportFormats

extension OpenAPIDocument {
    /// Request bodies of the outreach routes, checked by the same schemas.
    static let outreachComponents: [String: Schema] = [
        "OutreachRequest": OutreachRequestDocument.schema,
        "LoggedReply": LoggedReplyDocument.schema,
        "Classification": ClassificationDocument.schema,
        "SettleSuggestion": SettleDocument.schema,
        "Fulfil": FulfilDocument.schema,
        "Reassign": ReassignDocument.schema,
        "SurveyRequest": SurveyRequestDocument.schema,
        "Discovery": DiscoveryDocument.schema,
        "Cadence": CadenceDocument.schema,
        "Verdict": .object("The contact policy's decision with every reason, as the recruiter reads it.", [
            required("decision", Schema.string().oneOf(["allowed", "held", "blocked"])),
            optional("sendAt", .dateTime.described("When it goes: now, or when the candidate's quiet hours end.")),
            optional("heldReason", .string("quiet_hours")),
            required("violations", .array(.object(nil, [
                required("code", .string("below_threshold, pitch_limit_reached, already_pitched, ineligible, opted_out, …")),
                required("message", .string()),
                required("overridable", .boolean("Only a fit below the threshold may be overridden, with a written reason.")),
            ]))),
            required("overridden", .boolean()),
            optional("overrideReason", .string()),
            required("explanation", .array(.string())),
        ]),
    ]

    /// The outreach, reply, obligation, inbound and candidate-link routes.
    static var outreachPaths: [String: JSONValue] {
        let tag = "outreach"
        let id = idParameter
        let candidateFilter = parameter(OutreachParameters.candidate)
        let object = JSONValue.object(["type": .string("object")])
        let html = { (description: String) in JSONValue.object(["description": .string(description),
                                                               "content": .object(["text/html": .object([:])])]) }
        var paths: [String: JSONValue] = [:]
        paths["/api/v1/outreach/preview"] = .object([
            "post": operation("Compose a message and check it against the contact policy; nothing is stored.", tag: tag,
                              body: schemaRef("OutreachRequest"),
                              responses: ["200": response("The verdict, the jobs with their fit, and the message.", schema: object)]
                                  + errors("400", "401", "404", "413", "422")),
        ])
        paths["/api/v1/outreach"] = .object([
            "get": operation("A candidate's messages, newest first.", tag: tag, parameters: [candidateFilter, parameter(OutreachParameters.messageLimit)],
                             responses: ["200": response("The messages.", schema: object)] + errors("401", "404", "422")),
            "post": operation("""
                Queue an e-mail (held until the candidate's quiet hours end) or log a contact. Refused with 422 \
                policy_blocked and the verdict when the relevance gate or contact policy says no; checked again at send time.
                """, tag: tag, body: schemaRef("OutreachRequest"),
                responses: ["201": response("Queued or logged, with the verdict.", schema: object)]
                    + errors("400", "401", "404", "413", "422")),
        ])
        paths["/api/v1/outreach/{id}"] = .object([
            "parameters": .array([id]),
            "get": operation("A message: status, delivery attempts, the candidate's relevance feedback.", tag: tag,
                             responses: ["200": response("Found.", schema: object)] + errors("401", "404")),
        ])
        paths["/api/v1/outreach/{id}/cancel"] = .object([
            "parameters": .array([id]),
            "post": operation("Withdraw a message still waiting in the outbox.", tag: tag,
                              responses: ["200": response("Cancelled.", schema: object)] + errors("401", "404", "409")),
        ])
        paths["/api/v1/replies"] = .object([
            "get": operation("A candidate's replies, newest first.", tag: "replies", parameters: [candidateFilter],
                             responses: ["200": response("The replies.", schema: object)] + errors("401", "404", "422")),
            "post": operation("Log a reply received outside e-mail; it is classified and opens a follow-up obligation.",
                              tag: "replies", body: schemaRef("LoggedReply"),
                              responses: ["201": response("Stored, with its classification and obligation.", schema: object)]
                                  + errors("400", "401", "404", "413", "422")),
        ])
        paths["/api/v1/replies/{id}"] = .object([
            "parameters": .array([id]),
            "get": operation("A reply: classification with evidence, suggested changes, obligation, pre-filled answer.",
                             tag: "replies", responses: ["200": response("Found.", schema: object)] + errors("401", "404")),
        ])
        paths["/api/v1/replies/{id}/classification"] = .object([
            "parameters": .array([id]),
            "post": operation("Correct the classification; an unsubscribe or a dated not-now applies at once.", tag: "replies",
                              body: schemaRef("Classification"),
                              responses: ["200": response("The reply as corrected.", schema: object)] + errors("400", "401", "404", "422")),
        ])
        paths["/api/v1/replies/{id}/suggestions/{index}"] = .object([
            "parameters": .array([id, .object([
                "name": .string("index"), "in": .string("path"), "required": .bool(true), "schema": render(.integer(minimum: 0)),
            ])]),
            "post": operation("Apply (with the values chosen) or dismiss a suggested change, such as a referral or a new minimum pay.",
                              tag: "replies", body: schemaRef("SettleSuggestion"),
                              responses: ["200": response("The reply.", schema: object)] + errors("400", "401", "404", "409", "422")),
        ])
        paths["/api/v1/obligations"] = .object([
            "get": operation("My open follow-up obligations, overdue first.", tag: "obligations",
                             parameters: [parameter(OutreachParameters.myObligationLimit)],
                             responses: ["200": response("The obligations and how many are overdue.", schema: object)] + errors("401", "422")),
        ])
        paths["/api/v1/obligations/unanswered"] = .object([
            "get": operation("Every unanswered reply in the firm, overdue first.", tag: "obligations",
                             parameters: [parameter(OutreachParameters.unansweredLimit)],
                             responses: ["200": response("The obligations.", schema: object)] + errors("401", "422")),
        ])
        paths["/api/v1/obligations/{id}"] = .object([
            "parameters": .array([id]),
            "get": operation("An obligation with its history: opened, reassigned, escalated, fulfilled.", tag: "obligations",
                             responses: ["200": response("Found.", schema: object)] + errors("401", "404")),
        ])
        paths["/api/v1/obligations/{id}/fulfil"] = .object([
            "parameters": .array([id]),
            "post": operation("Fulfil with the message or logged call that answered the reply (a human answer after it).",
                              tag: "obligations", body: schemaRef("Fulfil"),
                              responses: ["200": response("Fulfilled.", schema: object)] + errors("400", "401", "404", "409", "422")),
        ])
        paths["/api/v1/obligations/{id}/reassign"] = .object([
            "parameters": .array([id]),
            "post": operation("Hand the obligation to another recruiter; the deadline stays.", tag: "obligations",
                              body: schemaRef("Reassign"),
                              responses: ["200": response("Reassigned.", schema: object)] + errors("400", "401", "404", "409", "422")),
        ])
        paths["/api/v1/candidates/{id}/timeline"] = .object([
            "parameters": .array([id]),
            "get": operation("Everything between the firm and the candidate, oldest first: messages, logged contacts, replies, follow-ups, surveys, "
                             + "pipeline moves, placements, handovers, and notes the firm's old system kept (kind note).",
                             tag: "outreach", responses: ["200": response("The timeline.", schema: object)] + errors("401", "404")),
        ])
        paths["/api/v1/candidates/{id}/discovery"] = .object([
            "parameters": .array([id]),
            "post": operation("Record a discovery conversation: logged as a contact, the profile updated, the keep-in-touch cadence set.",
                              tag: "relationship", body: schemaRef("Discovery"),
                              responses: ["201": response("Recorded.", schema: object)] + errors("400", "401", "404", "409", "422")),
        ])
        paths["/api/v1/candidates/{id}/relationship"] = .object([
            "parameters": .array([id]),
            "get": operation("Discovery before the first pitch, and the next touch.", tag: "relationship",
                             responses: ["200": response("The summary.", schema: object)] + errors("401", "404")),
        ])
        paths["/api/v1/candidates/{id}/cadence"] = .object([
            "parameters": .array([id]),
            "put": operation("Set how often the candidate wants to hear from us; the next touch follows the last contact.",
                             tag: "relationship", body: schemaRef("Cadence"),
                             responses: ["200": response("The schedule.", schema: object)] + errors("400", "401", "404", "422")),
        ])
        paths["/api/v1/touches"] = .object([
            "get": operation("My candidates due a touch now (or within withinDays), soonest first.", tag: "relationship",
                             parameters: [parameter(OutreachParameters.touchesWithinDays)],
                             responses: ["200": response("The touches.", schema: object)] + errors("401", "422")),
        ])
        paths["/api/v1/surveys"] = .object([
            "get": operation("A candidate's surveys with their state (open, answered, expired) and answers.", tag: "surveys",
                             parameters: [candidateFilter],
                             responses: ["200": response("The surveys.", schema: object)] + errors("401", "404", "422")),
            "post": operation("Send a survey (NPS 0-10, understood my goals 1-5, comment) through the outreach pipeline.", tag: "surveys",
                              body: schemaRef("SurveyRequest"),
                              responses: ["201": response("Queued, with the verdict.", schema: object)] + errors("400", "401", "404", "422")),
        ])
        paths["/survey/{token}"] = .object([
            "parameters": .array([tokenParameter]),
            "get": operation("The survey form; a used or expired link gets a page saying so (410).", tag: "candidate links", secured: false,
                             responses: ["200": html("The form."), "404": html("Unknown link."), "410": html("Answered or expired.")]),
            "post": operation("Answer once (form fields nps, understood, comment); a detractor's answer opens a follow-up for the practice lead.",
                              tag: "candidate links", secured: false,
                              responses: ["200": html("Thank you."), "404": html("Unknown link."), "410": html("Answered or expired."),
                                          "422": html("A field is wrong; the form says which.")]),
        ])
        paths["/api/v1/inbound/email"] = .object([
            "post": operation("""
                A raw RFC 5322 reply (message/rfc822), as an MTA pipe or a raw-MIME webhook delivers it. Authenticated by \
                the inbound shared secret (Authorization: Bearer or X-Rapport-Inbound-Secret), not a user token. Threads \
                by In-Reply-To, References, the replies+TOKEN address or the sender; a repeated Message-ID changes nothing.
                """, tag: "inbound", secured: false, body: .object(["type": .string("string"), "format": .string("binary")]),
                contentType: "message/rfc822",
                responses: ["201": response("Stored and classified, with its obligation.", schema: object),
                            "200": response("A duplicate, an unsubscribe, or ignored (with the reason).", schema: object),
                            "503": response("Inbound e-mail is not configured.", schema: schemaRef("Error"))]
                    + errors("400", "401", "413", "422")),
        ])
        paths["/unsubscribe/{token}"] = .object([
            "parameters": .array([tokenParameter]),
            "get": operation("The unsubscribe confirmation page; changes nothing (mail scanners follow links).", tag: "candidate links",
                             secured: false, responses: ["200": html("The page."), "404": html("Unknown link.")]),
            "post": operation("RFC 8058 one-click unsubscribe (body List-Unsubscribe=One-Click): suppresses at once; idempotent.",
                              tag: "candidate links", secured: false,
                              responses: ["200": html("Unsubscribed."), "404": html("Unknown link.")]),
        ])
        paths["/feedback/{token}/relevant"] = .object([
            "parameters": .array([tokenParameter]),
            "get": operation("Asks to confirm the message was relevant; records nothing (mail scanners follow links).",
                             tag: "candidate links", secured: false, responses: ["200": html("The question."), "404": html("Unknown link.")]),
            "post": operation("Records that the message was relevant; a later answer replaces an earlier one.", tag: "candidate links",
                              secured: false, responses: ["200": html("Thank-you page."), "404": html("Unknown link.")]),
        ])
        paths["/feedback/{token}/not-relevant"] = .object([
            "parameters": .array([tokenParameter]),
            "get": operation("Asks to confirm the message was not relevant; records nothing (mail scanners follow links).",
                             tag: "candidate links", secured: false, responses: ["200": html("The question."), "404": html("Unknown link.")]),
            "post": operation("Records that the message was not relevant; a later answer replaces an earlier one.", tag: "candidate links",
                              secured: false, responses: ["200": html("Thank-you page."), "404": html("Unknown link.")]),
        ])
        paths["/preferences/{token}"] = .object([
            "parameters": .array([tokenParameter]),
            "get": operation("The candidate's contact preferences form.", tag: "candidate links", secured: false,
                             responses: ["200": html("The form."), "404": html("Unknown link.")]),
            "post": operation("Save contact preferences (form fields maxJobPitchesPer30Days, quietStart, quietEnd, doNotContact).",
                              tag: "candidate links", secured: false,
                              responses: ["200": html("Saved."), "404": html("Unknown link."), "422": html("A field is wrong; the form says which.")]),
        ])
        return paths
    }

    static let tokenParameter = JSONValue.object([
        "name": .string("token"), "in": .string("path"), "required": .bool(true), "schema": render(.string(maxLength: 64)),
    ])
}

