import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportOutreach

/// Outreach, replies and follow-up obligations: the recruiter's side, behind an API token.
enum OutreachRoutes {
    static func register(on group: RouterGroup<RapportRequestContext>, outreach: OutreachService) {
        group.post("outreach/preview") { request, context in
            let user = try context.requireUser()
            let body = try await RequestBody.decode(OutreachRequestDocument.self, from: request, schema: OutreachRequestDocument.schema)
            let preview = try await outreach.preview(body.request, by: user)
            return PreviewDocument(verdict: VerdictDocument(preview.verdict), jobs: preview.jobs.map(AssessedJobDocument.init),
                                   message: MessageDocument(preview.content))
        }
        group.post("outreach") { request, context -> Response in
            let user = try context.requireUser()
            let body = try await RequestBody.decode(OutreachRequestDocument.self, from: request, schema: OutreachRequestDocument.schema)
            do {
                let (stored, verdict) = try await outreach.send(body.request, by: user)
                return try EditedResponse(status: .created, response: OutreachDocument(stored, verdict: verdict)).response(from: request, context: context)
            } catch let refused as OutreachRefused {
                return try PolicyBlockedDocument.response(refused)
            }
        }
        group.get("outreach") { request, _ in
            let candidate = try request.requiredID(OutreachParameters.candidate)
            let limit = try request.count(OutreachParameters.messageLimit)
            _ = try await outreach.records.store.candidate(CandidateID(candidate))
            let items = try await outreach.records.store.outreach(candidate: CandidateID(candidate), limit: limit)
            return OutreachListDocument(items: items.map { OutreachDocument($0) })
        }
        group.get("outreach/{id}") { _, context in
            OutreachDocument(try await outreach.outreach(OutreachID(try context.id())))
        }
        group.post("outreach/{id}/cancel") { _, context in
            _ = try context.requireUser()
            return OutreachDocument(try await outreach.cancel(OutreachID(try context.id())))
        }

        group.get("candidates/{id}/timeline") { _, context in
            let entries = try await outreach.timeline(for: CandidateID(try context.id()))
            return TimelineDocument(items: entries.map(TimelineDocument.Entry.init))
        }
        group.post("surveys") { request, context -> Response in
            let user = try context.requireUser()
            let body = try await RequestBody.decode(SurveyRequestDocument.self, from: request, schema: SurveyRequestDocument.schema)
            do {
                let (stored, verdict) = try await outreach.sendSurvey(to: body.candidateID, trigger: body.trigger, by: user)
                return try EditedResponse(status: .created, response: OutreachDocument(stored, verdict: verdict)).response(from: request, context: context)
            } catch let refused as OutreachRefused {
                return try PolicyBlockedDocument.response(refused)
            }
        }
        group.get("surveys") { request, _ in
            let candidate = try request.requiredID(OutreachParameters.candidate)
            _ = try await outreach.records.store.candidate(CandidateID(candidate))
            let surveys = try await outreach.records.store.surveys(candidate: CandidateID(candidate))
            return SurveyListDocument(items: surveys.map { SurveyDocument($0, now: outreach.records.now()) })
        }

        group.post("replies") { request, context in
            let user = try context.requireUser()
            let body = try await RequestBody.decode(LoggedReplyDocument.self, from: request, schema: LoggedReplyDocument.schema)
            let (reply, obligation) = try await outreach.log(
                LoggedReply(candidateID: body.candidateID, outreachID: body.outreachID, channel: body.channel, text: body.text,
                            receivedAt: body.receivedAt ?? outreach.records.now()), by: user)
            return EditedResponse(status: .created, response: try await replyDocument(reply, obligation: obligation, outreach: outreach))
        }
        group.get("replies") { request, _ in
            let candidate = try request.requiredID(OutreachParameters.candidate)
            _ = try await outreach.records.store.candidate(CandidateID(candidate))
            var items: [ReplyDocument] = []
            for reply in try await outreach.records.store.replies(candidate: CandidateID(candidate)) {
                items.append(try await replyDocument(reply, obligation: nil, outreach: outreach))
            }
            return ReplyListDocument(items: items)
        }
        group.get("replies/{id}") { _, context in
            let reply = try await outreach.records.store.reply(ReplyID(try context.id()))
            return try await replyDocument(reply, obligation: nil, outreach: outreach)
        }
        group.post("replies/{id}/classification") { request, context in
            _ = try context.requireUser()
            let id = ReplyID(try context.id())
            let body = try await RequestBody.decode(ClassificationDocument.self, from: request, schema: ClassificationDocument.schema)
            let reply = try await outreach.correct(id, to: body.replyIntent)
            return try await replyDocument(reply, obligation: nil, outreach: outreach)
        }
        group.post("replies/{id}/suggestions/{index}") { request, context in
            let user = try context.requireUser()
            let id = ReplyID(try context.id())
            guard let index = Int(context.parameters.get("index") ?? ""), index >= 0 else {
                throw APIError.unprocessable([ValidationIssue(field: "index", message: "must be a suggestion's number, from 0")])
            }
            let body = try await RequestBody.decode(SettleDocument.self, from: request, schema: SettleDocument.schema)
            let reply = try await outreach.settle(id, suggestion: index, apply: body.action == "apply", values: body.change, by: user)
            return try await replyDocument(reply, obligation: nil, outreach: outreach)
        }

        group.get("obligations") { request, context in
            let user = try context.requireUser()
            let limit = try request.count(OutreachParameters.myObligationLimit)
            return obligationList(try await outreach.obligations(of: user.id, limit: limit), now: outreach.records.now())
        }
        group.get("obligations/unanswered") { request, _ in
            let limit = try request.count(OutreachParameters.unansweredLimit)
            return obligationList(try await outreach.unanswered(limit: limit), now: outreach.records.now())
        }
        group.get("obligations/{id}") { _, context in
            let id = ObligationID(try context.id())
            let obligation = try await outreach.records.store.obligation(id)
            return ObligationDocument(obligation, now: outreach.records.now(), events: try await outreach.records.store.obligationEvents(id))
        }
        group.post("obligations/{id}/fulfil") { request, context in
            let user = try context.requireUser()
            let body = try await RequestBody.decode(FulfilDocument.self, from: request, schema: FulfilDocument.schema)
            let obligation = try await outreach.fulfil(ObligationID(try context.id()), by: body.outreachID, actor: user)
            return ObligationDocument(obligation, now: outreach.records.now())
        }
        group.post("obligations/{id}/reassign") { request, context in
            let user = try context.requireUser()
            let body = try await RequestBody.decode(ReassignDocument.self, from: request, schema: ReassignDocument.schema)
            let obligation = try await outreach.reassign(ObligationID(try context.id()), to: body.userID, note: body.note ?? "", actor: user)
            return ObligationDocument(obligation, now: outreach.records.now())
        }
    }

    static func obligationList(_ obligations: [FollowUpObligation], now: Date) -> ObligationListDocument {
        ObligationListDocument(items: obligations.map { ObligationDocument($0, now: now) },
                               overdue: obligations.filter { $0.isOverdue(at: now) }.count)
    }

    /// A reply with its obligation and, for a decline, a close-the-loop answer ready to send.
    static func replyDocument(_ reply: Reply, obligation: FollowUpObligation?, outreach: OutreachService) async throws -> ReplyDocument {
        var obligation = obligation
        if obligation == nil { obligation = try await outreach.records.store.obligation(reply: reply.id) }
        let answer = try await outreach.suggestedAnswer(to: reply)
        return ReplyDocument(reply, obligation: obligation, suggestedAnswer: answer)
    }
}

extension PolicyBlockedDocument {
    /// The answer when the policy refuses a message: 422 with every reason.
    static func response(_ refused: OutreachRefused) throws -> Response {
        Response(status: .unprocessableContent, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: try APIDates.encoder.encode(PolicyBlockedDocument(refused)))))
    }
}
