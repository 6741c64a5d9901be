import RapportCore

/// By what rule free text was recognised as a skill; stored with the resolution so curators can see why.
public enum MatchRule: String, Sendable, CaseIterable, Codable {
    /// The skill's name, up to case, spacing and punctuation ("react", "Node.JS" for "Node.js").
    case name
    /// One of the skill's aliases, up to case, spacing and punctuation ("k8s", "react js" for "ReactJS").
    case alias
    /// The other side of a British/American spelling ("Data Modeling" for "Data Modelling").
    case spelling
    /// The singular or plural of a name or alias ("Microservice" for "Microservices", "REST API" for "REST APIs").
    case plural
    /// A framework or language suffix dropped or added ("Express.js" for "Express", "kotlinlang" for "Kotlin").
    case suffix
    /// A trailing version dropped ("Java 17", "Python3", "C++20", "ES2022" for the family of "ES6").
    case version
    /// One letter wrong, missing, extra or swapped in a name of five letters or more, when only one skill is that
    /// close ("Pythin" for "Python", "Kubernates" for "Kubernetes").
    case typo
}

/// What free text resolved to: a taxonomy skill, or an unknown skill kept for curation.
public enum SkillResolution: Equatable, Sendable {
    /// `matched` is the name or alias that matched; `how` says by what rule (exact name, alias, version stripped,
    /// plural, spelling variant…).
    case resolved(SkillID, matched: String, how: MatchRule)
    /// Kept for curation: `key` is the normalised text used to count repeats of the same unknown skill.
    case unresolved(key: String)

    /// The skill, when resolved.
    public var skillID: SkillID? {
        if case .resolved(let id, _, _) = self { return id }
        return nil
    }
}

/// Resolves one skill written freely (a CV's skill line, a form field) to the taxonomy skill it names.
///
/// Case, spacing and punctuation never matter ("React.js", "ReactJS", "react js"), except the symbols that make names:
/// "C#", "C++", "F#", ".NET" stay apart from "C", "F", "NET". When the text as written is no name or alias, these
/// generic rules are tried in order, and the first that lands on the taxonomy wins:
/// 1. British/American spelling folded ("modelling" ~ "modeling", "optimisation" ~ "optimization");
/// 2. the last word made singular or plural ("Microservice" ~ "Microservices", "REST API" ~ "REST APIs");
/// 3. a ".js" or "lang" suffix dropped, or ".js" added ("ExpressJS" ~ "Express", "Nuxt" ~ "Nuxt.js");
/// 4. trailing versions dropped — "17", "3.12", "v4", "8+", "2.x" after a name, or digits glued to a name of two or
///    more letters ("Python3", "Java17", "C++20") — and rules 1–3 tried again; digits that are part of a name stay,
///    because stripping happens only when the text as written resolves to nothing ("S3", "EC2", "Web3", "Neo4j");
/// 5. a version family: "ES2022" resolves like "ES6" when some skill has a name or alias of that family;
/// 6. one typo — a letter wrong, missing, extra or two swapped — in a key of five characters or more, when exactly one
///    skill has a name or alias that close and the text is not an ordinary English word ("Pythin", "Kubernates").
///
/// Before any rule, letters that only look Latin are folded to the Latin ones ("С#" with a Cyrillic С, fullwidth
/// "Ｃ＃", "C♯"), and case never matters, so "c#", "f#" and "c++" are C#, F# and C++.
///
/// Everything is built from the `Taxonomy` given, so skills and aliases added at run time are found once a new
/// normaliser is built; it is immutable and cheap to share.
public struct SkillNormalizer: Sendable {
    private struct Hit: Sendable {
        let skill: SkillID
        let term: String
        let isName: Bool
    }

    /// The taxonomy version this normaliser was built from, to tell when it is stale.
    public let taxonomyVersion: Int64
    /// Keys of names and aliases as written (lowercased, spacing and punctuation dropped).
    private let exact: [String: Hit]
    /// The same keys with British spellings folded to American.
    private let canonical: [String: Hit]
    /// Version families: "es" for a skill with the alias "ES6".
    private let families: [String: Hit]
    /// Keys of five characters or more with one character deleted, each with the keys and skills it came from: a
    /// text's key and its own one-deletions looked up here find every key one typo away.
    private let deletions: [String: [(key: String, hit: Hit)]]

