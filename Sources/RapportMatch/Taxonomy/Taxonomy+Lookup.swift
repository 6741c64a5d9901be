import Foundation
import RapportCore
import RapportText

extension Taxonomy {
    /// The skill a person typed by its exact name or an alias, in any case and with spaces around it ("k8s", "spring boot").
    public func named(_ text: String) -> Skill? {
        let key = Self.key(text)
        guard !key.isEmpty else { return nil }
        return skills.first { Self.key($0.name) == key || $0.aliases.contains { Self.key($0) == key } }
    }

    /// Skills whose name or an alias starts with what was typed ("jav" → Java, JavaScript), names before aliases and
    /// shorter names first, at most `limit`.
    public func suggestions(prefix text: String, limit: Int = 10) -> [Skill] {
        let key = Self.key(text)
        guard !key.isEmpty else { return [] }
        let byName = skills.filter { Self.key($0.name).hasPrefix(key) }
        let byAlias = skills.filter { skill in !byName.contains { $0.id == skill.id } && skill.aliases.contains { Self.key($0).hasPrefix(key) } }
        let shortestFirst = { (a: Skill, b: Skill) in (a.name.count, a.name) < (b.name.count, b.name) }
        return Array((byName.sorted(by: shortestFirst) + byAlias.sorted(by: shortestFirst)).prefix(limit))
    }

    private static func key(_ text: String) -> String {
        text.trimmed.lowercased()
    }
}
