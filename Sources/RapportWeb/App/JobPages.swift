import Foundation
import Hummingbird
import RapportCore
import RapportMatch
import RapportOutreach

/// Open jobs, newest first, in the user's practices (an admin sees every practice's).
struct JobsPage: Sendable {
    struct Row: Sendable {
        var href: String
        var title: String
        var client: String
        var place: String
        var status: String
        var posted: String
    }

    var layout: Layout
    var rows: [Row]

    static func load(user: User, context: RapportRequestContext, outreach: OutreachService) async throws -> JobsPage {
        let store = outreach.records.store
        let dates = DateText(user)
        var jobs: [Job] = []
        if user.details.role == .admin || user.details.practiceIDs.isEmpty {
            jobs = try await store.jobs(JobQuery(status: .open), page: PageRequest(limit: PageRequest.maximumLimit)).items
        } else {
            for practiceID in user.details.practiceIDs {
                jobs += try await store.jobs(JobQuery(status: .open, practiceID: practiceID), page: PageRequest(limit: PageRequest.maximumLimit)).items
            }
        }
        var clients: [ClientID: String] = [:]
        var rows: [Row] = []
        for job in jobs.sorted(by: { $0.createdAt > $1.createdAt }) {
            if clients[job.details.clientID] == nil {
                clients[job.details.clientID] = (try? await store.client(job.details.clientID))?.details.name ?? "client \(job.details.clientID)"
            }
            rows.append(Row(href: "/jobs/\(job.id)", title: job.details.title, client: clients[job.details.clientID] ?? "",
                            place: "\(job.details.location.city ?? job.details.location.country), \(job.details.region.rawValue)", status: job.details.status.phrase,
                            posted: dates.instant(job.createdAt)))
        }
        return JobsPage(layout: Layout(title: "Jobs", context: context, section: "jobs"), rows: rows)
    }
}

/// One job: who fits it and why (or why not), and its pipeline as a board of stages.
struct JobPage: Sendable {
    /// A person who fits, with what may be done next: shortlist and pitch when the pair is new, else where it stands.
    struct Match: Sendable {
        var candidateID: Int64
        var name: String
        var fit: Int
        var eligible: Bool
        var reasons: [String]
        var mayShortlist: Bool
        /// Whether their submission ended, so shortlisting again is a deliberate reopening with a reason.
        var mayReopen: Bool
        var mayPitch: Bool
        /// Where the pair stands when it is not new: at a stage of the pipeline, pitched on a day, or ended and why.
        var state: String?
    }

    struct Card: Sendable {
        struct Move: Sendable {
            var value: String
            var label: String
            var selected = false
        }

        var submissionID: Int64
        var version: Int
        var candidateID: Int64
        /// A move of this card that failed: what was wrong, in words, and what was typed.
        var problem: String?
        /// Why they declined, to choose from; the one sent is selected when a move failed.
        var reasons = DeclineReason.allCases.map { Reason(value: $0.rawValue, label: $0.phrase) }
        var start = ""
        var end = ""
        var payRate = ""
        var billRate = ""
        var name: String
        var moved: String
        /// Where it may go next; the page asks for a choice rather than defaulting to one.
        var moves: [Move]
        /// A finished submission shows no move form.
        var isFinal: Bool
        var canDecline: Bool
        var canPlace: Bool
    }

    struct Column: Sendable {
        var stage: String
        var cards: [Card]
    }

    struct Reason: Sendable {
        var value: String
        var label: String
        var selected = false
    }

    var layout: Layout
    var id: Int64
    var title: String
    var client: String
    var summary: String
    var pay: String
    var description: String
    var skills: String
    /// Where the job came from, when an import made or changed it.
    var imports: [String]
    var matches: [Match]
    var includeIneligible: Bool
    var columns: [Column]
    var currency: String
    var unit: String
    var notice: String?
    /// What a form on the page could not do, in words.
    var problem: String?

    /// A move from the board that failed, to show again on its card.
    struct FailedMove: Sendable {
        static let labels = [
            "to": "Move to", "reason": "If they declined, why", "placement": "If placed", "start": "Start", "end": "End",
            "payRate": "Pay", "billRate": "Bill", "version": "This card", "at": "When",
        ]

        var submissionID: Int64
        var form: FormFields
        var problem: String

        init(submissionID: Int64, form: FormFields, issues: [ValidationIssue]) {
            self.submissionID = submissionID
            self.form = form
            // Placement fields come back from the pipeline as placement.payRate.minorUnits: name them as the form does.
            let named = issues.map { ValidationIssue(field: $0.field.hasPrefix("placement.") ? String($0.field.dropFirst(10)) : $0.field,
                                                     message: $0.message) }
            problem = FormFeedback(named, labels: Self.labels).problems.joined(separator: " ")
        }
    }

