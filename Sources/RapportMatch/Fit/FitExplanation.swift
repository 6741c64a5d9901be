import RapportCore

/// How one of the job's skill requirements is met by the candidate.
public struct RequirementMatch: Equatable, Sendable {
    /// Met in full, met partly (below the level or years asked, or only through a neighbouring skill), or missing.
    public enum Status: String, Sendable {
        case met
        case partial
        case missing
    }

    /// Which relation gave credit when the candidate does not have the skill itself.
    public enum Relation: String, Sendable {
        case implied
        case related
    }

    public let requirement: JobSkill
    public let status: Status
    /// 0…1: the share of the requirement's weight earned.
    public let credit: Double
    /// The candidate's skill that earned the credit: the required one itself or a neighbour.
    public let evidence: CandidateSkill?
    public let relation: Relation?
    /// How recently the evidence skill was used, 0…1 (1 = this year).
    public let recency: Double
}

/// One part of the score: how many of its points were earned and why.
public struct FitComponent: Equatable, Sendable {
    /// The documented parts of the fit score, in the order they are shown.
    public enum Kind: String, CaseIterable, Sendable {
        case mustHave = "must_have"
        case niceToHave = "nice_to_have"
        case recency
        case goals
        case interests
        case payHeadroom = "pay_headroom"

        public var title: String {
            switch self {
            case .mustHave: "Must-have skills"
            case .niceToHave: "Nice-to-have skills"
            case .recency: "Recent use"
            case .goals: "Career goals"
            case .interests: "Interests"
            case .payHeadroom: "Pay headroom"
            }
        }
    }

    public let kind: Kind
    public let points: Double
    public let maximum: Double
    public let detail: String
}

/// A candidate × job fit: eligibility with reasons, the 0–100 score by component, and the story in two voices.
public struct FitExplanation: Equatable, Sendable {
    public let score: Int
    public let ineligibility: [IneligibilityReason]
    public let components: [FitComponent]
    public let requirements: [RequirementMatch]
    /// What the components' sum was multiplied by for the job's level against the person's (`SeniorityFit`), 0.35…1.
    public let seniorityFactor: Double
    /// What it was multiplied by for roles alike that the person turned down (`FeedbackSignal`), 0.6…1.
    public let feedbackFactor: Double
    /// For the recruiter: what is met, partly met (through which skill) and missing, and the component points.
    public let forRecruiter: [String]
    /// For the candidate: why this fits their goals, and what is missing.
    public let forCandidate: [String]

    public var isEligible: Bool { ineligibility.isEmpty }

    public func points(_ kind: FitComponent.Kind) -> Double {
        components.first { $0.kind == kind }?.points ?? 0
    }
}
