import RapportCore

/// The skill taxonomy as matching sees it: every skill by id with its relations resolved both ways.
///
/// Built from the store's skills whenever they change; `version` is the store's taxonomy version, so a cached
/// normaliser or index can tell whether it is stale.
public struct Taxonomy: Sendable {
    public let version: Int64
    public let skills: [Skill]
    private let positions: [SkillID: Int]
    /// For each skill, the skills that imply it (Spring and Spring Boot imply Java).
    private let impliedBy: [SkillID: [SkillID]]
    /// `related` made symmetric: if React lists Vue, Vue is related to React too.
    private let relatedBoth: [SkillID: [SkillID]]
    /// Skills nearly everyone lists (`genericNames`), which say little about fit or profession.
    public let genericSkills: Set<SkillID>

    public init(version: Int64, skills: [Skill]) {
        self.version = version
        self.skills = skills.sorted { $0.id < $1.id }
        var positions: [SkillID: Int] = [:]
        for (index, skill) in self.skills.enumerated() {
            positions[skill.id] = index
        }
        self.positions = positions
        var impliedBy: [SkillID: [SkillID]] = [:]
        var relatedBoth: [SkillID: Set<SkillID>] = [:]
        for skill in self.skills {
            for target in skill.implies where target != skill.id {
                impliedBy[target, default: []].append(skill.id)
            }
            for other in skill.related where other != skill.id {
                relatedBoth[skill.id, default: []].insert(other)
                relatedBoth[other, default: []].insert(skill.id)
            }
        }
        self.impliedBy = impliedBy
        self.relatedBoth = relatedBoth.mapValues { $0.sorted() }
        genericSkills = Self.generic(self.skills)
    }

    public var count: Int { skills.count }

    public func skill(_ id: SkillID) -> Skill? {
        positions[id].map { skills[$0] }
    }

    public func name(_ id: SkillID) -> String {
        skill(id)?.name ?? "skill \(id)"
    }

    /// Skills this one implies, directly (Spring Boot → Spring) — not transitively.
    public func implies(_ id: SkillID) -> [SkillID] {
        skill(id)?.implies ?? []
    }

    /// Skills that imply this one: who has Java "through" another skill.
    public func impliedBy(_ id: SkillID) -> [SkillID] {
        impliedBy[id] ?? []
    }

    /// Related skills in both directions.
    public func related(_ id: SkillID) -> [SkillID] {
        relatedBoth[id] ?? []
    }
}

extension Taxonomy {
    /// The taxonomy as `store` holds it now.
    public static func current(in store: any RapportStore) async throws -> Taxonomy {
        Taxonomy(version: try await store.taxonomyState().version, skills: try await store.allSkills())
    }
}