    public init(taxonomy: Taxonomy) {
        taxonomyVersion = taxonomy.version
        var exact: [String: Hit] = [:]
        var canonical: [String: Hit] = [:]
        let terms = SkillTerm.terms(of: taxonomy)
        for term in terms {
            let hit = Hit(skill: term.skill, term: term.text, isName: term.isName)
            // Names are listed before aliases, so a name always wins a key another skill has as an alias.
            let rawKey = SkillKey.key(term.tokens, raw: true)
            if exact[rawKey] == nil { exact[rawKey] = hit }
            let key = SkillKey.key(term.tokens)
            if canonical[key] == nil { canonical[key] = hit }
        }
        var families: [String: Hit?] = [:]
        for term in terms {
            guard let stem = term.familyStem, canonical[stem] == nil else { continue }
            let hit = Hit(skill: term.skill, term: term.text, isName: term.isName)
            if let existing = families[stem] {
                // Two skills claim the family: a versioned text could mean either, so it means neither.
                if existing?.skill != term.skill { families[stem] = .some(nil) }
            } else {
                families[stem] = hit
            }
        }
        for (abbreviation, full) in EnglishWords.versionFamilies where families[abbreviation] == nil {
            if canonical[abbreviation] == nil, let hit = canonical[full] { families[abbreviation] = hit }
        }
        self.exact = exact
        self.canonical = canonical
        self.families = families.compactMapValues { $0 }
        var deletions: [String: [(key: String, hit: Hit)]] = [:]
        for (key, hit) in canonical where key.count >= Self.typoMinimum {
            for variant in Self.oneDeleted(key) {
                deletions[variant, default: []].append((key, hit))
            }
        }
        self.deletions = deletions
    }

    /// Names shorter than this tolerate no typo: "Rust" and "Ruby", "Java" and "Lava" are one letter apart.
    static let typoMinimum = 5

    /// The skill `text` names, or the unknown skill's key.
    ///
    /// Text with nothing to match — empty, whitespace or punctuation only — has no key and comes back as
    /// `.unresolved(key: "")`; validate input first, or call `resolve(_:)`, which returns nil for it.
    public func normalize(_ text: String) -> SkillResolution {
        resolve(text) ?? .unresolved(key: "")
    }

    /// The skill `text` names, the unknown skill's key, or nil when the text has no letters, digits or name symbols.
    public func resolve(_ text: String) -> SkillResolution? {
        let tokens = SkillKey.tokens(LookAlikes.fold(text))
        guard !tokens.isEmpty else { return nil }
        var words = tokens.map(\.lower)
        if let found = lookup(words) {
            return .resolved(found.hit.skill, matched: found.hit.term, how: found.rule)
        }
        // Trailing versions, one at a time: "Java 8/11", "Python 3.12", "C++17".
        var stripped = false
        while words.count > 1, let last = words.last, SkillKey.isVersion(last) {
            words.removeLast()
            stripped = true
            if let found = lookup(words) { return .resolved(found.hit.skill, matched: found.hit.term, how: .version) }
        }
        // A version glued to the name: "Python3", "Java17", "ES2022".
        if let last = words.last, let attached = SkillKey.splitAttachedVersion(last),
            SkillKey.looksLikeReleaseNumber(attached.version)
        {
            words[words.count - 1] = attached.stem
            stripped = true
            if let found = lookup(words) { return .resolved(found.hit.skill, matched: found.hit.term, how: .version) }
        }
        if stripped, let hit = families[SkillKey.key(words: words)] {
            return .resolved(hit.skill, matched: hit.term, how: .version)
        }
        if let hit = typo(words) {
            return .resolved(hit.skill, matched: hit.term, how: .typo)
        }
        return .unresolved(key: SkillKey.displayKey(tokens))
    }

    /// The key an unknown skill is counted under, the same `normalize` gives: "Foo Bar" and "foo-bar" are both
    /// "foo bar". Nil when the text has nothing to match.
    public static func key(_ text: String) -> String? {
        let tokens = SkillKey.tokens(text)
        return tokens.isEmpty ? nil : SkillKey.displayKey(tokens)
    }

    /// The one skill a key one typo away names, or nil when none or several do, the key is short, or the text is an
    /// ordinary English word ("scale" is not a typo of Scala).
    private func typo(_ words: [String]) -> Hit? {
        let key = SkillKey.key(words: words)
        guard key.count >= Self.typoMinimum, !(words.count == 1 && EnglishWords.isOrdinary(words[0])) else { return nil }
        var found: [(key: String, hit: Hit)] = deletions[key] ?? []
        for variant in Self.oneDeleted(key) {
            if let hit = canonical[variant], variant.count >= Self.typoMinimum { found.append((variant, hit)) }
            found += deletions[variant] ?? []
        }
        let close = found.filter { Self.isOneEditApart(key, $0.key) }
        guard let first = close.first, close.allSatisfy({ $0.hit.skill == first.hit.skill }) else { return nil }
        return first.hit
    }

