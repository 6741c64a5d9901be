import Foundation

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

/// A candidate handed from one practice to another, with the note that says why.
public struct PracticeHandover: Equatable, Sendable {
    public var candidateID: CandidateID
    public var fromPracticeID: PracticeID?
    public var toPracticeID: PracticeID
    public var fromOwnerID: UserID?
    public var toOwnerID: UserID?
    public var by: UserID
    public var at: Date
    public var note: String

    public init(
        candidateID: CandidateID, fromPracticeID: PracticeID?, toPracticeID: PracticeID, fromOwnerID: UserID?, toOwnerID: UserID?, by: UserID,
        at: Date, note: String
    ) {
        self.candidateID = candidateID
        self.fromPracticeID = fromPracticeID
        self.toPracticeID = toPracticeID
        self.fromOwnerID = fromOwnerID
        self.toOwnerID = toOwnerID
        self.by = by
        self.at = at
        self.note = note
    }
}

/// Two practices pitching the same person close together: reported to both leads, because the person sees one firm.
public struct PitchOverlap: Equatable, Sendable {
    /// How close together two practices' pitches must be to count.
    public static let window: TimeInterval = 14 * 86_400

    public var candidateID: CandidateID
    public var earlierPracticeID: PracticeID
    public var earlierRecruiterID: UserID
    public var earlierAt: Date
    public var laterPracticeID: PracticeID
    public var laterRecruiterID: UserID
    public var laterOutreachID: OutreachID?
    public var at: Date

    public init(
        candidateID: CandidateID, earlierPracticeID: PracticeID, earlierRecruiterID: UserID, earlierAt: Date, laterPracticeID: PracticeID,
        laterRecruiterID: UserID, laterOutreachID: OutreachID?, at: Date
    ) {
        self.candidateID = candidateID
        self.earlierPracticeID = earlierPracticeID
        self.earlierRecruiterID = earlierRecruiterID
        self.earlierAt = earlierAt
        self.laterPracticeID = laterPracticeID
        self.laterRecruiterID = laterRecruiterID
        self.laterOutreachID = laterOutreachID
        self.at = at
    }

    /// The first earlier pitch within the window from a practice none of the new pitch's practices is, if any.
    /// `practices` gives each pitch's practices (those of its jobs); a pitch with none is skipped.
    public static func find(
        candidate: CandidateID, newPitch: (outreachID: OutreachID?, recruiterID: UserID, at: Date, practices: Set<PracticeID>),
        earlier: [(recruiterID: UserID, at: Date, practices: Set<PracticeID>)]
    ) -> PitchOverlap? {
        guard let laterPractice = newPitch.practices.min() else { return nil }
        let recent = earlier
            .filter { $0.at <= newPitch.at && newPitch.at.timeIntervalSince($0.at) <= window }
            .sorted { $0.at > $1.at }
        for pitch in recent where !pitch.practices.isEmpty && pitch.practices.isDisjoint(with: newPitch.practices) {
            guard let earlierPractice = pitch.practices.min() else { continue }
            return PitchOverlap(
                candidateID: candidate, earlierPracticeID: earlierPractice, earlierRecruiterID: pitch.recruiterID, earlierAt: pitch.at,
                laterPracticeID: laterPractice, laterRecruiterID: newPitch.recruiterID, laterOutreachID: newPitch.outreachID, at: newPitch.at)
        }
        return nil
    }
}
