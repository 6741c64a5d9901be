import Foundation

/// A recruiter's, a practice's or the firm's figures for one period: how candidates rate them, how fast they answer, how
/// relevant their pitches are, how well they know people before pitching, what came of it, and a quality score.
/// Activity is shown too but apart: recruiters are scored on quality, never ranked on activity.
///
/// Figures are as things stood at `asOf`: anything recorded after it is ignored, so the same facts give the same card.
/// A figure with nothing to measure is nil rather than zero.
public struct Scorecard: Sendable, Equatable {
    /// How candidates rate the subject in surveys.
    public struct NetPromoter: Sendable, Equatable {
        /// Answers given in the period (whenever their survey was sent).
        public var responses: Int
        /// Answers of 9 or 10.
        public var promoters: Int
        /// Answers of 0 to 6.
        public var detractors: Int
        /// % promoters − % detractors, −100…100, rounded half away from zero; nil without answers.
        public var score: Int?
        /// Surveys sent in the period.
        public var sent: Int
        /// Of those sent in the period, how many were answered by `asOf`.
        public var answeredOfSent: Int
        /// `answeredOfSent / sent`, 0…1; nil when none were sent.
        public var responseRate: Double?
        /// Average "understood my goals" (1–5) over the period's answers that gave one; nil when none did.
        public var understoodAverage: Double?
    }

    /// How quickly candidates' replies are answered, against the SLA.
    public struct Responsiveness: Sendable, Equatable {
        /// Replies received in the period that can be judged: answered, or past their deadline.
        public var judged: Int
        /// Of those, answered at or before their deadline.
        public var withinSLA: Int
        /// Replies received in the period still inside their deadline and unanswered: not judged yet.
        public var pending: Int
        /// `withinSLA / judged`, 0…1; nil when nothing can be judged.
        public var shareWithinSLA: Double?
        /// Median hours from receipt to first answer over the period's answered replies; nil when none was answered.
        public var medianHoursToAnswer: Double?
        /// Obligations open and due at or before `asOf`, whatever the period.
        public var overdueNow: Int
    }

    /// Whether pitches fit the candidates they reach.
    public struct Relevance: Sendable, Equatable {
        /// Pitches that reached a candidate in the period.
        public var pitches: Int
        /// Average fit (0–100) over every job pitched; nil when no job was.
        public var averageFit: Double?
        /// Pitches the candidate said were relevant or not.
        public var feedbackAnswers: Int
        /// Of those, marked relevant.
        public var markedRelevant: Int
        /// `markedRelevant / feedbackAnswers`, 0…1; nil without feedback.
        public var shareRelevant: Double?
        /// Pitches after which the candidate unsubscribed within 7 days.
        public var optOuts: Int
        /// Pitches sent by overriding the relevance gate.
        public var gateOverrides: Int
    }

    /// Whether candidates are known before they are pitched, and kept in work afterwards.
    public struct Relationship: Sendable, Equatable {
        /// Candidates whose first pitch from the subject fell in the period.
        public var firstPitches: Int
        /// Of those, candidates who had a discovery conversation at or before that pitch.
        public var discoveredFirst: Int
        /// `discoveredFirst / firstPitches`, 0…1; nil when nobody was pitched for the first time.
        public var discoveryBeforeFirstPitch: Double?
        /// Submissions that reached "presented" in the period.
        public var presentations: Int
        /// `presentations / placements started in the period`; nil when there was no placement.
        public var openingsPresentedPerPlacement: Double?
        /// Assignments that ended in the period, early or as planned.
        public var assignmentsEnded: Int
        /// Of those, assignments whose consultant had another placement starting no later than 30 days after the end.
        public var redeployed: Int
        /// `redeployed / assignmentsEnded`, 0…1; nil when none ended.
        public var redeploymentRate: Double?
    }

    /// What the work came to.
    public struct Outcomes: Sendable, Equatable {
        /// Placements that started in the period.
        public var placements: Int
        /// Assignments that ended in the period without being cut short.
        public var completedAssignments: Int
    }

    /// Days after an assignment's end within which the consultant's next start counts as a redeployment.
    public static let redeploymentWindowDays = 30

    public var subject: ScorecardSubject
    public var period: ScorecardPeriod
    public var asOf: Date
    public var nps: NetPromoter
    public var responsiveness: Responsiveness
    public var relevance: Relevance
    public var relationship: Relationship
    public var outcomes: Outcomes
    /// Reported beside the card; it takes no part in `quality` or in `ranked(_:)`.
    public var activity: ActivityCounts
    public var quality: QualityScore

