import Foundation
import Hummingbird
import RapportCore
import RapportMatch
import RapportOutreach

/// Composing a job pitch: the openings that fit, the gate's verdict with every reason before anything is sent, the
/// message as the candidate would read it, and sending (or holding for quiet hours), with an override only by a written
/// reason.
struct ComposePage: Sendable {
    struct Choice: Sendable {
        var id: Int64
        var title: String
        var fit: Int
        var checked: Bool
        /// Why this one cannot be pitched (already put to them, pitched before): shown instead of a box to tick.
        var state: String? = nil
    }

    var layout: Layout
    var candidateID: Int64
    var name: String
    var choices: [Choice]
    var note: String
    var overrideReason: String
    /// "allowed", "held" or "blocked"; nil before any job is chosen.
    var decision: String?
    var blocked: Bool
    var overridable: Bool
    var reasons: [String]
    var subject: String?
    var message: String?
    var problem: String?

    /// The page for `jobs` chosen (none: just the openings to choose from).
    static func load(
        candidate id: CandidateID, jobs: [JobID], note: String, overrideReason: String, problem: String?, context: RapportRequestContext,
        user: User, outreach: OutreachService
    ) async throws -> ComposePage {
        let candidate = try await outreach.records.store.candidate(id)
        // The same openings the candidate page suggests: those the gate would let go, and those already with them shown
        // with their state; none below the threshold.
        let (openings, _) = try await CandidateProfilePage.opportunities(for: id, outreach: outreach, limit: 10)
        var choices = openings.map {
            Choice(id: $0.jobID, title: $0.title, fit: $0.fit, checked: jobs.contains(JobID($0.jobID)), state: $0.state)
        }
        // A job chosen that is not among the best (a link from elsewhere) is still shown, checked.
        for job in jobs where !choices.contains(where: { $0.id == job.rawValue }) {
            if let found = try? await outreach.records.store.job(job) {
                let fit = try? await outreach.matching.fit(candidate: id, job: job).score
                choices.append(Choice(id: job.rawValue, title: found.details.title, fit: fit ?? 0, checked: true))
            }
        }
        var page = ComposePage(
            layout: Layout(title: "Compose for \(candidate.profile.name)", context: context, section: "candidates"), candidateID: id.rawValue,
            name: candidate.profile.name, choices: choices, note: note, overrideReason: overrideReason, decision: nil, blocked: false,
            overridable: false, reasons: [], subject: nil, message: nil, problem: problem)
        guard !jobs.isEmpty else { return page }
        let preview = try await outreach.preview(request(id, jobs: jobs, note: note, overrideReason: overrideReason), by: user)
        page.decision = switch preview.verdict.decision {
        case .allowed: "allowed"
        case .held: "held"
        case .blocked: "blocked"
        }
        page.blocked = preview.verdict.isBlocked
        page.overridable = !preview.verdict.violations.isEmpty && preview.verdict.violations.allSatisfy(\.isOverridable)
        page.reasons = preview.verdict.explanation
        page.subject = preview.content.subject
        page.message = preview.content.text
        return page
    }

    static func request(_ id: CandidateID, jobs: [JobID], note: String, overrideReason: String) -> OutreachRequest {
        let trimmed = overrideReason.trimmingCharacters(in: .whitespacesAndNewlines)
        return OutreachRequest(candidateID: id, kind: .opportunity, jobIDs: jobs, note: note.isEmpty ? nil : note,
                               overrideReason: trimmed.isEmpty ? nil : trimmed)
    }
}

/// Answering a candidate who is waiting: by e-mail (threaded under their reply) or by logging a call that happened.
struct AnswerForm: Sendable {
    var obligationID: Int64
    var what: String
    var due: String
    var late: Bool
    /// What they are waiting about: their reply as they wrote it, or how their submission ended.
    var asked: String?
    var question: String?
    /// What was typed, and what was wrong, when an answer failed.
    var note = ""
    var byPhone = false
    var problem: String?

    /// An answer that failed, to show again on its form.
    struct Failed: Sendable {
        var obligationID: Int64
        var note: String
        var byPhone: Bool
        var problem: String
    }
}

