import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportFormats
import RapportImport
import RapportMatch
import RapportOutreach

/// The candidate portal's pages.
extension WebRoutes {
    func registerPortal(on pages: RouterGroup<RapportRequestContext>) {
        let portal = CandidatePortal(outreach: outreach)
        pages.get("portal") { _, context -> Response in
            if Self.candidate(context) != nil { return Response(status: .seeOther, headers: [.location: "/portal/me"]) }
            return portalForm(context: context, sent: false)
        }
        pages.post("portal/link") { request, context -> Response in
            let form = try await Self.form(request)
            guard SessionManager.preSessionTokenMatches(request, form: form["csrf"]) else { throw HTTPError(.forbidden) }
            try await portal.requestLink(email: form["email"] ?? "", from: context.remoteAddress ?? "unknown")
            return portalForm(context: context, sent: true)
        }
        // Opening the link only shows a button: mail scanners fetch links, and must not use them up.
        pages.get("portal/sign-in/{token}") { _, context -> Response in
            let (cookie, csrf) = sessions.preSessionToken()
            var response = views.response(PortalLinkPage(layout: Layout(title: "Sign in", context: context), csrf: csrf), template: "portal-link",
                                          headers: [.referrerPolicy: "no-referrer"])
            response.setCookie(cookie)
            return response
        }
        pages.post("portal/sign-in/{token}") { request, context -> Response in
            let form = try await Self.form(request)
            guard SessionManager.preSessionTokenMatches(request, form: form["csrf"]) else { throw HTTPError(.forbidden) }
            let token = context.parameters.get("token") ?? ""
            switch try await outreach.records.store.usePortalLink(tokenHash: SessionManager.hash(token), at: outreach.records.now()) {
            case .signedIn(let id):
                let (cookie, _) = try await sessions.start(for: .candidate(id))
                var response = Response(status: .seeOther, headers: [.location: "/portal/me", .cacheControl: "no-store"])
                response.setCookie(cookie)
                return response
            case .alreadyUsed:
                return views.response(ErrorPage(layout: Layout(title: "Link already used", context: context), status: 410,
                                                message: "Each link works once. Ask for a new one on the portal page."), template: "error", status: .gone)
            case .expired:
                return views.response(ErrorPage(layout: Layout(title: "Link expired", context: context), status: 410,
                                                message: "Links work for 30 minutes. Ask for a new one on the portal page."), template: "error", status: .gone)
            case .unknown:
                throw HTTPError(.notFound)
            }
        }
        pages.get("portal/me") { request, context -> Response in
            let id = try Self.requireCandidate(context)
            let notice: String? = request.queryFields["saved"] != nil ? "Saved. Everyone at the firm will respect it from now on."
                : request.queryFields["answered"] != nil ? "Thank you: your recruiter has your answer." : nil
            return views.response(try await PortalPage.load(id, notice: notice, context: context, outreach: outreach), template: "portal")
        }
        pages.post("portal/preferences") { request, context -> Response in
            let id = try Self.requireCandidate(context)
            let form = try await Self.checkedForm(request, context: context)
            var problems: [ValidationIssue] = []
            let limit = Int(form["maxJobPitchesPer30Days"] ?? "")
            if limit == nil || !(0...30).contains(limit ?? -1) {
                problems.append(ValidationIssue(field: "maxJobPitchesPer30Days", message: "must be a whole number from 0 to 30"))
            }
            for field in ["quietStart", "quietEnd"] where QuietHours.minutes(form[field] ?? "") == nil {
                problems.append(ValidationIssue(field: field, message: "must be a time written HH:MM"))
            }
            let pause = (form["pausedUntil"] ?? "").isEmpty ? nil : LocalDate(form["pausedUntil"] ?? "")
            if !(form["pausedUntil"] ?? "").isEmpty && pause == nil {
                problems.append(ValidationIssue(field: "pausedUntil", message: "must be a date, YYYY-MM-DD"))
            }
            let hours = (form["workingHours"] ?? "").isEmpty ? nil : WorkingHours(rawValue: form["workingHours"] ?? "")
            if !(form["workingHours"] ?? "").isEmpty && hours == nil {
                problems.append(ValidationIssue(field: "workingHours", message: "must be full-time, part-time or either"))
            }
            let channels = form.all("channel").compactMap(ContactChannel.init(rawValue:))
            if channels.isEmpty, form["doNotContact"] != "on" {
                problems.append(ValidationIssue(field: "channel", message: "choose at least one way to reach you, or tick do not contact"))
            }
            guard problems.isEmpty, let limit else {
                let page = try await PortalPage.load(id, notice: nil, failed: .init(form, issues: problems), context: context, outreach: outreach)
                return views.response(page, template: "portal", status: .unprocessableContent)
            }
            try await outreach.updateProfile(id) { profile in
                profile.contactPreferences.maxJobPitchesPer30Days = limit
                if !channels.isEmpty { profile.contactPreferences.channels = channels }
                profile.contactPreferences.quietHours.start = form["quietStart"] ?? profile.contactPreferences.quietHours.start
                profile.contactPreferences.quietHours.end = form["quietEnd"] ?? profile.contactPreferences.quietHours.end
                profile.contactPreferences.doNotContact = form["doNotContact"] == "on"
                profile.goals.requiresDisclosedPay = form["requiresDisclosedPay"] == "on"
                profile.goals.workingHours = hours
                if let pause {
                    profile.availability = Availability(status: .notLooking, until: pause)
                } else if profile.availability.status == .notLooking {
                    profile.availability = Availability(status: .passive)
                }
            }
            return Response(status: .seeOther, headers: [.location: "/portal/me?saved=1"])
        }
        pages.post("portal/openings/{id}") { request, context -> Response in
            let candidateID = try Self.requireCandidate(context)
            let form = try await Self.checkedForm(request, context: context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
            let submission = try await outreach.records.store.submission(SubmissionID(id))
            guard submission.candidateID == candidateID else { throw HTTPError(.notFound) }
            let yes = form["answer"] == "yes"
            let reason = form["reason"].flatMap(DeclineReason.init(rawValue:))
            if !yes, reason == nil {
                let issues = [ValidationIssue(field: "reason", message: "tell us why not, so we send fewer roles like it")]
                let page = try await PortalPage.load(candidateID, notice: nil, failed: .init(opening: id, form, issues: issues), context: context,
                                                     outreach: outreach)
                return views.response(page, template: "portal", status: .unprocessableContent)
            }
            // The move is recorded as the recruiter who presented it, noting the candidate answered themself.
            let presenterID = submission.history.last { $0.to == .presented }?.by ?? submission.createdBy
            let presenter = try await outreach.records.store.user(presenterID)
            _ = try await outreach.move(submission.id, SubmissionMoveRequest(
                to: yes ? .candidateInterested : .candidateDeclined, version: submission.version, reason: yes ? nil : reason,
                note: "The candidate answered in the portal."), by: presenter)
            return Response(status: .seeOther, headers: [.location: "/portal/me?answered=1"])
        }
        pages.get("portal/data.json") { _, context -> Response in
            let id = try Self.requireCandidate(context)
            let data = try await PortalExport.data(for: id, outreach: outreach)
            return Response(status: .ok, headers: [
                .contentType: "application/json", .contentDisposition: "attachment; filename=\"my-data.json\"", .cacheControl: "no-store",
            ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        pages.post("portal/delete") { request, context -> Response in
            let id = try Self.requireCandidate(context)
            let form = try await Self.checkedForm(request, context: context)
            guard (form["confirm"] ?? "").trimmingCharacters(in: .whitespaces).uppercased() == "DELETE" else {
                let issues = [ValidationIssue(field: "confirm", message: "type DELETE to confirm; nothing was deleted")]
                let page = try await PortalPage.load(id, notice: nil, failed: .init(form, issues: issues), context: context, outreach: outreach)
                return views.response(page, template: "portal", status: .unprocessableContent)
            }
            try await outreach.records.eraseCandidate(id)
            var response = views.response(ErrorPage(layout: Layout(title: "Your data is deleted", context: context), status: 200, message: """
                Everything we held about you is gone. We keep only a scrambled fingerprint of your e-mail address and phone number, \
                which cannot be turned back into them, so that nobody here contacts you again.
                """), template: "deleted")
            response.setCookie(sessions.clearingCookie)
            return response
        }
        pages.post("portal/sign-out") { request, context -> Response in
            if let session = context.session {
                _ = try await Self.checkedForm(request, context: context)
                try await sessions.end(session)
            }
            var response = Response(status: .seeOther, headers: [.location: "/portal", .cacheControl: "no-store"])
            response.setCookie(sessions.clearingCookie)
            return response
        }
    }

    private func portalForm(context: RapportRequestContext, sent: Bool) -> Response {
        let (cookie, csrf) = sessions.preSessionToken()
        var response = views.response(PortalStartPage(layout: Layout(title: "Candidate portal", context: context), csrf: csrf, sent: sent),
                                      template: "portal-start")
        response.setCookie(cookie)
        return response
    }

    static func candidate(_ context: RapportRequestContext) -> CandidateID? {
        if case .candidate(let id) = context.session?.subject { return id }
        return nil
    }

    static func requireCandidate(_ context: RapportRequestContext) throws -> CandidateID {
        guard let id = candidate(context) else { throw WebRedirect(location: "/portal") }
        return id
    }
}

struct PortalStartPage: Sendable {
    var layout: Layout
    var csrf: String
    var sent: Bool
}

struct PortalLinkPage: Sendable {
    var layout: Layout
    var csrf: String
}

/// Everything the firm holds about a person, as JSON they can keep: their career as JSON Resume (which other tools
/// read, with the notes the firm's old system kept about them), the whole record as the API shows it, and every message, reply, submission, placement, survey, follow-up,
/// import and file (the files themselves included, in base64).
enum PortalExport {
    static func data(for id: CandidateID, outreach: OutreachService) async throws -> Data {
        let store = outreach.records.store
        let candidate = try await store.candidate(id)
        let stamp = ISO8601DateFormatter()
        func time(_ date: Date) -> JSONValue { .string(stamp.string(from: date)) }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        var document: [String: JSONValue] = [
            "exportedAt": time(outreach.records.now()),
            "about": .string("Everything \(outreach.settings.firmName) holds about you. \"resume\" is your career in the JSON Resume format "
                             + "(jsonresume.org), which other tools can read; the other sections are the firm's own records."),
            "resume": ResumeExport(taxonomy: outreach.matching.taxonomy).document(candidate.profile,
                                                                                  notes: try await store.notes(candidate: id).map(\.note),
                                                                                  externalIDs: try await store.externalIDs(candidate: id)),
            "record": try tree(CandidateDocument(candidate)),
        ]
        var jobTitles: [JobID: String] = [:]
        func title(_ id: JobID) async -> JSONValue {
            if jobTitles[id] == nil { jobTitles[id] = (try? await store.job(id))?.details.title ?? "job \(id)" }
            return .string(jobTitles[id] ?? "")
        }
        var messages: [JSONValue] = []
        for message in try await store.outreach(candidate: id, limit: 10_000) {
            messages.append(.object([
                "subject": .string(message.content.subject), "text": .string(message.content.text), "kind": .string(message.kind.rawValue),
                "channel": .string(message.channel.rawValue), "status": .string(message.status.rawValue),
                "at": time(message.sentAt ?? message.sendAfter),
            ]))
        }
        document["messages"] = .array(messages)
        document["replies"] = .array(try await store.replies(candidate: id).map {
            .object(["subject": .string($0.subject), "text": .string($0.text), "channel": .string($0.channel.rawValue), "receivedAt": time($0.receivedAt)])
        })
        var submissions: [JSONValue] = []
        for submission in try await store.submissions(candidate: id) {
            submissions.append(.object([
                "job": await title(submission.jobID), "stage": .string(submission.stage.rawValue),
                "history": .array(submission.history.map { .object(["to": .string($0.to.rawValue), "at": time($0.at), "note": .string($0.note)]) }),
            ]))
        }
        document["submissions"] = .array(submissions)
        var placements: [JSONValue] = []
        for placement in try await store.placements(candidate: id) {
            placements.append(.object(["job": await title(placement.jobID), "start": .string(placement.terms.start.description),
                                       "end": text(placement.terms.end?.description)]))
        }
        document["placements"] = .array(placements)
        document["surveys"] = .array(try await store.surveys(candidate: id).map {
            .object(["trigger": .string($0.trigger.rawValue), "nps": $0.answer.map { .integer(Int64($0.nps)) } ?? .null,
                     "comment": text($0.answer?.comment)])
        })
        document["followUps"] = .array(try await store.obligations(candidate: id).map {
            .object(["reason": .string($0.reason.rawValue), "opened": time($0.openedAt), "due": time($0.dueAt),
                     "status": .string($0.status.rawValue), "fulfilled": $0.fulfilledAt.map(time) ?? .null])
        })
        document["imports"] = .array(try await store.importHistory(candidate: id).map {
            .object(["file": .string($0.fileName), "record": .integer(Int64($0.record)), "outcome": .string($0.outcome.rawValue), "at": time($0.at)])
        })
        var files: [JSONValue] = []
        for file in try await store.attachments(candidate: id) {
            files.append(.object([
                "name": .string(file.fileName), "kind": .string(file.kind.rawValue), "size": .integer(Int64(file.size)),
                "sha256": .string(file.sha256), "uploadedAt": time(file.uploadedAt),
                "contentBase64": .string(try await store.attachmentContent(file.id).base64EncodedString()),
            ]))
        }
        document["files"] = .array(files)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONValue.object(document))
    }

    /// An API document as a JSON tree, dates as ISO 8601.
    private static func tree(_ value: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))
    }
}