    static func load(
        _ id: JobID, includeIneligible: Bool, notice: String?, failed: FailedMove? = nil, context: RapportRequestContext,
        outreach: OutreachService
    ) async throws -> JobPage {
        let store = outreach.records.store
        let job = try await store.job(id)
        let dates = DateText(context.user)
        let submissions = try await store.submissions(job: id)
        let client = (try? await store.client(job.details.clientID))?.details.name ?? "client \(job.details.clientID)"
        var matches: [Match] = []
        for match in try await outreach.matching.matches(for: id, limit: 20, includeIneligible: includeIneligible) {
            var state: String?
            var mayPitch = false
            var mayShortlist = false
            var mayReopen = false
            if match.fit.isEligible {
                let pitched = PitchedJob(jobID: id, fit: match.fit.score, eligibility: match.fit.ineligibility)
                let check = try await outreach.pitchChecks(candidate: match.candidateID, jobs: [pitched],
                                                           names: [id: "\(job.details.title) at \(client)"]).first
                mayPitch = check?.mayPitch ?? false
                mayShortlist = check?.mayShortlist ?? false
                mayReopen = check?.submission?.stage.isTerminal ?? false
                let standing = check?.submission.map { submission in
                    submission.stage.isTerminal
                        ? "Ended: \(submission.stage.phrase) on \(dates.instant(submission.lastMovedAt))."
                        : "In the pipeline: \(submission.stage.phrase) since \(dates.instant(submission.lastMovedAt))."
                }
                state = standing ?? check.map { ($0.jobState + $0.personState).joined(separator: " ") }.flatMap { $0.isEmpty ? nil : $0 }
            }
            matches.append(Match(
                candidateID: match.candidateID.rawValue, name: match.name, fit: match.fit.score, eligible: match.fit.isEligible,
                reasons: Array((match.fit.ineligibility.map(\.forRecruiter) + match.fit.forRecruiter).prefix(4)),
                mayShortlist: mayShortlist, mayReopen: mayReopen, mayPitch: mayPitch, state: state))
        }
        var names: [CandidateID: String] = [:]
        var columns: [Column] = []
        for stage in SubmissionStage.allCases {
            var cards: [Card] = []
            for submission in submissions where submission.stage == stage {
                if names[submission.candidateID] == nil {
                    names[submission.candidateID] = (try? await store.candidate(submission.candidateID))?.profile.name ?? "Candidate \(submission.candidateID)"
                }
                var card = Card(
                    submissionID: submission.id.rawValue, version: submission.version, candidateID: submission.candidateID.rawValue,
                    name: names[submission.candidateID] ?? "", moved: dates.instant(submission.lastMovedAt),
                    moves: stage.next.map { Card.Move(value: $0.rawValue, label: $0 == stage ? "another \($0.phrase) round" : $0.phrase) },
                    isFinal: stage.isTerminal,
                    canDecline: stage.allows(.candidateDeclined), canPlace: stage.allows(.placed))
                if let failed, failed.submissionID == submission.id.rawValue {
                    card.problem = failed.problem
                    let chosen = failed.form["to"] ?? ""
                    card.moves = card.moves.map { move in
                        var move = move
                        move.selected = move.value == chosen
                        return move
                    }
                    card.reasons = card.reasons.map { reason in
                        var reason = reason
                        reason.selected = reason.value == failed.form["reason"]
                        return reason
                    }
                    card.start = failed.form["start"] ?? ""
                    card.end = failed.form["end"] ?? ""
                    card.payRate = failed.form["payRate"] ?? ""
                    card.billRate = failed.form["billRate"] ?? ""
                }
                cards.append(card)
            }
            if stage.isActive || !cards.isEmpty {
                columns.append(Column(stage: stage.phrase, cards: cards))
            }
        }
        let placementPay = job.details.placementPayTerms
        let taxonomy = outreach.matching.taxonomy
        let skills = job.details.requiredSkills.map { "\(taxonomy.name($0.skillID))\($0.importance == .nice ? " (nice to have)" : "")" }
        return JobPage(
            layout: Layout(title: job.details.title, context: context, section: "jobs"), id: id.rawValue, title: job.details.title, client: client,
            summary: "\(job.details.location.city ?? job.details.location.country), \(job.details.region.rawValue) · \(job.details.remotePolicy.phrase)"
                + (job.details.remoteScope.map { " \($0.phrase)" } ?? "") + " · "
                + "\(job.details.employmentType.phrase) · \(job.details.seniority.phrase)",
            pay: job.details.pay.map { "\(MoneyText.format($0.minimum)) to \(MoneyText.format($0.maximum))" } ?? "pay not disclosed",
            description: job.details.description, skills: skills.joined(separator: ", "),
            imports: await dates.imports(try await store.importHistory(job: id), store: store),
            matches: matches, includeIneligible: includeIneligible, columns: columns,
            currency: placementPay.currency.rawValue, unit: placementPay.unit.rawValue, notice: notice)
    }
}

