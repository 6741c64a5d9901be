import RapportCore

/// How many of the 100 points each part of the fit score is worth, and how much partial credit relations give.
///
/// The formula is written down in MATCHING.md; a firm can change the weights (`rapport serve --match-config`).
public struct FitWeights: Codable, Equatable, Sendable {
    public var mustHave: Double = 40
    public var niceToHave: Double = 15
    public var recency: Double = 10
    public var goals: Double = 15
    public var interests: Double = 10
    public var payHeadroom: Double = 10
    /// Credit for a requirement met only through a skill that implies it (Spring Boot for Spring).
    public var impliedCredit: Double = 0.7
    /// Credit for a requirement met only through a related skill (Vue for React).
    public var relatedCredit: Double = 0.4

    public init() {}

    /// Reads a settings file in which any weight may be left out and keeps its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func read(_ key: CodingKeys, _ fallback: Double) throws -> Double {
            try container.decodeIfPresent(Double.self, forKey: key) ?? fallback
        }
        let defaults = FitWeights()
        mustHave = try read(.mustHave, defaults.mustHave)
        niceToHave = try read(.niceToHave, defaults.niceToHave)
        recency = try read(.recency, defaults.recency)
        goals = try read(.goals, defaults.goals)
        interests = try read(.interests, defaults.interests)
        payHeadroom = try read(.payHeadroom, defaults.payHeadroom)
        impliedCredit = try read(.impliedCredit, defaults.impliedCredit)
        relatedCredit = try read(.relatedCredit, defaults.relatedCredit)
    }

    public var total: Double { mustHave + niceToHave + recency + goals + interests + payHeadroom }

    /// The weights must be non-negative, add up to 100, and relation credits lie between 0 and 1.
    public func validate() throws {
        var validator = Validator(prefix: "weights")
        let parts = [
            ("mustHave", mustHave), ("niceToHave", niceToHave), ("recency", recency), ("goals", goals),
            ("interests", interests), ("payHeadroom", payHeadroom),
        ]
        for (field, value) in parts where !(value >= 0 && value <= 100) {
            validator.fail(field, "must be between 0 and 100")
        }
        if abs(total - 100) > 0.001 {
            validator.fail("mustHave", "the six weights must add up to 100 (they add up to \(total))")
        }
        for (field, value) in [("impliedCredit", impliedCredit), ("relatedCredit", relatedCredit)] where !(0...1).contains(value) {
            validator.fail(field, "must be between 0 and 1")
        }
        try validator.check()
    }
}
