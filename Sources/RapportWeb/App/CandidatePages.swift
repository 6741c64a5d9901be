import Foundation
import RapportCore
import RapportMatch
import RapportOutreach

/// The candidate search: name, skills, region and availability, with the results a page at a time.
struct CandidatesPage: Sendable {
    struct Row: Sendable {
        var href: String
        var name: String
        var headline: String
        var place: String
        var availability: String
    }

    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    var layout: Layout
    var name: String
    var skill: String
    var regions: [Option]
    var availabilities: [Option]
    var rows: [Row]
    var total: Int
    var problem: String?
    var next: String?

    static func load(_ request: SearchRequest, context: RapportRequestContext, outreach: OutreachService) async throws -> CandidatesPage {
        var query = CandidateQuery(region: request.region, availability: request.availability.map { [$0] } ?? [],
                                   name: request.name.isEmpty ? nil : request.name)
        var problem: String?
        if !request.skill.isEmpty {
            let key = request.skill.trimmingCharacters(in: .whitespaces).lowercased()
            if let skill = outreach.matching.taxonomy.skills.first(where: { $0.name.lowercased() == key || $0.aliases.contains { $0.lowercased() == key } }) {
                query.skillIDs = [skill.id]
            } else {
                problem = "No skill called “\(request.skill)” is in the taxonomy."
            }
        }
        let page = problem == nil
            ? try await outreach.records.store.candidates(query, page: PageRequest(limit: 25, after: request.after))
            : Page(items: [], total: 0, nextAfter: nil)
        var next: String?
        if let after = page.nextAfter {
            next = "/candidates?" + FormFields.encode(request.queryItems + [("after", String(after))])
        }
        return CandidatesPage(
            layout: Layout(title: "Candidates", context: context, section: "candidates"), name: request.name, skill: request.skill,
            regions: Region.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: $0 == request.region) },
            availabilities: Availability.Status.allCases.map {
                Option(value: $0.rawValue, label: $0.rawValue.replacingOccurrences(of: "_", with: " "), selected: $0 == request.availability)
            },
            rows: page.items.map { candidate in
                Row(href: "/candidates/\(candidate.id)", name: candidate.profile.name, headline: candidate.profile.headline,
                    place: "\(candidate.profile.location.city), \(candidate.profile.region.rawValue)",
                    availability: candidate.profile.availability.status.rawValue.replacingOccurrences(of: "_", with: " "))
            },
            total: page.total, problem: problem, next: next)
    }
}

/// What the search form asked for.
struct SearchRequest: Sendable {
    var name = ""
    var skill = ""
    var region: Region?
    var availability: Availability.Status?
    var after: Int64?

    init(_ parameters: [String: String]) {
        name = String((parameters["name"] ?? "").prefix(100))
        skill = String((parameters["skill"] ?? "").prefix(100))
        region = parameters["region"].flatMap(Region.init(rawValue:))
        availability = parameters["availability"].flatMap(Availability.Status.init(rawValue:))
        after = parameters["after"].flatMap(Int64.init)
    }

    var queryItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if !name.isEmpty { items.append(("name", name)) }
        if !skill.isEmpty { items.append(("skill", skill)) }
        if let region { items.append(("region", region.rawValue)) }
        if let availability { items.append(("availability", availability.rawValue)) }
        return items
    }
}

/// One person: who they are, what they can do and want, how to reach them, what happened, and what fits them now.
struct CandidateProfilePage: Sendable {
    struct Skill: Sendable {
        var name: String
        var level: Int
        var years: String
        var lastUsed: String
        var growing: Bool
    }

    struct Event: Sendable {
        var when: String
        var kind: String
        var summary: String
    }

    struct Opportunity: Sendable {
        var jobID: Int64
        var title: String
        var fit: Int
        var reasons: [String]
    }

    struct Stage: Sendable {
        var job: String
        var stage: String
        var moved: String
    }

    var layout: Layout
    var id: Int64
    var name: String
    var headline: String
    var summary: String
    var place: String
    var availability: String
    var owner: String
    var practice: String
    var skills: [Skill]
    var hasSkills: Bool
    var targetRoles: String
    var seniority: String
    var employmentTypes: String
    var minimumPay: String
    var learning: String
    var channels: String
    var pitchLimit: Int
    var quietHours: String
    var doNotContact: Bool
    var timeline: [Event]
    var opportunities: [Opportunity]
    var pipeline: [Stage]
    /// Replies and endings this person is waiting to hear about, each with a form to answer.
    var waiting: [AnswerForm]
    var csrf: String
    /// What the last action did, shown once after the redirect.
    var notice: String?

