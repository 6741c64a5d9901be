import Foundation

/// What a simulated month shows about the contact policy and follow-up obligations.
public struct SimulationReport: Codable, Sendable, Equatable {
    /// Max, 95th percentile and mean over candidate-weeks in which anyone tried to pitch the candidate.
    public struct Distribution: Codable, Sendable, Equatable {
        public var max: Int
        public var p95: Int
        public var mean: Double

        public init(_ values: [Int]) {
            let sorted = values.sorted()
            max = sorted.last ?? 0
            p95 = sorted.isEmpty ? 0 : sorted[Swift.min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
            mean = sorted.isEmpty ? 0 : (Double(sorted.reduce(0, +)) / Double(sorted.count) * 100).rounded() / 100
        }
    }

    public var days: Int
    public var seed: UInt64
    public var start: Date
    public var candidates: Int
    public var recruiters: Int
    public var commodityRecruiters: Int
    public var forgetfulRecruiters: Int

    public var pitchesAttempted: Int
    public var pitchesDelivered: Int
    public var pitchesBlocked: [String: Int]
    /// Job pitches per candidate per week, over candidate-weeks with at least one attempt.
    public var attemptedPerCandidateWeek: Distribution
    public var deliveredPerCandidateWeek: Distribution
    public var candidateWeeks: Int
    /// The largest number of pitches any candidate received in any rolling 30 days, against the limit they set.
    public var worstRolling30DayExcess: Int

    public var deliveredBelowThresholdWithoutOverride: Int
    public var belowThresholdShare: Double
    public var overrides: Int

    public var attemptedDuringQuietHours: Int
    public var heldForQuietHours: Int
    public var deliveredDuringQuietHours: Int

    public var otherMessagesDelivered: Int
    public var replies: Int
    public var repliesByIntent: [String: Int]
    public var unsubscribes: Int
    public var obligations: Int
    public var answeredWithinSLA: Int
    public var answeredLate: Int
    public var stillOpen: Int
    public var overdue: Int
    public var escalations: Int
    public var escalationEmails: Int
    public var withinSLAShare: Double

    /// The checks the issue sets: none of these may be violated.
    public var violations: [String] {
        var found: [String] = []
        if deliveredBelowThresholdWithoutOverride > 0 { found.append("pitches below the threshold were delivered without an override") }
        if deliveredDuringQuietHours > 0 { found.append("messages were delivered inside candidates' quiet hours") }
        if worstRolling30DayExcess > 0 { found.append("a candidate received more pitches in 30 days than their limit") }
        return found
    }
}
