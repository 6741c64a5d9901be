import Foundation

/// Two records of one person made one, as a person decided after comparing them side by side: never done by a rule
/// alone. The record kept keeps its id, owner, practice, goals and preferences; for the fields people disagree on
/// (name, e-mail, phone, where they live, headline, summary) the recruiter picks a side. Everything else both records
/// know is united, and the stricter contact wish wins: do-not-contact on either stays, the lower pitch limit holds.
public struct CandidateMerge: Sendable, Equatable {
    /// Which record a field's value is taken from.
    public enum Side: String, CaseIterable, Sendable {
        case kept
        case absorbed
    }

    /// The fields a recruiter picks a side for, in the order the comparison shows them.
    public enum Field: String, CaseIterable, Sendable {
        case name, email, phone, location, headline, summary
    }

    public var kept: Candidate
    public var absorbed: Candidate
    /// The side each field's value is taken from; a field not named is the kept record's.
    public var choices: [Field: Side]

    public init(kept: Candidate, absorbed: Candidate, choices: [Field: Side] = [:]) {
        self.kept = kept
        self.absorbed = absorbed
        self.choices = choices
    }

    /// The e-mail address the merged person is not reached at any more, kept as an alias of them so that a reply, an
    /// import or a portal sign-in from it still finds them.
    public var aliasEmail: String {
        choices[.email] == .absorbed ? kept.profile.email : absorbed.profile.email
    }

    /// The profile the kept record is given.
    public var profile: CandidateProfile {
        let mine = kept.profile
        let theirs = absorbed.profile
        func pick<Value>(_ field: Field, _ value: KeyPath<CandidateProfile, Value>) -> Value {
            choices[field] == .absorbed ? theirs[keyPath: value] : mine[keyPath: value]
        }
        var merged = mine
        merged.name = pick(.name, \.name)
        merged.email = pick(.email, \.email)
        merged.phone = pick(.phone, \.phone) ?? mine.phone ?? theirs.phone
        if choices[.location] == .absorbed {
            merged.location = theirs.location
            merged.timeZone = theirs.timeZone
            merged.region = theirs.region
        }
        // A text picked but empty takes the other record's.
        let texts: [(Field, WritableKeyPath<CandidateProfile, String>)] = [(.headline, \.headline), (.summary, \.summary)]
        for (field, text) in texts {
            let picked = pick(field, text)
            merged[keyPath: text] = picked.isEmpty ? (choices[field] == .absorbed ? mine : theirs)[keyPath: text] : picked
        }
        merged.links = Array(Self.united(mine.links, theirs.links).prefix(10))
        merged.workAuthorisations = Array(Self.united(mine.workAuthorisations, theirs.workAuthorisations).prefix(10))
        merged.skills = Self.skills(mine.skills, theirs.skills)
        merged.unresolvedSkills = Array((mine.unresolvedSkills + theirs.unresolvedSkills.filter { text in
            !mine.unresolvedSkills.contains { $0.caseInsensitiveCompare(text) == .orderedSame }
        }).prefix(200))
        merged.work = Array(Self.united(mine.work, theirs.work).prefix(50))
        merged.education = Array(Self.united(mine.education, theirs.education).prefix(20))
        merged.certifications = Array(Self.united(mine.certifications, theirs.certifications).prefix(50))
        merged.languages = Array(Self.united(mine.languages, theirs.languages).prefix(20))
        merged.interests.skillsToLearn = Array(Self.united(mine.interests.skillsToLearn, theirs.interests.skillsToLearn).prefix(50))
        merged.interests.domains = Self.united(mine.interests.domains, theirs.interests.domains)
        // The newest consents last: every recorded permission and withdrawal of either record is kept.
        merged.consents = Array(Self.united(mine.consents, theirs.consents).sorted { $0.recordedAt < $1.recordedAt }.suffix(50))
        merged.contactPreferences.doNotContact = mine.contactPreferences.doNotContact || theirs.contactPreferences.doNotContact
        merged.contactPreferences.maxJobPitchesPer30Days = min(mine.contactPreferences.maxJobPitchesPer30Days,
                                                               theirs.contactPreferences.maxJobPitchesPer30Days)
        // One record cannot have referred the other: the person came to us once.
        if merged.source.referrerID == absorbed.id {
            merged.source = theirs.source.referrerID == kept.id ? CandidateSource(kind: .sourced) : theirs.source
        }
        return merged
    }

    /// Refuses a merge of a record with itself.
    public func validate() throws(RapportError) {
        if kept.id == absorbed.id { throw RapportError.invalid(field: "absorbed", "is the record kept; choose another person") }
    }

    /// Both lists, each item once, in the order first seen.
    static func united<Item: Hashable>(_ first: [Item], _ second: [Item]) -> [Item] {
        var seen = Set<Item>()
        return (first + second).filter { seen.insert($0).inserted }
    }

    /// One entry per skill: the higher level, more years, later use, and a wish to grow stated on either.
    static func skills(_ first: [CandidateSkill], _ second: [CandidateSkill]) -> [CandidateSkill] {
        var skills = first
        for skill in second {
            if let index = skills.firstIndex(where: { $0.skillID == skill.skillID }) {
                skills[index].level = max(skills[index].level, skill.level)
                skills[index].years = max(skills[index].years, skill.years)
                if let used = skill.lastUsed { skills[index].lastUsed = max(skills[index].lastUsed ?? used, used) }
                skills[index].wantsToGrow = skills[index].wantsToGrow || skill.wantsToGrow
            } else if skills.count < CandidateProfile.maxSkills {
                skills.append(skill)
            }
        }
        return skills
    }
}