/// Recording a discovery conversation: empty at first, or as it was sent with what was wrong.
struct DiscoveryForm: Sendable {
    static let labels = [
        "channel": "How", "notes": "What you learnt", "targetRoles": "Roles they want next", "goals": "Roles they want next",
        "cadenceDays": "How often to keep in touch",
    ]

    var channels: [CandidatesPage.Option]
    var notes = ""
    var targetRoles = ""
    var cadenceDays = ""
    var problems: [String] = []
    var channelProblem: String?
    var notesProblem: String?
    var targetRolesProblem: String?
    var cadenceProblem: String?
    /// Open on the page when it comes back with problems.
    var open = false

    init(_ form: FormFields? = nil, issues: [ValidationIssue] = []) {
        let chosen = form?["channel"] ?? "phone"
        channels = [("phone", "phone"), ("meeting", "meeting"), ("linkedin", "LinkedIn"), ("sms", "text message")].map {
            CandidatesPage.Option(value: $0.0, label: $0.1, selected: $0.0 == chosen)
        }
        guard let form else { return }
        notes = form["notes"] ?? ""
        targetRoles = form["targetRoles"] ?? ""
        cadenceDays = form["cadenceDays"] ?? ""
        let feedback = FormFeedback(issues, labels: Self.labels)
        problems = feedback.problems
        channelProblem = feedback["channel"]
        notesProblem = feedback["notes"]
        targetRolesProblem = feedback["targetRoles"] ?? feedback["goals"]
        cadenceProblem = feedback["cadenceDays"]
        open = !issues.isEmpty
    }
}

