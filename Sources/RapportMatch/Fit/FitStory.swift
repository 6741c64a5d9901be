import RapportCore

/// Turns a scored match into sentences: one telling for the recruiter, one for the candidate.
struct FitStory {
    let taxonomy: Taxonomy
    let candidate: CandidateProfile
    let job: JobDetails
    let requirements: [RequirementMatch]
    let specificity: SkillSpecificity

    func forRecruiter(
        components: [FitComponent], ineligibility: [IneligibilityReason], seniority: SeniorityFit?, flags: PostingFlags,
        feedback: (factor: Double, echoes: [FeedbackSignal])
    ) -> [String] {
        var lines: [String] = []
        if !ineligibility.isEmpty {
            lines.append("Not eligible: " + ineligibility.map(\.forRecruiter).joined(separator: " "))
        }
        let met = requirements.filter { $0.status == .met }.map { "\(name($0)) (\(evidence($0)))" }
        if !met.isEmpty {
            lines.append("Meets: " + met.joined(separator: ", ") + ".")
        }
        let partial = requirements.filter { $0.status == .partial }.map(partialPhrase)
        if !partial.isEmpty {
            lines.append("Partly: " + partial.joined(separator: "; ") + ".")
        }
        let missing = requirements.filter { $0.status == .missing }.map { "\(name($0)) (\($0.requirement.importance == .must ? "must-have" : "nice-to-have"))" }
        if !missing.isEmpty {
            lines.append("Missing: " + missing.joined(separator: ", ") + ".")
        }
        if let line = seniority?.forRecruiter {
            lines.append(line)
        }
        if !feedback.echoes.isEmpty {
            lines.append("Their feedback: " + feedback.echoes.map(\.forRecruiter).joined(separator: " ")
                         + " The score is × \((feedback.factor * 100).rounded() / 100).")
        }
        if !flags.isEmpty {
            lines.append("Flagged: " + flags.members.map(\.phrase).joined(separator: ", ") + ".")
        }
        let generic = requirements.filter { specificity.isGeneric($0.requirement.skillID) }.map(name)
        if !generic.isEmpty {
            lines.append("Counts little: \(generic.joined(separator: ", ")), which nearly everyone lists.")
        }
        if job.pay == nil {
            lines.append("Pay not disclosed: the client has not said what it pays.")
        }
        let parts = components.map { "\($0.kind.title.lowercased()) \(format($0.points))/\(format($0.maximum))" }
        lines.append("Points: " + parts.joined(separator: " · ") + ".")
        return lines
    }

    func forCandidate(
        goals: [String], interests: [String], pay: String?, ineligibility: [IneligibilityReason], seniority: SeniorityFit?,
        flags: PostingFlags, feedback: [FeedbackSignal]
    ) -> [String] {
        var lines: [String] = []
        if !ineligibility.isEmpty {
            lines.append("We will not send you this role: " + ineligibility.map(\.forCandidate).joined(separator: " "))
        }
        var why = goals + interests
        if let pay {
            why.append(pay)
        }
        let strengths = requirements.filter { $0.status == .met && $0.requirement.importance == .must }.prefix(3).map(name)
        if !strengths.isEmpty {
            why.append("it asks for \(list(strengths)), which you know well")
        }
        if !why.isEmpty {
            lines.append("Why we think this fits your goals: " + why.joined(separator: "; ") + ".")
        }
        let gaps = requirements.filter { $0.status != .met }.map(candidateGap)
        if gaps.isEmpty {
            lines.append("Nothing the role asks for is missing from your profile.")
        } else {
            lines.append("What is missing: " + gaps.joined(separator: "; ") + ".")
        }
        if let line = seniority?.forCandidate {
            lines.append(line)
        }
        lines += feedback.map(\.forCandidate)
        let terms = flags.members.filter { $0 != .incomplete }
        if !terms.isEmpty {
            lines.append("This role is " + terms.map(\.phrase).joined(separator: ", ") + ".")
        }
        if job.pay == nil {
            lines.append("Pay not disclosed: the client has not said what it pays.")
        }
        return lines
    }

    private func name(_ match: RequirementMatch) -> String {
        taxonomy.name(match.requirement.skillID)
    }

    private func evidence(_ match: RequirementMatch) -> String {
        guard let skill = match.evidence else { return "" }
        let years = skill.years == skill.years.rounded() ? String(Int(skill.years)) : String(skill.years)
        return "level \(skill.level), \(years) yrs" + (skill.lastUsed.map { ", used \($0)" } ?? "")
    }

    private func partialPhrase(_ match: RequirementMatch) -> String {
        let requirement = match.requirement
        if let relation = match.relation, let skill = match.evidence {
            return "\(name(match)) through \(taxonomy.name(skill.skillID)) (\(relation.rawValue), \(evidence(match)))"
        }
        return "\(name(match)) \(shortfall(match))"
            + (requirement.importance == .must ? "" : " (nice-to-have)")
    }

    /// "at level 2 of 4 asked, 1 of 3 years".
    private func shortfall(_ match: RequirementMatch) -> String {
        guard let skill = match.evidence else { return "" }
        var parts: [String] = []
        if skill.level < match.requirement.minimumLevel {
            parts.append("level \(skill.level) of \(match.requirement.minimumLevel) asked")
        }
        if skill.years < match.requirement.minimumYears {
            parts.append("\(format(skill.years)) of \(format(match.requirement.minimumYears)) years asked")
        }
        return "at " + parts.joined(separator: ", ")
    }

    private func candidateGap(_ match: RequirementMatch) -> String {
        let importance = match.requirement.importance == .must ? "needs" : "would like"
        if let relation = match.relation, let skill = match.evidence {
            let link = relation == .implied ? "builds on" : "is close to"
            return "the client \(importance) \(name(match)); your \(taxonomy.name(skill.skillID)) \(link) it"
        }
        if let skill = match.evidence {
            var asks: [String] = []
            if skill.level < match.requirement.minimumLevel {
                asks.append("level \(match.requirement.minimumLevel) (you have \(skill.level))")
            }
            if skill.years < match.requirement.minimumYears {
                asks.append("\(format(match.requirement.minimumYears)) years (you have \(format(skill.years)))")
            }
            let verb = match.requirement.importance == .must ? "asks for" : "would like"
            return "the client \(verb) \(name(match)) at " + asks.joined(separator: " and ")
        }
        let years = match.requirement.minimumYears > 0 ? " (\(format(match.requirement.minimumYears))+ years)" : ""
        return "the client \(importance) \(name(match))\(years), which is not on your profile"
    }

    private func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }
}
