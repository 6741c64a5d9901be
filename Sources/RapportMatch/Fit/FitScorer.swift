import Foundation
import RapportCore

/// Scores how well a candidate fits a job, 0–100, after checking eligibility, and explains the result.
///
/// The formula (MATCHING.md): each requirement earns credit 0…1 — level against the minimum, years against the
/// minimum, or a share through an implying or related skill. Must-have and nice-to-have points are the weighted
/// credit; recency is the weighted credit scaled by how recently each skill was used, over all requirements (so
/// adding a fully met requirement never lowers it); goals, interests and pay headroom come from the candidate's own
/// words. Every part only grows when the candidate meets more, which the tests check.
public struct FitScorer: Sendable {
    public let taxonomy: Taxonomy
    public var weights: FitWeights
    public var rules: EligibilityRules
    /// How much each skill says about fit; the match index replaces it as it learns how common skills are.
    public var specificity: SkillSpecificity

    public init(taxonomy: Taxonomy, weights: FitWeights = FitWeights(), rules: EligibilityRules = EligibilityRules()) {
        self.taxonomy = taxonomy
        self.weights = weights
        self.rules = rules
        specificity = SkillSpecificity(taxonomy: taxonomy)
    }

    /// `professions` and the posting's `flags` when the caller keeps them; derived from the taxonomy when nil.
    public func evaluate(
        _ candidate: CandidateProfile, for job: JobDetails, clientIndustry: String?, today: LocalDate, professions: Professions? = nil,
        flags: PostingFlags? = nil
    ) -> FitExplanation {
        let flags = flags ?? taxonomy.postingFlags(of: job)
        let ineligibility = rules.reasons(candidate, for: job, clientIndustry: clientIndustry, today: today,
                                          professions: professions ?? taxonomy.professions(candidate, job), flags: flags)
        let requirements = job.requiredSkills.map { match($0, candidate, today: today) }
        let must = requirements.filter { $0.requirement.importance == .must }
        let nice = requirements.filter { $0.requirement.importance == .nice }
        let goals = goalPoints(candidate, job)
        let interests = interestPoints(candidate, job, clientIndustry: clientIndustry)
        let pay = payPoints(candidate, job)
        let components = [
            FitComponent(
                kind: .mustHave, points: weights.mustHave * coverage(must, empty: 1), maximum: weights.mustHave,
                detail: summary(must, noun: "must-have")
            ),
            FitComponent(
                kind: .niceToHave, points: weights.niceToHave * coverage(nice, empty: 1), maximum: weights.niceToHave,
                detail: nice.isEmpty ? "The job lists no nice-to-haves." : summary(nice, noun: "nice-to-have")
            ),
            FitComponent(
                kind: .recency, points: weights.recency * recencyShare(requirements), maximum: weights.recency,
                detail: recencyDetail(requirements, today: today)
            ),
            FitComponent(kind: .goals, points: goals.points, maximum: weights.goals, detail: goals.detail),
            FitComponent(kind: .interests, points: interests.points, maximum: weights.interests, detail: interests.detail),
            FitComponent(kind: .payHeadroom, points: pay.points, maximum: weights.payHeadroom, detail: pay.detail),
        ]
        // A role far from the person's level is a poor fit however well the skills match: the sum is scaled.
        let seniority = SeniorityFit(candidate, job: job.seniority, today: today)
        // What they told us about roles they turned down lowers roles alike, softly.
        let feedback = FeedbackSignal.echoes(candidate.feedback, of: job, rates: rules.rates)
        let total = components.reduce(0) { $0 + $1.points } * (seniority?.factor ?? 1) * feedback.factor
        let score = max(0, min(100, Int(total.rounded())))
        let story = FitStory(taxonomy: taxonomy, candidate: candidate, job: job, requirements: requirements, specificity: specificity)
        return FitExplanation(
            score: score, ineligibility: ineligibility, components: components, requirements: requirements,
            seniorityFactor: seniority?.factor ?? 1, feedbackFactor: feedback.factor,
            forRecruiter: story.forRecruiter(components: components, ineligibility: ineligibility, seniority: seniority, flags: flags,
                                             feedback: feedback),
            forCandidate: story.forCandidate(goals: goals.reasons, interests: interests.reasons, pay: pay.reason,
                                             ineligibility: ineligibility, seniority: seniority, flags: flags, feedback: feedback.echoes)
        )
    }

    // MARK: Requirements

