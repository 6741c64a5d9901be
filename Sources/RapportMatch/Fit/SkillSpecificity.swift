import RapportCore

/// How much a shared skill says about a person's fit for a job: little for tools everyone lists (Git, Slack, Office,
/// Jira), much for a rare, specific one. Multiplies a requirement's weight in the fit score and in the index query.
///
/// specificity = generic × rarity, between 0.1 and 1 (MATCHING.md):
/// - generic: 0.2 for the skills `Taxonomy.genericNames` lists (collaboration and office tools, version control hosts,
///   data formats, "Agile"; not Scrum or Kanban, which a delivery role asks for in earnest), 1 for every other;
/// - rarity: 1 − 0.5 × min(1, share / 0.4), where share is the mean of the shares of people and of open jobs that
///   list the skill themselves (not through a neighbour): a skill a tenth of the firm's people and jobs list keeps
///   0.875, one that four in ten list keeps half. Until the firm holds `minimumPopulation` people and jobs together,
///   shares say too little and rarity is 1.
public struct SkillSpecificity: Sendable {
    /// People and open jobs together before how common a skill is counts.
    public static let minimumPopulation = 200
    static let genericWeight = 0.2

    private let generic: Set<SkillID>
    private let rarity: [SkillID: Double]

    /// From the taxonomy alone: generic skills count a fifth, every other in full.
    public init(taxonomy: Taxonomy) {
        generic = taxonomy.genericSkills
        rarity = [:]
    }

    /// With how many people and open jobs list each skill.
    public init(taxonomy: Taxonomy, people: Int, peopleWith: [SkillID: Int], jobs: Int, jobsWith: [SkillID: Int]) {
        generic = taxonomy.genericSkills
        guard people + jobs >= Self.minimumPopulation else {
            rarity = [:]
            return
        }
        var rarity: [SkillID: Double] = [:]
        for id in Set(peopleWith.keys).union(jobsWith.keys) {
            let peopleShare = people > 0 ? Double(peopleWith[id] ?? 0) / Double(people) : 0
            let jobShare = jobs > 0 ? Double(jobsWith[id] ?? 0) / Double(jobs) : 0
            let shares = (people > 0 ? 1.0 : 0) + (jobs > 0 ? 1.0 : 0)
            let share = (peopleShare + jobShare) / shares
            let value = 1 - 0.5 * min(1, share / 0.4)
            if value < 1 { rarity[id] = value }
        }
        self.rarity = rarity
    }

    /// 0.1…1.
    public func weight(_ id: SkillID) -> Double {
        prior(id) * (rarity[id] ?? 1)
    }

    /// The taxonomy's part alone, which does not change as people and jobs come and go.
    public func prior(_ id: SkillID) -> Double {
        generic.contains(id) ? Self.genericWeight : 1
    }

    public func isGeneric(_ id: SkillID) -> Bool {
        generic.contains(id)
    }
}

extension Taxonomy {
    /// Skills that nearly every IT job and person lists, which say almost nothing about fit: matched by name or alias,
    /// ignoring case, so a firm's own skill of the same name counts as generic too.
    public static let genericNames: Set<String> = [
        "git", "github", "gitlab", "bitbucket", "subversion", "slack", "microsoft teams", "zoom", "microsoft office",
        "microsoft excel", "microsoft word", "microsoft powerpoint", "microsoft outlook", "google workspace", "jira",
        "confluence", "trello", "notion", "visual studio code", "markdown", "json", "xml", "yaml", "http", "agile",
        "code review", "communication", "teamwork", "problem solving", "english",
    ]

    /// The skills `genericNames` names.
    static func generic(_ skills: [Skill]) -> Set<SkillID> {
        Set(skills.filter { skill in
            genericNames.contains(skill.name.lowercased()) || skill.aliases.contains { genericNames.contains($0.lowercased()) }
        }.map(\.id))
    }
}
