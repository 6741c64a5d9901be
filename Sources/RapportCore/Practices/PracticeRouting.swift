/// Which practice a person or a job belongs to, and who in it looks after a new person.
///
/// A candidate's home practice is the one whose skills carry the most weight in their profile: each skill counts its
/// level (1–5) times how recently it was used, so a current Kubernetes level 4 outweighs a Java level 5 last touched a
/// decade ago. A job's practice is the one its required skills belong to, must-haves counting double. A new person's
/// owner is the active member of that practice with the fewest people already in their care.
public struct PracticeRouting: Sendable {
    /// The weight of one skill in a practice's favour.
    public struct Weight: Equatable, Sendable {
        public var practiceID: PracticeID
        public var points: Double
    }

    /// The chosen practice and every practice's weight, for the note a recruiter reads.
    public struct Choice: Equatable, Sendable {
        public var practiceID: PracticeID
        /// Heaviest first.
        public var weights: [Weight]
    }

    public init() {}

    /// How much a skill last used in `lastUsed` still counts in `currentYear`: fully this year or last, then less.
    public static func recency(lastUsed: Int?, currentYear: Int) -> Double {
        guard let lastUsed else { return 0.6 }
        switch currentYear - lastUsed {
        case ...1: return 1
        case 2...3: return 0.75
        case 4...6: return 0.5
        default: return 0.25
        }
    }

    /// The practice the candidate's skills weigh most towards; nil when none of their skills belongs to a practice.
    /// Ties go to the lower practice id, so the choice never depends on order.
    public func homePractice(for skills: [CandidateSkill], practiceOf: [SkillID: PracticeID], currentYear: Int) -> Choice? {
        var points: [PracticeID: Double] = [:]
        for skill in skills {
            guard let practice = practiceOf[skill.skillID] else { continue }
            points[practice, default: 0] += Double(skill.level) * Self.recency(lastUsed: skill.lastUsed, currentYear: currentYear)
        }
        return Self.choice(points)
    }

    /// The practice of a job's required skills, must-haves counting double and each weighted as the job weights it.
    public func practice(for requiredSkills: [JobSkill], practiceOf: [SkillID: PracticeID]) -> Choice? {
        var points: [PracticeID: Double] = [:]
        for requirement in requiredSkills {
            guard let practice = practiceOf[requirement.skillID] else { continue }
            points[practice, default: 0] += Double(requirement.weight) * (requirement.importance == .must ? 2 : 1)
        }
        return Self.choice(points)
    }

    /// The active member of the practice (recruiter or lead) with the fewest people in their care; ties to the lower id.
    public func owner(in practiceID: PracticeID, staff: [User], load: [UserID: Int]) -> UserID? {
        staff
            .filter { $0.details.active && $0.details.role != .admin && $0.details.practiceIDs.contains(practiceID) }
            .min { lhs, rhs in
                let (left, right) = (load[lhs.id] ?? 0, load[rhs.id] ?? 0)
                return left != right ? left < right : lhs.id < rhs.id
            }?.id
    }

    private static func choice(_ points: [PracticeID: Double]) -> Choice? {
        let weights = points.map { Weight(practiceID: $0.key, points: $0.value) }
            .sorted { $0.points != $1.points ? $0.points > $1.points : $0.practiceID < $1.practiceID }
        guard let first = weights.first, first.points > 0 else { return nil }
        return Choice(practiceID: first.practiceID, weights: weights)
    }
}
