/// A canonical skill of the taxonomy, with the aliases people write for it, the practice it belongs to and how it
/// relates to other skills.
public struct Skill: Equatable, Sendable, Identifiable {
    public var id: SkillID
    public var name: String
    public var aliases: [String]
    public var category: String
    public var practiceID: PracticeID?
    /// Skills anyone with this one also has to some degree: Spring implies Java, Next.js implies React.
    public var implies: [SkillID]
    /// Neighbouring skills that transfer with some ramp-up: React ~ Vue, AWS ~ Azure (a weaker link than implies).
    public var related: [SkillID]

    public init(
        id: SkillID, name: String, aliases: [String] = [], category: String, practiceID: PracticeID? = nil,
        implies: [SkillID] = [], related: [SkillID] = []
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.category = category
        self.practiceID = practiceID
        self.implies = implies
        self.related = related
    }
}
