import Foundation
import Hummingbird
import RapportCore
import RapportMatch
import RapportOutreach

/// The candidate portal: signing in by a single-use e-mailed link, and the pages a person uses to see and control what
/// the firm holds and does about them.
struct CandidatePortal: Sendable {
    /// How long a link works.
    static let linkLifetime: TimeInterval = 30 * 60
    /// Links sent per address, and requests per network address, in an hour.
    static let perAddressPerHour = 3
    static let perNetworkPerHour = 20

    let outreach: OutreachService
    var store: any RapportStore { outreach.records.store }

    /// Sends a sign-in link when the address belongs to a candidate and neither it nor the network address asked too
    /// often; otherwise does nothing. The caller answers the same either way, so nobody learns who is on file.
    func requestLink(email: String, from address: String) async throws {
        let now = outreach.records.now()
        let normalized = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard !normalized.isEmpty, normalized.count <= 254 else { return }
        let accountKey = "portal:" + normalized
        let networkKey = "portal-net:" + address
        let since = now.addingTimeInterval(-3600)
        let byAccount = try await store.signInFailures(key: accountKey, since: since)
        let byNetwork = try await store.signInFailures(key: networkKey, since: since)
        try await store.recordSignInFailure(key: accountKey, at: now)
        try await store.recordSignInFailure(key: networkKey, at: now)
        guard byAccount < Self.perAddressPerHour, byNetwork < Self.perNetworkPerHour,
              let candidate = try await store.candidate(email: normalized) else { return }
        let token = SessionManager.randomToken()
        let settings = outreach.settings
        let link = "\(settings.publicURL)/portal/sign-in/\(token)"
        let text = """
            Hello \(candidate.profile.name),

            Here is your link to sign in to \(settings.firmName)'s candidate portal. It works once, for 30 minutes:

            \(link)

            If you did not ask for it, ignore this e-mail: nothing happens until the link is used.

            \(settings.firmName) · \(settings.postalAddress)
            """
        let envelope = MailEnvelope(
            fromName: settings.firmName, fromEmail: settings.noticeSender, toName: candidate.profile.name, toEmail: candidate.profile.email,
            content: MessageContent(subject: "Your sign-in link", text: text), headers: [MailHeader("Auto-Submitted", "auto-generated")], date: now)
        try await store.createPortalLink(tokenHash: SessionManager.hash(token), candidate: candidate.id, expiresAt: now.addingTimeInterval(Self.linkLifetime),
                                         mail: envelope, messageID: "portal-\(UUID().uuidString.lowercased())@\(settings.mailDomain)", at: now)
    }
}

/// What the portal shows a signed-in candidate.
struct PortalPage: Sendable {
    struct Skill: Sendable {
        var name: String
        var level: Int
    }

    /// A role put to them: by a presentation in the pipeline (which they may answer), or by a pitch e-mail or a call.
    struct Opening: Sendable {
        var submissionID: Int64
        var version: Int
        var title: String
        var status: String
        var why: [String]
        var canAnswer: Bool
        /// An answer that could not be taken, said in words.
        var problem: String? = nil
    }

    /// A form of the portal that failed: which, as sent, and what was wrong.
    struct Failed: Sendable {
        static let labels = [
            "maxJobPitchesPer30Days": "Messages about roles per 30 days", "quietStart": "Quiet hours start", "quietEnd": "Quiet hours end",
            "pausedUntil": "Pause everything until", "workingHours": "Hours you want", "channel": "Ways we may reach you", "reason": "Why not", "confirm": "Delete my data",
        ]

        /// Nil for the preferences form; a submission's id for an answer to a role.
        var opening: Int64?
        var fields: FormFields
        var problems: [String]

        init(opening: Int64? = nil, _ fields: FormFields, issues: [ValidationIssue]) {
            self.opening = opening
            self.fields = fields
            problems = FormFeedback(issues, labels: Self.labels).problems
        }
    }

    struct Pay: Sendable {
        var skill: String
        var median: String
        var range: String
        var count: Int
    }

    struct Reason: Sendable {
        var value: String
        var label: String
    }

    struct Channel: Sendable {
        var value: String
        var label: String
        var checked: Bool
    }

    struct SurveyLine: Sendable {
        var about: String
        var sent: String
        var state: String
        /// The page to answer it on, while it is open.
        var answer: String?
    }