    static func load(
        _ id: CandidateID, notice: String? = nil, context: RapportRequestContext, outreach: OutreachService
    ) async throws -> CandidateProfilePage {
        let store = outreach.records.store
        let candidate = try await store.candidate(id)
        let profile = candidate.profile
        let taxonomy = outreach.matching.taxonomy
        let dates = DateText(context.user)
        let skillName = { (skill: SkillID) in taxonomy.skill(skill)?.name ?? "skill \(skill)" }
        var timeline: [Event] = []
        for entry in try await outreach.timeline(for: id, limit: 200).suffix(40).reversed() {
            timeline.append(Event(when: dates.instant(entry.at), kind: entry.kind.rawValue.replacingOccurrences(of: "_", with: " "),
                                  summary: entry.summary))
        }
        var pipeline: [Stage] = []
        for submission in try await store.submissions(candidate: id) {
            let title = (try? await store.job(submission.jobID))?.details.title ?? "Job \(submission.jobID)"
            pipeline.append(Stage(job: title, stage: submission.stage.rawValue.replacingOccurrences(of: "_", with: " "),
                                  moved: dates.instant(submission.lastMovedAt)))
        }
        let opportunities = try await outreach.matching.opportunities(for: id, limit: 5).map {
            Opportunity(jobID: $0.jobID.rawValue, title: $0.title, fit: $0.fit.score, reasons: Array($0.fit.forRecruiter.prefix(4)))
        }
        let now = outreach.records.now()
        let waiting = try await store.obligations(candidate: id).filter { $0.status == .open }.map { obligation in
            AnswerForm(obligationID: obligation.id.rawValue,
                       what: obligation.reason == .tellCandidate ? "Tell them how their submission ended" : "They replied and are waiting",
                       due: "due \(dates.instant(obligation.dueAt))", late: obligation.isOverdue(at: now))
        }
        let owner = await profile.ownerID.asyncMap { try? await store.user($0).details.name } ?? nil
        let practice = await profile.homePracticeID.asyncMap { try? await store.practice($0).details.name } ?? nil
        return CandidateProfilePage(
            layout: Layout(title: profile.name, context: context, section: "candidates"), id: id.rawValue, name: profile.name,
            headline: profile.headline, summary: profile.summary, place: "\(profile.location.city), \(profile.location.country) (\(profile.timeZone))",
            availability: profile.availability.status.rawValue.replacingOccurrences(of: "_", with: " ")
                + (profile.availability.until.map { " until \($0)" } ?? ""),
            owner: owner ?? "nobody", practice: practice ?? "none",
            skills: profile.skills.map {
                Skill(name: skillName($0.skillID), level: $0.level, years: String(format: "%.0f", $0.years),
                      lastUsed: $0.lastUsed.map(String.init) ?? "–", growing: $0.wantsToGrow)
            },
            hasSkills: !profile.skills.isEmpty,
            targetRoles: profile.goals.targetRoles.joined(separator: ", "), seniority: profile.goals.seniority?.rawValue ?? "any",
            employmentTypes: profile.goals.employmentTypes.map(\.rawValue).joined(separator: ", "),
            minimumPay: profile.goals.minimumPay.map(MoneyText.format) ?? "not given",
            learning: profile.interests.skillsToLearn.map(skillName).joined(separator: ", "),
            channels: profile.contactPreferences.channels.map(\.rawValue).joined(separator: ", "),
            pitchLimit: profile.contactPreferences.maxJobPitchesPer30Days,
            quietHours: "\(profile.contactPreferences.quietHours.start)–\(profile.contactPreferences.quietHours.end)",
            doNotContact: profile.contactPreferences.doNotContact, timeline: timeline, opportunities: opportunities, pipeline: pipeline,
            waiting: waiting, csrf: context.session?.csrfToken ?? "", notice: notice)
    }
}

/// Money as a person reads it: "GBP 650 a day".
enum MoneyText {
    static func format(_ money: Money) -> String {
        let perMajor = money.currency.minorUnitsPerMajor
        let whole = String(money.minorUnits / perMajor)
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let cents = money.minorUnits % perMajor
        let amount = String(grouped.reversed()) + (cents == 0 ? "" : String(format: ".%02lld", cents))
        return "\(money.currency.rawValue) \(amount) a \(money.unit.rawValue)"
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