    /// Credit for one requirement: the best of the skill itself, an implying skill and a related skill.
    func match(_ requirement: JobSkill, _ candidate: CandidateProfile, today: LocalDate) -> RequirementMatch {
        let bySkill = Dictionary(candidate.skills.map { ($0.skillID, $0) }, uniquingKeysWith: { first, _ in first })
        if let own = bySkill[requirement.skillID] {
            let credit = quality(own, against: requirement)
            return RequirementMatch(
                requirement: requirement, status: credit >= 1 ? .met : .partial, credit: credit, evidence: own,
                relation: nil, recency: recency(own, today: today)
            )
        }
        var best: (skill: CandidateSkill, relation: RequirementMatch.Relation, credit: Double)?
        let neighbours: [(SkillID, RequirementMatch.Relation, Double)] =
            taxonomy.impliedBy(requirement.skillID).map { ($0, .implied, weights.impliedCredit) }
            + taxonomy.related(requirement.skillID).map { ($0, .related, weights.relatedCredit) }
        for (id, relation, factor) in neighbours {
            guard let skill = bySkill[id] else { continue }
            let credit = factor * quality(skill, against: requirement)
            if credit > (best?.credit ?? 0) {
                best = (skill, relation, credit)
            }
        }
        guard let best else {
            return RequirementMatch(requirement: requirement, status: .missing, credit: 0, evidence: nil, relation: nil, recency: 0)
        }
        return RequirementMatch(
            requirement: requirement, status: .partial, credit: best.credit, evidence: best.skill,
            relation: best.relation, recency: recency(best.skill, today: today)
        )
    }

    /// Level against the minimum counts three quarters, years against the minimum one quarter.
    func quality(_ skill: CandidateSkill, against requirement: JobSkill) -> Double {
        let level = min(1, Double(skill.level) / Double(max(1, requirement.minimumLevel)))
        let years = requirement.minimumYears <= 0 ? 1 : min(1, skill.years / requirement.minimumYears)
        return level * (0.75 + 0.25 * years)
    }

    /// 1 for this year, falling by 0.15 a year to a floor of 0.25; unknown counts as last year.
    func recency(_ skill: CandidateSkill, today: LocalDate) -> Double {
        guard let lastUsed = skill.lastUsed else { return 0.85 }
        let age = max(0, today.year - lastUsed)
        return max(0.25, 1 - 0.15 * Double(age))
    }

    /// A requirement's weight as the client gave it, times how much the skill says about fit.
    private func weight(_ match: RequirementMatch) -> Double {
        Double(match.requirement.weight) * specificity.weight(match.requirement.skillID)
    }

    private func coverage(_ matches: [RequirementMatch], empty: Double) -> Double {
        let total = matches.reduce(0) { $0 + weight($1) }
        guard total > 0 else { return empty }
        return matches.reduce(0) { $0 + weight($1) * $1.credit } / total
    }

    private func recencyShare(_ matches: [RequirementMatch]) -> Double {
        let total = matches.reduce(0) { $0 + weight($1) }
        guard total > 0 else { return 1 }
        return matches.reduce(0) { $0 + weight($1) * $1.credit * $1.recency } / total
    }

    private func summary(_ matches: [RequirementMatch], noun: String) -> String {
        let met = matches.filter { $0.status == .met }.count
        let partial = matches.filter { $0.status == .partial }.count
        return "Meets \(met) of \(matches.count) \(noun)s in full" + (partial > 0 ? ", \(partial) partly." : ".")
    }

    private func recencyDetail(_ matches: [RequirementMatch], today: LocalDate) -> String {
        let stale = matches.compactMap { match -> String? in
            guard let evidence = match.evidence, let lastUsed = evidence.lastUsed, today.year - lastUsed >= 3 else { return nil }
            return "\(taxonomy.name(evidence.skillID)) (last used \(lastUsed))"
        }
        return stale.isEmpty ? "Matched skills are in recent use." : "Not used lately: " + stale.joined(separator: ", ") + "."
    }

    // MARK: The candidate's own words

    struct Part {
        var points: Double
        var detail: String
        var reasons: [String] = []
    }

    private func goalPoints(_ candidate: CandidateProfile, _ job: JobDetails) -> Part {
        let share = weights.goals / 3
        let goals = candidate.goals
        var points = 0.0
        var notes: [String] = []
        var reasons: [String] = []
        if goals.targetRoles.isEmpty {
            points += share / 2
            notes.append("no target roles given")
        } else if let role = goals.targetRoles.first(where: { RoleWords.overlap($0, job.title) }) {
            points += share
            notes.append("title matches target role \"\(role)\"")
            reasons.append("it is the kind of role you are after (\(role))")
        } else {
            notes.append("title is not among the target roles")
        }
        if let wanted = goals.seniority {
            let distance = abs(Seniority.allCases.firstIndex(of: wanted)! - Seniority.allCases.firstIndex(of: job.seniority)!)
            points += distance == 0 ? share : distance == 1 ? share / 2 : 0
            notes.append(distance == 0 ? "\(job.seniority.rawValue) as wanted" : "\(job.seniority.rawValue), wants \(wanted.rawValue)")
            if distance == 0 {
                reasons.append("it is at the \(wanted.rawValue) level you want")
            }
        } else {
            points += share / 2
            notes.append("no seniority goal given")
        }
        if goals.employmentTypes.isEmpty || goals.employmentTypes.contains(job.employmentType) {
            points += share
            if !goals.employmentTypes.isEmpty {
                reasons.append("it is \(job.employmentType.phrase) work, as you prefer")
            }
        } else {
            notes.append("\(job.employmentType.phrase) is not a wanted employment type")
        }
        return Part(points: points, detail: notes.joined(separator: "; ").capitalizedFirst + ".", reasons: reasons)
    }