    var layout: Layout
    var name: String
    var email: String
    var region: String
    var skills: [Skill]
    var phone: String
    var place: String
    var targetRoles: String
    var learning: String
    var pitchLimit: String
    var channels: [Channel]
    var quietStart: String
    var quietEnd: String
    var pausedUntil: String
    var doNotContact: Bool
    var requiresDisclosedPay: Bool
    var hours: [Choice]
    var openings: [Opening]
    var reasons: [Reason]
    var market: [Pay]
    var surveys: [SurveyLine]
    var csrf: String
    var notice: String?
    var preferencesProblems: [String] = []
    var deleteProblems: [String] = []

    static func load(
        _ id: CandidateID, notice: String?, failed: Failed? = nil, context: RapportRequestContext, outreach: OutreachService
    ) async throws -> PortalPage {
        let store = outreach.records.store
        let candidate = try await store.candidate(id)
        let profile = candidate.profile
        let taxonomy = outreach.matching.taxonomy
        let openings = try await Self.openings(for: candidate, outreach: outreach)
        // What people with my strongest skills are paid in my region, from the firm's own jobs and placements.
        let market = try await outreach.market(months: 6)
        let strongest = profile.skills.sorted { ($0.level, $0.years) > ($1.level, $1.years) }.prefix(3)
        var pay: [Pay] = []
        for skill in strongest {
            // The unit most rates were given in, over the whole period; a figure resting on too few rates is not shown.
            let bands = market.periodPayBands.filter { $0.skillID == skill.skillID && $0.region == profile.region }
            guard let band = bands.max(by: { $0.count < $1.count }), band.showsMedian else { continue }
            pay.append(Pay(skill: taxonomy.name(skill.skillID), median: MoneyText.format(band.median),
                           range: band.showsQuartiles ? "\(MoneyText.format(band.lowerQuartile)) to \(MoneyText.format(band.upperQuartile))"
                               : "too few rates to say", count: band.count))
        }
        let preferences = profile.contactPreferences
        var surveys: [SurveyLine] = []
        let now = outreach.records.now()
        for survey in try await store.surveys(candidate: id) {
            let about = survey.trigger.rawValue.replacingOccurrences(of: "_", with: " ")
            var line = SurveyLine(about: "After your \(about)", sent: DateText(nil).instant(survey.sentAt), state: "", answer: nil)
            switch survey.linkState(at: now) {
            case .open:
                line.state = "Waiting for your answer"
                line.answer = try await store.surveyToken(survey.id).map { "/survey/\($0)" }
            case .answered: line.state = "Answered: \(survey.answer?.nps ?? 0)/10, thank you"
            case .expired: line.state = "Closed"
            }
            surveys.append(line)
        }
        return PortalPage(
            layout: Layout(title: "Your profile", context: context), name: profile.name, email: profile.email, region: profile.region.rawValue,
            skills: profile.skills.map { Skill(name: taxonomy.name($0.skillID), level: $0.level) },
            phone: profile.phone ?? "none recorded", place: profile.location.phrase,
            targetRoles: profile.goals.targetRoles.isEmpty ? "none recorded" : profile.goals.targetRoles.joined(separator: ", "),
            learning: profile.interests.skillsToLearn.isEmpty ? "nothing recorded"
                : profile.interests.skillsToLearn.map(taxonomy.name).joined(separator: ", "),
            pitchLimit: String(preferences.maxJobPitchesPer30Days),
            channels: ContactChannel.allCases.map {
                Channel(value: $0.rawValue, label: $0.phrase,
                        checked: preferences.channels.contains($0))
            },
            quietStart: preferences.quietHours.start, quietEnd: preferences.quietHours.end,
            pausedUntil: profile.availability.status == .notLooking ? profile.availability.until?.description ?? "" : "",
            doNotContact: preferences.doNotContact, requiresDisclosedPay: profile.goals.requiresDisclosedPay,
            hours: Self.hours(selected: profile.goals.workingHours?.rawValue ?? ""), openings: openings,
            reasons: DeclineReason.allCases.map { Reason(value: $0.rawValue, label: Self.reasonLabel($0)) }, market: pay, surveys: surveys,
            csrf: context.session?.csrfToken ?? "", notice: notice
        ).filled(with: failed)
    }

    struct Choice {
        var value: String
        var label: String
        var selected: Bool
    }

