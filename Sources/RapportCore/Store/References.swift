/// A kind of record another record can point at.
public enum EntityKind: String, Sendable {
    case candidate
    case job
    case client
    case practice
    case user
    case skill
}

/// One id a record points at, with the field it came from, so a dangling id is reported against that field.
public struct EntityReference: Equatable, Sendable {
    public var field: String
    public var kind: EntityKind
    public var id: Int64

    public init(field: String, kind: EntityKind, id: Int64) {
        self.field = field
        self.kind = kind
        self.id = id
    }

    /// Every reference whose target is not in `existing` becomes a validation issue on its field.
    public static func check(_ references: [EntityReference], existing: (EntityKind, Set<Int64>) -> Set<Int64>) throws(RapportError) {
        var issues: [ValidationIssue] = []
        let byKind = Dictionary(grouping: references, by: \.kind)
        for (kind, group) in byKind.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let found = existing(kind, Set(group.map(\.id)))
            for reference in group where !found.contains(reference.id) {
                issues.append(.missing(reference.field, "refers to \(kind.rawValue) \(reference.id), which does not exist"))
            }
        }
        if !issues.isEmpty { throw .invalid(issues.sorted { $0.field < $1.field }) }
    }
}

extension CandidateProfile {
    public var references: [EntityReference] {
        var result: [EntityReference] = []
        for (index, skill) in skills.enumerated() {
            result.append(EntityReference(field: "skills[\(index)].skillID", kind: .skill, id: skill.skillID.rawValue))
        }
        for (index, client) in goals.clientsAvoided.enumerated() {
            result.append(EntityReference(field: "goals.clientsAvoided[\(index)]", kind: .client, id: client.rawValue))
        }
        for (index, skill) in interests.skillsToLearn.enumerated() {
            result.append(EntityReference(field: "interests.skillsToLearn[\(index)]", kind: .skill, id: skill.rawValue))
        }
        if let ownerID { result.append(EntityReference(field: "ownerID", kind: .user, id: ownerID.rawValue)) }
        if let homePracticeID { result.append(EntityReference(field: "homePracticeID", kind: .practice, id: homePracticeID.rawValue)) }
        if let referrerID = source.referrerID {
            result.append(EntityReference(field: "source.referrerID", kind: .candidate, id: referrerID.rawValue))
        }
        return result
    }
}

extension JobDetails {
    public var references: [EntityReference] {
        var result = [EntityReference(field: "clientID", kind: .client, id: clientID.rawValue)]
        for (index, skill) in requiredSkills.enumerated() {
            result.append(EntityReference(field: "requiredSkills[\(index)].skillID", kind: .skill, id: skill.skillID.rawValue))
        }
        if let practiceID { result.append(EntityReference(field: "practiceID", kind: .practice, id: practiceID.rawValue)) }
        for (index, owner) in ownerIDs.enumerated() {
            result.append(EntityReference(field: "ownerIDs[\(index)]", kind: .user, id: owner.rawValue))
        }
        return result
    }
}

extension UserDetails {
    public var references: [EntityReference] {
        practiceIDs.enumerated().map { index, id in
            EntityReference(field: "practiceIDs[\(index)]", kind: .practice, id: id.rawValue)
        }
    }
}

extension PracticeDetails {
    public var references: [EntityReference] {
        leadID.map { [EntityReference(field: "leadID", kind: .user, id: $0.rawValue)] } ?? []
    }
}
