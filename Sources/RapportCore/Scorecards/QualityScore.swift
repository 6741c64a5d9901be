/// One number, 0–100, for the quality of a subject's work in a period. Activity (e-mails, calls, submissions) is never
/// part of it. How it is worked out:
///
/// - Fewer than 15 survey answers in the period: no score ("not enough data"), since a handful of answers says more
///   about luck than about the work.
/// - Otherwise four parts, each 0–100:
///   - **Candidate NPS**, weight 40%: (NPS + 100) ÷ 2, so −100 is 0, 0 is 50 and +100 is 100.
///   - **Responsiveness**, weight 25%: the share of candidate replies answered within the SLA, × 100.
///   - **Relevance**, weight 25%: the share of pitches candidates marked relevant, × 100, once 10 or more of them gave
///     that feedback; before that, the average fit of the jobs pitched. Less 5 points for every gate override and every
///     opt-out after a pitch, per 100 pitches (5 × (overrides + opt-outs) × 100 ÷ pitches), kept within 0–100.
///   - **Relationship**, weight 10%: the share of newly pitched candidates who had a discovery conversation first, × 100.
/// - A part with nothing to measure (no replies to judge, no pitches, nobody newly pitched) is left out, and the other
///   weights are scaled up in proportion so they still add up to 100%.
/// - The score is the weighted sum, rounded to the nearest whole number (halves round up).
public enum QualityScore: Sendable, Equatable {
    /// Fewer survey answers than `needed` in the period.
    case notEnoughData(responses: Int, needed: Int)
    /// The score, each part's value (0–100) and the weight each part was given after leaving out parts without data.
    case scored(Int, components: [Component: Double], weights: [Component: Double])

    /// A part of the score, with its weight before any part is left out.
    public enum Component: String, CaseIterable, Sendable, Comparable {
        case nps
        case responsiveness
        case relevance
        case relationship

        /// The share of the score this part carries when every part has data.
        public var weight: Double {
            switch self {
            case .nps: 0.40
            case .responsiveness: 0.25
            case .relevance: 0.25
            case .relationship: 0.10
            }
        }

        /// The order of the formula: NPS, responsiveness, relevance, relationship.
        public static func < (lhs: Component, rhs: Component) -> Bool {
            lhs.order < rhs.order
        }

        private var order: Int {
            switch self {
            case .nps: 0
            case .responsiveness: 1
            case .relevance: 2
            case .relationship: 3
            }
        }
    }

    /// Survey answers needed in the period before a score is given.
    public static let minimumResponses = 15
    /// Relevance feedback answers needed before the relevant share replaces the average fit.
    public static let minimumRelevanceFeedback = 10
    /// Points taken off relevance for each gate override or opt-out, per 100 pitches.
    public static let penaltyPerHundredPitches = 5.0

    /// The formula in one paragraph, for reports and the API.
    public static let formulaSummary = """
        Quality score 0-100, given only with at least 15 survey answers in the period: candidate NPS as (NPS + 100) / 2 \
        weighted 40%; share of replies answered within the SLA weighted 25%; relevance weighted 25% (share of pitches \
        marked relevant once 10 candidates gave feedback, else average fit; less 5 points per gate override or opt-out \
        per 100 pitches); share of newly pitched candidates who had a discovery conversation first weighted 10%. A part \
        without data is left out and the other weights scaled up. Activity (e-mails, calls, submissions) never counts.
        """

    /// The score; nil when there is not enough data.
    public var value: Int? {
        if case .scored(let value, _, _) = self { return value }
        return nil
    }

    init(nps: Scorecard.NetPromoter, responsiveness: Scorecard.Responsiveness, relevance: Scorecard.Relevance,
         relationship: Scorecard.Relationship) {
        guard nps.responses >= QualityScore.minimumResponses, let score = nps.score else {
            self = .notEnoughData(responses: nps.responses, needed: QualityScore.minimumResponses)
            return
        }
        var components: [Component: Double] = [.nps: Double(score + 100) / 2]
        components[.responsiveness] = responsiveness.shareWithinSLA.map { 100 * $0 }
        components[.relevance] = QualityScore.relevance(relevance)
        components[.relationship] = relationship.discoveryBeforeFirstPitch.map { 100 * $0 }

        let totalWeight = components.keys.reduce(0) { $0 + $1.weight }
        let weights = Dictionary(uniqueKeysWithValues: components.keys.map { ($0, $0.weight / totalWeight) })
        let sum = components.reduce(0) { $0 + $1.value * weights[$1.key]! }
        // Round away the last bits of floating-point noise first, so a true 72.5 never lands on 72.4999999 and rounds down.
        let value = Int(((sum * 1_000_000).rounded() / 1_000_000).rounded())
        self = .scored(min(100, max(0, value)), components: components, weights: weights)
    }

    /// The relevance part, or nil when there is neither enough feedback nor a fit to go on.
    static func relevance(_ relevance: Scorecard.Relevance) -> Double? {
        let base: Double? =
            if relevance.feedbackAnswers >= minimumRelevanceFeedback, let share = relevance.shareRelevant {
                100 * share
            } else {
                relevance.averageFit
            }
        guard let base, relevance.pitches > 0 else { return nil }
        let penalty = penaltyPerHundredPitches * Double(relevance.gateOverrides + relevance.optOuts) * 100 / Double(relevance.pitches)
        return min(100, max(0, base - penalty))
    }
}
