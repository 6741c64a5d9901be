import Foundation
import RapportCore

/// Every scorecard of a period: each recruiter's and each practice's, ranked by quality score alone, and the firm's.
public struct ScorecardReport: Sendable {
    public struct Named: Sendable {
        public var name: String
        public var card: Scorecard

        public init(name: String, card: Scorecard) {
            self.name = name
            self.card = card
        }
    }

    public var period: ScorecardPeriod
    public var asOf: Date
    /// Highest quality score first; those without enough survey answers last. Activity never orders them.
    public var recruiters: [Named]
    public var practices: [Named]
    public var firm: Scorecard
}

/// Pay, demand and supply, from the firm's own jobs, placements and candidates.
public struct MarketReport: Sendable {
    public struct PracticeBalance: Sendable {
        public var practiceID: PracticeID
        public var name: String
        /// Open jobs routed to the practice.
        public var demand: Int
        /// Available candidates with at least one of the practice's skills at level 3 or above.
        public var supply: Int
    }

    public var since: LocalDate
    /// Month by month.
    public var payBands: [PayBand]
    /// Over the whole period, for the figures a person reads ("GBP 600 a day, middle half 550 to 650, from 12 rates").
    public var periodPayBands: [PayBand]
    /// Busiest skills first.
    public var skills: [SkillBalance]
    public var practices: [PracticeBalance]
    public var skillNames: [SkillID: String]
}

extension OutreachService {
    /// The scorecards of `period`, as things stand now: every recruiter's (of `practice` only, when given), every practice's
    /// (its members' work together) and the firm's.
    public func scorecards(period: ScorecardPeriod, practice practiceID: PracticeID? = nil) async throws -> ScorecardReport {
        let asOf = now
        let staff = try await records.allUsers().filter { $0.details.role != .admin }
        var practices = try await records.allPractices()
        if let practiceID {
            guard practices.contains(where: { $0.id == practiceID }) else {
                throw RapportError.notFound(entity: "practice", id: "\(practiceID)")
            }
            practices = practices.filter { $0.id == practiceID }
        }
        let recruiters = staff.filter { user in practiceID.map { user.details.practiceIDs.contains($0) } ?? true }
        var recruiterCards: [ScorecardReport.Named] = []
        for user in recruiters {
            let facts = try await store.scorecardFacts(recruiters: [user.id], period: period.interval, asOf: asOf)
            recruiterCards.append(.init(name: user.details.name, card: Scorecard(subject: .recruiter(user.id), period: period, facts: facts, asOf: asOf)))
        }
        var practiceCards: [ScorecardReport.Named] = []
        for practice in practices {
            let members = staff.filter { $0.details.practiceIDs.contains(practice.id) }.map(\.id)
            let facts = try await store.scorecardFacts(recruiters: members, period: period.interval, asOf: asOf)
            practiceCards.append(.init(name: practice.details.name,
                                       card: Scorecard(subject: .practice(practice.id), period: period, facts: facts, asOf: asOf)))
        }
        let firmFacts = try await store.scorecardFacts(recruiters: staff.map(\.id), period: period.interval, asOf: asOf)
        return ScorecardReport(
            period: period, asOf: asOf, recruiters: Self.ranked(recruiterCards), practices: Self.ranked(practiceCards),
            firm: Scorecard(subject: .firm, period: period, facts: firmFacts, asOf: asOf))
    }

    /// The firm's scorecard alone for `period`: one read of the store, where `scorecards(period:)` reads one per recruiter
    /// and practice too.
    public func firmScorecard(period: ScorecardPeriod) async throws -> Scorecard {
        let asOf = now
        let staff = try await records.allUsers().filter { $0.details.role != .admin }
        let facts = try await store.scorecardFacts(recruiters: staff.map(\.id), period: period.interval, asOf: asOf)
        return Scorecard(subject: .firm, period: period, facts: facts, asOf: asOf)
    }

    /// One recruiter's scorecard for `period`.
    public func scorecard(recruiter userID: UserID, period: ScorecardPeriod) async throws -> Scorecard {
        _ = try await store.user(userID)
        let asOf = now
        let facts = try await store.scorecardFacts(recruiters: [userID], period: period.interval, asOf: asOf)
        return Scorecard(subject: .recruiter(userID), period: period, facts: facts, asOf: asOf)
    }

    /// Pay by skill × region × month since `months` ago (from jobs posted and placements started), and demand against
    /// supply now, by skill and by practice.
    public func market(months: Int = 6) async throws -> MarketReport {
        let today = records.today
        var since = LocalDate(year: today.year, month: today.month, day: 1) ?? today
        for _ in 0..<max(0, months - 1) { since = since.adding(days: -1); since = LocalDate(year: since.year, month: since.month, day: 1) ?? since }
        let skills = try await store.allSkills()
        var practiceOf: [SkillID: PracticeID] = [:]
        var names: [SkillID: String] = [:]
        for skill in skills {
            names[skill.id] = skill.name
            if let practiceID = skill.practiceID { practiceOf[skill.id] = practiceID }
        }
        let openJobs = try await store.openJobSkills()
        let available = try await store.availableCandidateSkills(today: today)
        var practices: [MarketReport.PracticeBalance] = []
        for practice in try await records.allPractices() {
            let demand = openJobs.filter { $0.practiceID == practice.id }.count
            let supply = available.filter { person in person.contains { $0.level >= 3 && practiceOf[$0.skillID] == practice.id } }.count
            practices.append(.init(practiceID: practice.id, name: practice.details.name, demand: demand, supply: supply))
        }
        let observations = try await store.payObservations(since: since)
        return MarketReport(
            since: since, payBands: MarketInsights.payBands(observations), periodPayBands: MarketInsights.periodPayBands(observations),
            skills: MarketInsights.balance(openJobs: openJobs.map(\.skills), availableSkills: available),
            practices: practices.sorted { $0.demand != $1.demand ? $0.demand > $1.demand : $0.practiceID < $1.practiceID },
            skillNames: names)
    }

    private static func ranked(_ named: [ScorecardReport.Named]) -> [ScorecardReport.Named] {
        let order = Scorecard.ranked(named.map(\.card)).map(\.subject)
        return order.compactMap { subject in named.first { $0.card.subject == subject } }
    }
}
