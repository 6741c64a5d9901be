import RapportCore

/// How candidates and jobs become posting lists, so that the index's sum is the skill part of the fit score.
///
/// A candidate's value on a skill (1…255) is their strength in it — level, years and recency — and, for skills they
/// have only through a neighbour, that neighbour's strength times the implied or related credit (the best one if
/// several). Expanding relations on the candidate's side keeps the query a plain weighted sum, so the top k stays
/// exact and nothing is counted twice.
struct MatchPostings {
    let taxonomy: Taxonomy
    let weights: FitWeights
    let today: LocalDate
    /// Replaced by the match state as it learns how common skills are; only the forward query reads its rarity.
    var specificity: SkillSpecificity

    /// A must-have counts four times a nice-to-have of the same weight, as in the fit score's 40 vs 15 points.
    static func importance(_ skill: JobSkill) -> Int {
        skill.weight * (skill.importance == .must ? 4 : 1)
    }

    func candidate(_ skills: [CandidateSkill]) -> [(term: UInt32, value: UInt8)] {
        var best: [SkillID: Double] = [:]
        func offer(_ id: SkillID, _ value: Double) {
            if value > best[id, default: 0] {
                best[id] = value
            }
        }
        for skill in skills {
            let strength = self.strength(skill)
            offer(skill.skillID, strength)
            for implied in taxonomy.implies(skill.skillID) {
                offer(implied, strength * weights.impliedCredit)
            }
            for related in taxonomy.related(skill.skillID) {
                offer(related, strength * weights.relatedCredit)
            }
        }
        return best.compactMap { id, strength in
            let value = (strength * 255).rounded()
            guard value >= 1, id.rawValue > 0, id.rawValue <= Int64(UInt32.max) else { return nil }
            return (UInt32(id.rawValue), UInt8(min(255, value)))
        }
        .sorted { $0.term < $1.term }
    }

    /// The job's requirements as a forward query: candidates are ranked by Σ importance × specificity × strength,
    /// importance scaled by ten so a generic skill's fifth keeps its resolution.
    func query(_ job: JobDetails) -> [QueryTerm] {
        job.requiredSkills.compactMap { skill in
            guard let term = Self.term(skill.skillID) else { return nil }
            let weight = (Double(Self.importance(skill) * 10) * specificity.weight(skill.skillID)).rounded()
            return QueryTerm(term: term, weight: UInt16(min(Double(UInt16.max), max(1, weight))))
        }
    }

    /// The job in the reverse index: its value on a skill is the requirement's importance (at most 40) times the
    /// taxonomy's part of specificity, scaled up. Rarity is left out: it changes as people and jobs come and go, and
    /// a stored posting would not follow.
    func job(_ job: JobDetails) -> [(term: UInt32, value: UInt8)] {
        job.requiredSkills.compactMap { skill in
            guard let term = Self.term(skill.skillID) else { return nil }
            let value = (Double(Self.importance(skill) * 6) * specificity.prior(skill.skillID)).rounded()
            return (term, UInt8(min(255, max(1, value))))
        }
    }

    private static func term(_ id: SkillID) -> UInt32? {
        id.rawValue > 0 && id.rawValue <= Int64(UInt32.max) ? UInt32(id.rawValue) : nil
    }

    /// 0…1: level out of 5, three quarters; years up to 5, a quarter; times recency as in the fit score.
    func strength(_ skill: CandidateSkill) -> Double {
        let level = Double(min(5, max(1, skill.level))) / 5
        let years = min(1, max(0, skill.years) / 5)
        let age = skill.lastUsed.map { max(0, today.year - $0) }
        let recency = age.map { max(0.25, 1 - 0.15 * Double($0)) } ?? 0.85
        return level * (0.75 + 0.25 * years) * recency
    }
}