extension WebRoutes {
    func registerCompose(on pages: RouterGroup<RapportRequestContext>) {
        pages.get("candidates/{id}/compose") { request, context -> Response in
            let user = try Self.staff(context)
            let id = try Self.candidateID(context)
            let query = request.queryFields
            // Every job ticked goes to the gate, which says when there are too many; none ticked is said, not ignored.
            let jobs = Self.jobs(query.all("job"))
            let note = String((query["note"] ?? "").prefix(5000))
            let reason = String((query["overrideReason"] ?? "").prefix(1000))
            let problem = jobs.isEmpty && query.contains("note") ? "Tick at least one opening to check and preview a pitch." : nil
            return views.response(try await ComposePage.load(candidate: id, jobs: jobs, note: note, overrideReason: reason, problem: problem,
                                                             context: context, user: user, outreach: outreach), template: "compose")
        }
        pages.post("candidates/{id}/compose") { request, context -> Response in
            let user = try Self.staff(context)
            let id = try Self.candidateID(context)
            let form = try await Self.checkedForm(request, context: context)
            let jobs = Self.jobs(form.all("job"))
            let note = form["note"] ?? ""
            let reason = form["overrideReason"] ?? ""
            do {
                _ = try await outreach.send(ComposePage.request(id, jobs: Array(jobs), note: note, overrideReason: reason), by: user)
                return Response(status: .seeOther, headers: [.location: "/candidates/\(id)?sent=1"])
            } catch let refused as OutreachRefused {
                var page = try await ComposePage.load(candidate: id, jobs: Array(jobs), note: note, overrideReason: reason,
                                                      problem: "Not sent: the contact policy said no.", context: context, user: user,
                                                      outreach: outreach)
                page.reasons = refused.verdict.explanation
                return views.response(page, template: "compose", status: .unprocessableContent)
            } catch RapportError.invalid(let issues) {
                let page = try await ComposePage.load(
                    candidate: id, jobs: Array(jobs), note: note, overrideReason: reason,
                    problem: issues.map { "\($0.field) \($0.message)" }.joined(separator: "; "), context: context, user: user, outreach: outreach)
                return views.response(page, template: "compose", status: .unprocessableContent)
            }
        }
        pages.post("candidates/{id}/discovery") { request, context -> Response in
            let user = try Self.staff(context)
            let id = try Self.candidateID(context)
            let form = try await Self.checkedForm(request, context: context)
            do {
                guard let channel = form["channel"].flatMap(OutreachChannel.init(rawValue:)) else {
                    throw RapportError.invalid(field: "channel", "choose how the conversation happened")
                }
                var goals: CareerGoals?
                let roles = (form["targetRoles"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if !roles.isEmpty {
                    var current = try await outreach.records.store.candidate(id).profile.goals
                    current.targetRoles = roles
                    goals = current
                }
                let cadence = (form["cadenceDays"] ?? "").trimmingCharacters(in: .whitespaces)
                guard cadence.isEmpty || Int(cadence) != nil else {
                    throw RapportError.invalid(field: "cadenceDays", "must be a number of days, from 7 to 365 (got \"\(cadence.prefix(20))\")")
                }
                _ = try await outreach.recordDiscovery(DiscoveryRecord(
                    candidateID: id, channel: channel, occurredAt: outreach.records.now(), notes: form["notes"] ?? "", goals: goals,
                    cadenceDays: Int(cadence)), by: user)
                return Response(status: .seeOther, headers: [.location: "/candidates/\(id)?discovered=1"])
            } catch RapportError.invalid(let issues) {
                let page = try await CandidateProfilePage.load(id, discovery: DiscoveryForm(form, issues: issues), context: context, outreach: outreach)
                return views.response(page, template: "candidate", status: .unprocessableContent)
            }
        }
        pages.post("candidates/{id}/answer") { request, context -> Response in
            let user = try Self.staff(context)
            let id = try Self.candidateID(context)
            let form = try await Self.checkedForm(request, context: context)
            let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let obligation = try await outreach.records.store.obligation(ObligationID(Int64(form["obligationID"] ?? "") ?? 0))
            guard obligation.candidateID == id else { throw HTTPError(.notFound) }
            let byPhone = form["how"] == "phone"
            do {
                guard !note.isEmpty else { throw RapportError.invalid(field: "note", "must say what you told them") }
                if byPhone {
                    _ = try await outreach.send(OutreachRequest(candidateID: id, kind: .checkIn, channel: .phone, note: note,
                                                                occurredAt: outreach.records.now()), by: user)
                } else {
                    _ = try await outreach.send(OutreachRequest(candidateID: id, kind: .checkIn, note: note, replyID: obligation.replyID), by: user)
                }
                return Response(status: .seeOther, headers: [.location: "/candidates/\(id)?answered=1"])
            } catch RapportError.invalid(let issues) {
                let feedback = FormFeedback(issues, labels: ["note": "Your answer", "replyID": "The reply", "occurredAt": "When"])
                let failed = AnswerForm.Failed(obligationID: obligation.id.rawValue, note: form["note"] ?? "", byPhone: byPhone,
                                               problem: feedback.problems.joined(separator: " "))
                let page = try await CandidateProfilePage.load(id, answer: failed, context: context, outreach: outreach)
                return views.response(page, template: "candidate", status: .unprocessableContent)
            } catch let refused as OutreachRefused {
                let failed = AnswerForm.Failed(obligationID: obligation.id.rawValue, note: form["note"] ?? "", byPhone: byPhone,
                                               problem: "Not sent: " + refused.verdict.explanation.joined(separator: " "))
                let page = try await CandidateProfilePage.load(id, answer: failed, context: context, outreach: outreach)
                return views.response(page, template: "candidate", status: .unprocessableContent)
            }
        }
    }

    /// The jobs ticked on the compose form, each once, at most 20 (the gate itself allows three).
    static func jobs(_ values: [String]) -> [JobID] {
        var jobs: [JobID] = []
        for id in values.compactMap({ Int64($0) }) where id > 0 && !jobs.contains(JobID(id)) {
            jobs.append(JobID(id))
        }
        return Array(jobs.prefix(20))
    }

    static func candidateID(_ context: RapportRequestContext) throws -> CandidateID {
        guard let id = context.parameters.get("id", as: Int64.self), id > 0 else { throw HTTPError(.notFound) }
        return CandidateID(id)
    }

    /// The form of a POST, refused unless it carries the session's CSRF token.
    static func checkedForm(_ request: Request, context: RapportRequestContext) async throws -> FormFields {
        guard let session = context.session else { throw WebRedirect(location: "/sign-in") }
        let form = try await form(request)
        guard let token = form["csrf"], SessionManager.constantTimeEqual(token, session.csrfToken) else { throw HTTPError(.forbidden) }
        return form
    }
}