    /// Either, full-time only or part-time only, with `selected` chosen.
    private static func hours(selected: String) -> [Choice] {
        [("", "Either"), (WorkingHours.fullTime.rawValue, "Full-time only"), (WorkingHours.partTime.rawValue, "Part-time only")].map {
            Choice(value: $0.0, label: $0.1, selected: $0.0 == selected)
        }
    }

    /// The page with a failed form brought back as it was sent.
    private func filled(with failed: Failed?) -> PortalPage {
        guard let failed else { return self }
        var page = self
        let fields = failed.fields
        if let opening = failed.opening {
            page.openings = openings.map { card in
                var card = card
                if card.submissionID == opening { card.problem = failed.problems.joined(separator: " ") }
                return card
            }
        } else if fields.contains("confirm") {
            page.deleteProblems = failed.problems
        } else {
            page.preferencesProblems = failed.problems
            page.pitchLimit = fields["maxJobPitchesPer30Days"] ?? ""
            page.quietStart = fields["quietStart"] ?? ""
            page.quietEnd = fields["quietEnd"] ?? ""
            page.pausedUntil = fields["pausedUntil"] ?? ""
            page.doNotContact = fields["doNotContact"] == "on"
            page.requiresDisclosedPay = fields["requiresDisclosedPay"] == "on"
            page.hours = Self.hours(selected: fields["workingHours"] ?? "")
            let chosen = fields.all("channel")
            page.channels = channels.map { Channel(value: $0.value, label: $0.label, checked: chosen.contains($0.value)) }
        }
        return page
    }

    /// Every role put to them, newest first: each job once, by where it stands in the pipeline when it got there, else
    /// by the pitch e-mail or call that told them of it.
    static func openings(for candidate: Candidate, outreach: OutreachService) async throws -> [Opening] {
        let store = outreach.records.store
        let id = candidate.id
        let zone = TimeZone(identifier: candidate.profile.timeZone) ?? .gmt
        var seen: Set<JobID> = []
        var dated: [(at: Date, opening: Opening)] = []
        func name(_ job: JobID) async -> String {
            guard let found = try? await store.job(job) else { return "A role" }
            let client = (try? await store.client(found.details.clientID))?.details.name
            return found.details.title + (client.map { " at \($0)" } ?? "")
        }
        for submission in try await store.submissions(candidate: id) where submission.reachedPresentation {
            guard seen.insert(submission.jobID).inserted || submission.stage.isActive else { continue }
            let fit = try? await outreach.matching.fit(candidate: id, job: submission.jobID)
            dated.append((submission.lastMovedAt, Opening(
                submissionID: submission.id.rawValue, version: submission.version, title: await name(submission.jobID),
                status: Self.status(submission.stage), why: fit?.forCandidate ?? [], canAnswer: submission.stage == .presented)))
        }
        for message in try await store.outreach(candidate: id, limit: 500) where message.kind.isJobPitch && message.status.reachedCandidate {
            let when = message.sentAt ?? message.createdAt
            for job in message.jobs where seen.insert(job.jobID).inserted {
                let fit = try? await outreach.matching.fit(candidate: id, job: job.jobID)
                let how = message.channel.isSentByRapport ? "We e-mailed you about it on" : "Your recruiter told you about it on"
                dated.append((when, Opening(submissionID: 0, version: 0, title: await name(job.jobID), status: "\(how) \(DateText(nil).day(LocalDate(when, in: zone)))",
                                            why: fit?.forCandidate ?? [], canAnswer: false)))
            }
        }
        return dated.sorted { $0.at > $1.at }.map(\.opening)
    }

    static func status(_ stage: SubmissionStage) -> String {
        switch stage {
        case .shortlisted, .presented: "Waiting for your answer"
        case .candidateInterested: "You said yes; your recruiter will put you forward"
        case .submitted: "Put forward to the client"
        case .interview: "Interviewing"
        case .offer: "Offer made"
        case .placed: "Placed"
        case .candidateDeclined: "You said no"
        case .clientRejected: "The client went another way"
        case .withdrawn: "Withdrawn"
        }
    }

    static func reasonLabel(_ reason: DeclineReason) -> String {
        switch reason {
        case .pay: "The pay is too low"
        case .location: "The location does not work"
        case .skills: "It is not what I do"
        case .happyWhereIAm: "I am happy where I am"
        case .remote: "I need remote work"
        case .employmentType: "Wrong kind of contract"
        case .seniority: "Wrong level for me"
        case .company: "Not this company"
        case .other: "Another reason"
        }
    }
}