extension WebRoutes {
    func registerJobs(on pages: RouterGroup<RapportRequestContext>) {
        pages.get("jobs") { _, context -> Response in
            let user = try Self.staff(context)
            return views.response(try await JobsPage.load(user: user, context: context, outreach: outreach), template: "jobs")
        }
        pages.get("jobs/{id}") { request, context -> Response in
            _ = try Self.staff(context)
            let id = try Self.jobID(context)
            let include = request.queryFields["ineligible"] == "1"
            let notice = request.queryFields["moved"] != nil ? "Moved." : request.queryFields["shortlisted"] != nil ? "Shortlisted." : nil
            return views.response(try await JobPage.load(id, includeIneligible: include, notice: notice, context: context, outreach: outreach),
                                  template: "job")
        }
        pages.post("jobs/{id}/shortlist") { request, context -> Response in
            let user = try Self.staff(context)
            let id = try Self.jobID(context)
            let form = try await Self.checkedForm(request, context: context)
            let candidate = CandidateID(Int64(form["candidateID"] ?? "") ?? 0)
            do {
                _ = try await outreach.shortlist(candidate: candidate, job: id, note: form["note"] ?? "", reopening: form["reopenReason"], by: user)
                return Response(status: .seeOther, headers: [.location: "/jobs/\(id)?shortlisted=1"])
            } catch RapportError.invalid(let issues) {
                let labels = ["reopenReason": "Why it is worth another try", "note": "Note", "candidateID": "Candidate", "jobID": "Job"]
                var page = try await JobPage.load(id, includeIneligible: false, notice: nil, context: context, outreach: outreach)
                page.problem = "Not shortlisted. " + FormFeedback(issues, labels: labels).problems.joined(separator: " ")
                return views.response(page, template: "job", status: .unprocessableContent)
            }
        }
        pages.post("jobs/{id}/moves") { request, context -> Response in
            let user = try Self.staff(context)
            let id = try Self.jobID(context)
            let form = try await Self.checkedForm(request, context: context)
            let submission = SubmissionID(Int64(form["submissionID"] ?? "") ?? 0)
            let stored = try await outreach.records.store.submission(submission)
            guard stored.jobID == id else { throw HTTPError(.notFound) }
            do {
                guard let to = form["to"].flatMap(SubmissionStage.init(rawValue:)) else {
                    throw RapportError.invalid(field: "to", "choose the stage to move to")
                }
                var move = SubmissionMoveRequest(to: to, version: Int(form["version"] ?? "") ?? 0, note: form["note"] ?? "")
                if to == .candidateDeclined { move.reason = form["reason"].flatMap(DeclineReason.init(rawValue:)) }
                if to == .placed { move.placement = try Self.terms(form) }
                _ = try await outreach.move(submission, move, by: user)
                return Response(status: .seeOther, headers: [.location: "/jobs/\(id)?moved=1"])
            } catch RapportError.invalid(let issues) {
                let failed = JobPage.FailedMove(submissionID: submission.rawValue, form: form, issues: issues)
                return views.response(try await JobPage.load(id, includeIneligible: false, notice: nil, failed: failed, context: context,
                                                             outreach: outreach), template: "job", status: .unprocessableContent)
            }
        }
    }

    static func jobID(_ context: RapportRequestContext) throws -> JobID {
        guard let id = context.parameters.get("id", as: Int64.self), id > 0 else { throw HTTPError(.notFound) }
        return JobID(id)
    }

    /// Placement terms from the board's form: dates, and rates in major units of the job's currency and unit.
    static func terms(_ form: FormFields) throws -> PlacementTerms {
        var problems: [ValidationIssue] = []
        let start = form["start"].flatMap(LocalDate.init)
        if start == nil { problems.append(ValidationIssue(field: "start", message: "must be a date, YYYY-MM-DD")) }
        let end = form["end"].flatMap { $0.isEmpty ? nil : LocalDate($0) }
        if let text = form["end"], !text.isEmpty, end == nil { problems.append(ValidationIssue(field: "end", message: "must be a date, YYYY-MM-DD")) }
        let currency = form["currency"].flatMap(Currency.init(rawValue:)) ?? .usd
        let unit = form["unit"].flatMap(PayUnit.init(rawValue:)) ?? .day
        func money(_ field: String) -> Money? {
            guard let text = form[field], let value = Double(text), value >= 0, value < 1e9 else { return nil }
            return Money(minorUnits: Int64((value * Double(currency.minorUnitsPerMajor)).rounded()), currency: currency, unit: unit)
        }
        let pay = money("payRate")
        if pay == nil { problems.append(ValidationIssue(field: "payRate", message: "must be an amount such as 650")) }
        guard problems.isEmpty, let start, let pay else { throw RapportError.invalid(problems) }
        return PlacementTerms(start: start, end: end, billRate: money("billRate"), payRate: pay)
    }
}
