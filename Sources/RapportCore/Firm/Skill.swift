/// A canonical skill of the taxonomy, with the aliases people write for it and the practice it belongs to.
public struct Skill: Equatable, Sendable, Identifiable {
    public var id: SkillID
    public var name: String
    public var aliases: [String]
    public var category: String
    public var practiceID: PracticeID?

    public init(id: SkillID, name: String, aliases: [String] = [], category: String, practiceID: PracticeID? = nil) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.category = category
        self.practiceID = practiceID
    }
}
