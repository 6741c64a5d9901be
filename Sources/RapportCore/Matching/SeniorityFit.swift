extension Seniority {
    /// Seniority as titles and levels write it: "Senior", "Sr.", "Staff", "Lead", "Principal", "Junior", "Graduate";
    /// nil when the text names none. The highest named wins ("Senior Engineering Manager" is lead).
    public static func named(in text: String) -> Seniority? {
        let words = Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        return titleWords.first { !$0.words.isDisjoint(with: words) }?.level
    }

    private static let titleWords: [(level: Seniority, words: Set<String>)] = [
        (.principal, ["principal", "distinguished", "head", "director", "vp", "chief", "architect"]),
        (.lead, ["lead", "staff", "manager", "leader"]),
        (.senior, ["senior", "sr", "snr", "iii"]),
        (.junior, ["junior", "jr", "graduate", "grad", "entry", "intern", "internship", "trainee", "apprentice"]),
        (.mid, ["mid", "midlevel", "intermediate", "ii"]),
    ]

    /// 0 for junior to 4 for principal.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// How a job's level sits with the level a person works at: far below what they want or have is a poor fit, not a
/// near-perfect one, and far above is a stretch. The fit score is multiplied by `factor` (MATCHING.md).
public struct SeniorityFit: Hashable, Sendable {
    /// Where the person's level comes from: their own words, their latest title or headline, or their years.
    public enum Source: String, Sendable {
        case wanted
        case title
        case years
    }

    public let person: Seniority
    public let source: Source
    public let job: Seniority

    /// The person's level, from what they want, else their latest title or headline, else their years of work (the
    /// earliest start in their history, else their longest-used skill): 15 years or more is lead, 6 senior, 3 mid.
    /// Years never make anyone principal; nil when nothing says.
    public init?(_ profile: CandidateProfile, job: Seniority, today: LocalDate) {
        self.job = job
        let titles = profile.work.prefix(1).map(\.title) + [profile.headline]
        if let wanted = profile.goals.seniority {
            person = wanted
            source = .wanted
        } else if let titled = titles.lazy.compactMap(Seniority.named(in:)).first {
            person = titled
            source = .title
        } else if let years = Self.years(profile, today: today) {
            person = years >= 15 ? .lead : years >= 6 ? .senior : years >= 3 ? .mid : .junior
            source = .years
        } else {
            return nil
        }
    }

    private static func years(_ profile: CandidateProfile, today: LocalDate) -> Double? {
        if let start = profile.work.compactMap(\.start).min() { return Double(max(0, today.year - start.year)) }
        return profile.skills.map(\.years).max().flatMap { $0 > 0 ? $0 : nil }
    }

    /// Levels the job sits below the person (negative: above).
    public var stepsBelow: Int { person.rank - job.rank }

    /// 1 at the person's level; below it 0.9, 0.65, 0.45, 0.35 for one to four levels; above it 0.95, 0.75, 0.55, 0.45.
    public var factor: Double {
        let steps = stepsBelow
        if steps >= 0 { return [1, 0.9, 0.65, 0.45, 0.35][min(steps, 4)] }
        return [1, 0.95, 0.75, 0.55, 0.45][min(-steps, 4)]
    }

    /// For the recruiter, when the level costs anything.
    public var forRecruiter: String? {
        let steps = stepsBelow
        guard steps != 0 else { return nil }
        let levels = abs(steps) == 1 ? "1 level" : "\(abs(steps)) levels"
        let whose = switch source {
        case .wanted: "the \(person.rawValue) level they want"
        case .title: "their \(person.rawValue) title"
        case .years: "the \(person.rawValue) level their years suggest"
        }
        return "Seniority: a \(job.rawValue) role, \(levels) \(steps > 0 ? "below" : "above") \(whose); the score is × \(factor)."
    }

    /// For the candidate, when the level is far from theirs (two levels or more).
    public var forCandidate: String? {
        let steps = stepsBelow
        guard abs(steps) >= 2 else { return nil }
        let theirs = source == .wanted ? "the \(person.rawValue) level you want" : "your experience"
        return steps > 0 ? "It is a \(job.rawValue) role, well below \(theirs)." : "It is a \(job.rawValue) role, well above \(theirs)."
    }
}