    /// The key with each character left out in turn.
    private static func oneDeleted(_ key: String) -> Set<String> {
        let characters = Array(key)
        return Set(characters.indices.map { index in
            var shorter = characters
            shorter.remove(at: index)
            return String(shorter)
        })
    }

    /// One substitution, insertion, deletion or swap of neighbours turns one into the other (and they differ).
    static func isOneEditApart(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        if x == y || abs(x.count - y.count) > 1 { return false }
        var start = 0
        while start < min(x.count, y.count) && x[start] == y[start] { start += 1 }
        var endX = x.count, endY = y.count
        while endX > start && endY > start && x[endX - 1] == y[endY - 1] {
            endX -= 1
            endY -= 1
        }
        let restX = endX - start, restY = endY - start
        if restX <= 1 && restY <= 1 { return true }
        return restX == 2 && restY == 2 && x[start] == y[start + 1] && x[start + 1] == y[start]
    }

    /// Rules 1–3 on lowercased tokens.
    private func lookup(_ words: [String]) -> (hit: Hit, rule: MatchRule)? {
        let rawKey = SkillKey.key(words: words, raw: true)
        if let hit = exact[rawKey] { return (hit, hit.isName ? .name : .alias) }
        let keys = words.map { SkillKey.tokenKey($0) }
        let key = keys.joined()
        if let hit = canonical[key] { return (hit, .spelling) }
        if let last = keys.last, last.unicodeScalars.allSatisfy(SkillKey.isLetter), last.utf8.count >= 3 {
            let prefix = keys.dropLast().joined()
            for variant in [SkillKey.singular(last), SkillKey.plural(last)] {
                if let variant, let hit = canonical[prefix + variant] { return (hit, .plural) }
            }
        }
        if key.hasSuffix("js"), key.utf8.count > 2, let hit = canonical[String(key.dropLast(2))] {
            return (hit, .suffix)
        }
        if !key.hasSuffix("js"), let hit = canonical[key + "js"] { return (hit, .suffix) }
        if key.hasSuffix("lang"), key.utf8.count > 5, let hit = canonical[String(key.dropLast(4))] {
            return (hit, .suffix)
        }
        return nil
    }
}

/// One name or alias of a skill, tokenised once for building lookups.
struct SkillTerm: Sendable {
    let skill: SkillID
    let text: String
    let isName: Bool
    let category: String
    let tokens: [SkillToken]

    /// Every name, then every alias, each in id order: the order in which they claim shared keys.
    static func terms(of taxonomy: Taxonomy) -> [SkillTerm] {
        var names: [SkillTerm] = []
        var aliases: [SkillTerm] = []
        for skill in taxonomy.skills {
            let category = skill.category.lowercased()
            let nameTokens = SkillKey.tokens(skill.name)
            if !nameTokens.isEmpty {
                names.append(
                    SkillTerm(skill: skill.id, text: skill.name, isName: true, category: category, tokens: nameTokens)
                )
            }
            for alias in skill.aliases {
                let tokens = SkillKey.tokens(alias)
                guard !tokens.isEmpty else { continue }
                aliases.append(SkillTerm(skill: skill.id, text: alias, isName: false, category: category, tokens: tokens))
            }
        }
        return names + aliases
    }

    /// The key of the name without its version when the term is "name + release" ("ES6", "Scala 3", "HTML5"),
    /// so other releases of it resolve too ("ES2022"). Nil for terms whose digits are part of the name: a stem of
    /// fewer than two letters ("S3", "D365"), an ordinary word ("Web3", "PRINCE2"), a number that is no release
    /// ("ISO 27001", "Dynamics 365").
    var familyStem: String? {
        var words = tokens.map(\.lower)
        guard let last = words.last else { return nil }
        if words.count > 1, SkillKey.isVersion(last) {
            var major = Substring(last)
            if major.hasPrefix("v") { major = major.dropFirst() }
            major = major.prefix { SkillKey.isDigit($0.unicodeScalars.first ?? " ") }
            guard SkillKey.looksLikeReleaseNumber(String(major)) else { return nil }
            words.removeLast()
        } else if let attached = SkillKey.splitAttachedVersion(last), SkillKey.looksLikeReleaseNumber(attached.version) {
            words[words.count - 1] = attached.stem
        } else {
            return nil
        }
        let key = SkillKey.key(words: words)
        guard key.unicodeScalars.filter(SkillKey.isLetter).count >= 2 else { return nil }
        if words.count == 1, EnglishWords.isOrdinary(words[0]) { return nil }
        return key
    }
}