    private func interestPoints(_ candidate: CandidateProfile, _ job: JobDetails, clientIndustry: String?) -> Part {
        let growing = Set(candidate.skills.filter(\.wantsToGrow).map(\.skillID)).union(candidate.interests.skillsToLearn)
        let overlap = job.requiredSkills.map(\.skillID).filter { growing.contains($0) }
        let names = overlap.map { taxonomy.name($0) }
        var points = weights.interests * 0.7 * min(1, Double(overlap.count) / 2)
        var reasons: [String] = []
        var notes: [String] = []
        if names.isEmpty {
            notes.append("uses none of the skills the candidate wants to grow")
        } else {
            notes.append("uses \(names.joined(separator: ", ")), which the candidate wants to grow")
            reasons.append("it uses \(names.joined(separator: " and ")), which you want to grow")
        }
        let domains = candidate.interests.domains + candidate.goals.industriesWanted
        if let industry = clientIndustry, domains.contains(where: { $0.caseInsensitiveCompare(industry) == .orderedSame }) {
            points += weights.interests * 0.3
            notes.append("\(industry) is a domain of interest")
            reasons.append("it is in \(industry), a field you are interested in")
        }
        return Part(points: points, detail: notes.joined(separator: "; ").capitalizedFirst + ".", reasons: reasons)
    }

    private func payPoints(_ candidate: CandidateProfile, _ job: JobDetails) -> Part {
        guard let pay = job.pay else {
            return Part(points: weights.payHeadroom * 0.7, detail: "Pay not disclosed.")
        }
        guard let minimum = candidate.goals.minimumPay else {
            return Part(points: weights.payHeadroom * 0.7, detail: "No minimum pay given.")
        }
        guard let converted = rules.rates.convert(pay.maximum, to: minimum.currency, per: minimum.unit),
              minimum.minorUnits > 0 else {
            return Part(points: weights.payHeadroom * 0.7, detail: "Pay could not be compared.")
        }
        let ratio = Double(converted.minorUnits) / Double(minimum.minorUnits)
        let share = ratio >= 1.2 ? 1 : ratio >= 1 ? 0.5 + 2.5 * (ratio - 1) : 0
        let detail = "Pays up to \(pay.maximum.formatted) (≈ \(converted.formatted)) against a minimum of \(minimum.formatted)."
        let reason = ratio >= 1 ? "it pays up to \(pay.maximum.formatted), above your minimum of \(minimum.formatted)" : ""
        return Part(points: weights.payHeadroom * share, detail: detail, reasons: reason.isEmpty ? [] : [reason])
    }
}

extension FitScorer.Part {
    var reason: String? { reasons.first }
}

/// Compares job titles with the roles a candidate wants by their meaningful words ("Platform Engineer" ~ "Senior
/// Platform Engineer (AWS)"), ignoring seniority words and filler.
enum RoleWords {
    private static let ignored: Set<String> = [
        "senior", "junior", "lead", "principal", "mid", "level", "staff", "head", "of", "the", "and", "a", "an", "for",
        "sr", "jr", "i", "ii", "iii", "contract", "permanent", "remote",
    ]
    private static let generic: Set<String> = ["engineer", "developer", "consultant", "specialist", "analyst", "manager"]

    static func words(_ text: String) -> Set<String> {
        let lowered = text.lowercased()
        let tokens = lowered.split { !($0.isLetter || $0.isNumber || $0 == "#" || $0 == "+" || $0 == ".") }
        return Set(tokens.map(String.init).filter { !ignored.contains($0) })
    }

    /// True when the two share a word that says what the job is, not only "engineer".
    static func overlap(_ role: String, _ title: String) -> Bool {
        let shared = words(role).intersection(words(title))
        let meaningful = shared.subtracting(generic)
        return !meaningful.isEmpty || (!shared.isEmpty && words(role).subtracting(generic).isEmpty)
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
