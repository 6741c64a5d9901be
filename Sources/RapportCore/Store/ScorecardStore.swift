import Foundation

/// What scorecards and market insights are computed from, read in one transaction each.
public protocol InsightStore: Sendable {
    /// The facts of the work of `recruiters` (together, as one subject) that a scorecard for `period` needs, as things
    /// stood at `asOf`. Activity is counted for the period; everything else may reach outside it and is cut by `Scorecard`.
    func scorecardFacts(recruiters: [UserID], period: DateInterval, asOf: Date) async throws -> ScorecardFacts
    /// Pay observed from jobs (their pay range's midpoint, in the month they were posted) and placements (the pay rate,
    /// in the month they started), from `since` on.
    func payObservations(since: LocalDate) async throws -> [PayObservation]
    /// The required skills of every open job, one list per job, with the job's practice.
    func openJobSkills() async throws -> [(practiceID: PracticeID?, skills: [SkillID])]
    /// The skills of every candidate available now (active or passive, not on assignment or "not looking"), one list each.
    func availableCandidateSkills(today: LocalDate) async throws -> [[CandidateSkill]]
}