    /// Computes the card of `subject` for `period` from `facts`, keeping only what falls in the period and happened by `asOf`.
    public init(subject: ScorecardSubject, period: ScorecardPeriod, facts: ScorecardFacts, asOf: Date) {
        // An event counts when it falls in the period and had happened by `asOf`.
        func inPeriod(_ instant: Date) -> Bool { period.contains(instant) && instant <= asOf }
        func happened(_ instant: Date?) -> Bool { instant.map { $0 <= asOf } ?? false }
        let today = ScorecardPeriod.utcDay(of: asOf)

        self.subject = subject
        self.period = period
        self.asOf = asOf
        self.activity = facts.activity

        // NPS: answers given in the period; the rate follows surveys sent in it.
        let answers = facts.surveys.filter { survey in survey.nps != nil && (survey.answeredAt.map(inPeriod) ?? false) }
        let scores = answers.compactMap(\.nps)
        let promoters = scores.filter { NPSCategory(score: $0) == .promoter }.count
        let detractors = scores.filter { NPSCategory(score: $0) == .detractor }.count
        let sent = facts.surveys.filter { inPeriod($0.sentAt) }
        let answeredOfSent = sent.filter { happened($0.answeredAt) && $0.nps != nil }.count
        nps = NetPromoter(
            responses: scores.count, promoters: promoters, detractors: detractors,
            score: Scorecard.netPromoterScore(promoters: promoters, detractors: detractors, responses: scores.count),
            sent: sent.count, answeredOfSent: answeredOfSent, responseRate: Scorecard.share(answeredOfSent, of: sent.count),
            understoodAverage: Scorecard.mean(answers.compactMap(\.understood).map(Double.init))
        )

        // Responsiveness: a reply is judged once answered or once its deadline has passed.
        let replies = facts.replies.filter { inPeriod($0.receivedAt) }
        let hoursToAnswer = replies.compactMap { reply in
            reply.answeredAt.flatMap { happened($0) ? $0.timeIntervalSince(reply.receivedAt) / 3_600 : nil }
        }
        let judged = replies.filter { happened($0.answeredAt) || $0.dueAt <= asOf }
        let withinSLA = judged.filter { reply in reply.answeredAt.map { $0 <= reply.dueAt && $0 <= asOf } ?? false }.count
        responsiveness = Responsiveness(
            judged: judged.count, withinSLA: withinSLA, pending: replies.count - judged.count,
            shareWithinSLA: Scorecard.share(withinSLA, of: judged.count),
            medianHoursToAnswer: Scorecard.median(hoursToAnswer),
            overdueNow: facts.openObligationDueDates.filter { $0 <= asOf }.count
        )

        // Relevance: pitches sent in the period; fit is averaged over jobs, not messages.
        let pitches = facts.pitches.filter { inPeriod($0.sentAt) }
        let feedback = pitches.compactMap(\.relevant)
        let markedRelevant = feedback.filter { $0 }.count
        relevance = Relevance(
            pitches: pitches.count, averageFit: Scorecard.mean(pitches.flatMap(\.fits).map(Double.init)),
            feedbackAnswers: feedback.count, markedRelevant: markedRelevant,
            shareRelevant: Scorecard.share(markedRelevant, of: feedback.count),
            optOuts: pitches.filter(\.optedOutAfter).count, gateOverrides: pitches.filter(\.overridden).count
        )

        // Relationship: each candidate's earliest first pitch, in case the store reports one per recruiter of a practice.
        var firstByCandidate: [CandidateID: FirstPitchFact] = [:]
        for fact in facts.firstPitches where happened(fact.firstPitchAt) {
            if let earlier = firstByCandidate[fact.candidateID], earlier.firstPitchAt <= fact.firstPitchAt { continue }
            firstByCandidate[fact.candidateID] = fact
        }
        let firstPitches = firstByCandidate.values.filter { period.contains($0.firstPitchAt) }
        let discoveredFirst = firstPitches.filter { fact in fact.firstDiscoveryAt.map { $0 <= fact.firstPitchAt } ?? false }.count
        let started = facts.placements.filter { period.contains($0.start) && $0.start <= today }
        // An assignment has ended once its last day is over.
        let ended = facts.placements.filter { placement in placement.end.map { period.contains($0) && $0 < today } ?? false }
        let redeployed = ended.filter { placement in
            guard let end = placement.end, let next = placement.nextStart else { return false }
            return next <= end.adding(days: Scorecard.redeploymentWindowDays)
        }.count
        let presentations = facts.presentations.filter(inPeriod).count
        relationship = Relationship(
            firstPitches: firstPitches.count, discoveredFirst: discoveredFirst,
            discoveryBeforeFirstPitch: Scorecard.share(discoveredFirst, of: firstPitches.count),
            presentations: presentations,
            openingsPresentedPerPlacement: started.isEmpty ? nil : Double(presentations) / Double(started.count),
            assignmentsEnded: ended.count, redeployed: redeployed, redeploymentRate: Scorecard.share(redeployed, of: ended.count)
        )

        outcomes = Outcomes(placements: started.count, completedAssignments: ended.filter { !$0.endedEarly }.count)
        quality = QualityScore(nps: nps, responsiveness: responsiveness, relevance: relevance, relationship: relationship)
    }

    /// Best quality score first; cards without a score after every scored one; ties by subject, then period, so the order
    /// is stable. Activity plays no part.
    public static func ranked(_ cards: [Scorecard]) -> [Scorecard] {
        cards.sorted { lhs, rhs in
            switch (lhs.quality.value, rhs.quality.value) {
            case let (left?, right?) where left != right: return left > right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (lhs.subject, lhs.period) < (rhs.subject, rhs.period)
            }
        }
    }

    /// % promoters − % detractors in whole points, rounded half away from zero with integers so 2.5 never reads as 2.
    static func netPromoterScore(promoters: Int, detractors: Int, responses: Int) -> Int? {
        guard responses > 0 else { return nil }
        let points = 100 * (promoters - detractors)
        let rounded = (2 * abs(points) + responses) / (2 * responses)
        return points < 0 ? -rounded : rounded
    }

    static func share(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The middle value; the mean of the two middle values for an even count.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
