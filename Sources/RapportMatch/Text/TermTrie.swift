import RapportCore

/// One name, alias or derived form of a skill as the extractor matches it.
struct TrieTerm: Sendable {
    let skill: SkillID
    /// Byte positions in the key where the written name has a break; the text may break only there.
    let splits: UInt64
    /// The name as written, when only that case counts ("Go", "R", "SAFe"); nil when any case does.
    let cased: String?
    /// Another form of `cased` that counts too: a lowercase name capitalised ("Node" for "node"), an acronym in
    /// lowercase ("sql" for "SQL", but never "Sam" for "SAM").
    let alternateCase: String?
    /// An ordinary word written in capitals ("REST", "BASIC"): in a heading of capitals it needs context.
    let shoutable: Bool
    /// Counts only in technical context (see `SkillExtractor`).
    let needsContext: Bool
    /// Never glued to a neighbouring word ("C-level", "R&D").
    let refusesGlue: Bool
    /// A version family stem: counts only with a version glued to it ("ES" in "ES2022").
    let versionOnly: Bool
    /// May carry a version glued to it ("Python3", "Java17").
    let acceptsAttachedVersion: Bool
}

/// The extractor's dictionary: a byte trie over the normalised keys of every name, alias and derived form, stored
/// as flat arrays so a walk is a few array reads per byte.
struct TermTrie: Sendable {
    static let root: Int32 = 0

    /// The root's children by byte, for the one node every walk starts at.
    private let rootChildren: [Int32]
    /// Children of node `n` are `edgeBytes[edgeStart[n]..<edgeStart[n + 1]]` (sorted), leading to `edgeTargets`.
    private let edgeStart: [Int32]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    /// Terms ending at node `n` are `terms[termStart[n]..<termStart[n + 1]]`, in the order they were given.
    private let termStart: [Int32]
    private let terms: [TrieTerm]

    init(entries: [(key: [UInt8], term: TrieTerm)]) {
        var edges: [Int64: Int32] = [:]
        var nodeCount: Int32 = 1
        var termNodes: [Int32] = []
        termNodes.reserveCapacity(entries.count)
        for entry in entries {
            var node: Int32 = 0
            for byte in entry.key {
                let edge = Int64(node) << 8 | Int64(byte)
                if let child = edges[edge] {
                    node = child
                } else {
                    edges[edge] = nodeCount
                    node = nodeCount
                    nodeCount += 1
                }
            }
            termNodes.append(node)
        }
        let nodes = Int(nodeCount)
        let sortedEdges = edges.sorted { $0.key < $1.key }
        var edgeStart = [Int32](repeating: 0, count: nodes + 1)
        for (edge, _) in sortedEdges { edgeStart[Int(edge >> 8) + 1] += 1 }
        for node in 0..<nodes { edgeStart[node + 1] += edgeStart[node] }
        self.edgeStart = edgeStart
        edgeBytes = sortedEdges.map { UInt8(truncatingIfNeeded: $0.key) }
        edgeTargets = sortedEdges.map(\.value)
        var rootChildren = [Int32](repeating: -1, count: 256)
        for (edge, target) in sortedEdges where edge >> 8 == 0 { rootChildren[Int(edge & 0xFF)] = target }
        self.rootChildren = rootChildren

        var termStart = [Int32](repeating: 0, count: nodes + 1)
        for node in termNodes { termStart[Int(node) + 1] += 1 }
        for node in 0..<nodes { termStart[node + 1] += termStart[node] }
        var fill = termStart
        var terms = [TrieTerm?](repeating: nil, count: entries.count)
        for (entry, node) in zip(entries, termNodes) {
            terms[Int(fill[Int(node)])] = entry.term
            fill[Int(node)] += 1
        }
        self.termStart = termStart
        self.terms = terms.map { $0! }
    }

    /// The child of `node` by `byte`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ byte: UInt8) -> Int32 {
        if node == 0 { return rootChildren[Int(byte)] }
        let end = Int(edgeStart[Int(node) + 1])
        var index = Int(edgeStart[Int(node)])
        while index < end {
            let candidate = edgeBytes[index]
            if candidate == byte { return edgeTargets[index] }
            if candidate > byte { return -1 }
            index += 1
        }
        return -1
    }

    @inline(__always)
    func hasTerms(_ node: Int32) -> Bool {
        termStart[Int(node)] != termStart[Int(node) + 1]
    }

    func terms(_ node: Int32) -> ArraySlice<TrieTerm> {
        terms[Int(termStart[Int(node)])..<Int(termStart[Int(node) + 1])]
    }
}

extension TermTrie {
    /// Every name and alias, then the forms derived from unambiguous ones — singulars and plurals, ".js" forms and
    /// version families — wherever they do not collide with a real name or alias.
    static func entries(for terms: [SkillTerm]) -> [(key: [UInt8], term: TrieTerm)] {
        var entries: [(key: [UInt8], term: TrieTerm)] = []
        var realKeys = Set<[UInt8]>()
        var derived: [(key: [UInt8], term: TrieTerm)] = []
        for term in terms {
            // "A programming language" is a description, not a name: as text it would be found everywhere.
            if term.tokens.count > 1, ["a", "an"].contains(term.tokens[0].lower), term.tokens[1].gap == .space { continue }
            let keys = term.tokens.map { SkillKey.tokenKey($0.lower) }
            let key = Array(keys.joined().utf8)
            guard !key.isEmpty else { continue }
            realKeys.insert(key)
            let splits = splitMask(term.tokens, keys: keys)
            let ambiguity = Ambiguity(term)
            let letters = keys.joined().unicodeScalars.filter(SkillKey.isLetter).count
            let cased = ambiguity.exactCase ? term.tokens.map(\.cased).joined() : nil
            entries.append(
                (
                    key,
                    TrieTerm(
                        skill: term.skill, splits: splits, cased: cased,
                        alternateCase: cased.flatMap { ambiguity.acronym ? $0.lowercased() : capitalizedIfLowercase($0) },
                        shoutable: ambiguity.shoutable, needsContext: ambiguity.needsContext,
                        refusesGlue: ambiguity.refusesGlue, versionOnly: false,
                        acceptsAttachedVersion: (cased == nil || ambiguity.acronym) && letters >= 2
                    )
                )
            )
            let plain = TrieTerm(
                skill: term.skill, splits: splits, cased: nil, alternateCase: nil, shoutable: false, needsContext: false,
                refusesGlue: false, versionOnly: false, acceptsAttachedVersion: true
            )
            if !ambiguity.exactCase || ambiguity.acronym {
                for variant in numberVariants(term, keys: keys) {
                    derived.append((Array(variant.utf8), plain))
                }
            }
            if keys.count == 1, letters >= 3, keys[0].unicodeScalars.allSatisfy(SkillKey.isLetter),
                !keys[0].hasSuffix("js")
            {
                let jsSplits = key.count < 64 ? splits | 1 << UInt64(key.count) : splits
                derived.append(
                    (
                        key + Array("js".utf8),
                        TrieTerm(
                            skill: term.skill, splits: jsSplits, cased: nil, alternateCase: nil, shoutable: false,
                            needsContext: false, refusesGlue: false, versionOnly: false, acceptsAttachedVersion: false
                        )
                    )
                )
            }
            if let stem = term.familyStem {
                derived.append(
                    (
                        Array(stem.utf8),
                        TrieTerm(
                            skill: term.skill, splits: 0, cased: nil, alternateCase: nil, shoutable: false,
                            needsContext: false, refusesGlue: false, versionOnly: true, acceptsAttachedVersion: true
                        )
                    )
                )
            }
        }
        // A family two skills claim ("ES" for two skills with an "ES6") could mean either, so it means neither.
        var familySkills: [[UInt8]: Set<SkillID>] = [:]
        for entry in derived where entry.term.versionOnly { familySkills[entry.key, default: []].insert(entry.term.skill) }
        var seen = Set<[UInt8]>()
        for entry in derived where !realKeys.contains(entry.key) {
            if entry.term.versionOnly, familySkills[entry.key]?.count != 1 { continue }
            // Two forms derived alike for the same key: the first (a name's, or the lower id's) is enough.
            if seen.insert(entry.key).inserted { entries.append(entry) }
        }
        return entries
    }

    /// Where the written name breaks between tokens, as byte positions in its key.
    private static func splitMask(_ tokens: [SkillToken], keys: [String]) -> UInt64 {
        var mask: UInt64 = 0
        var position = 0
        for (index, token) in tokens.enumerated() {
            if index > 0, token.gap.isSplit, position < 64 { mask |= 1 << UInt64(position) }
            position += keys[index].utf8.count
        }
        return mask
    }

    /// The key with the last word made singular or plural, where that reads as the same skill: "microservice" for
    /// "Microservices", "rest apis" for "REST API". A single word needs five letters and must not turn into an
    /// ordinary word ("Windows" is no "window"); an acronym's plural is its letters plus "s" ("OKRs", "APIs").
    private static func numberVariants(_ term: SkillTerm, keys: [String]) -> [String] {
        guard let last = keys.last, let lastCased = term.tokens.last?.cased,
            last.unicodeScalars.allSatisfy(SkillKey.isLetter)
        else { return [] }
        let prefix = keys.dropLast().joined()
        let single = keys.count == 1
        let acronymPlural = lastCased.count >= 3 && lastCased.hasSuffix("s")
            && lastCased.dropLast().allSatisfy { $0.isUppercase }
        let acronym = lastCased.count >= 2 && lastCased.allSatisfy { $0.isUppercase }
        var variants: [String] = []
        if let singular = SkillKey.singular(last) ?? (acronymPlural ? String(last.dropLast()) : nil) {
            let fits = acronymPlural || (single ? singular.count >= 5 && !EnglishWords.isOrdinary(singular)
                : singular.count >= 3)
            if fits { variants.append(prefix + singular) }
        }
        if !last.hasSuffix("s") {
            let fits = acronym || (single ? last.count >= 4 && !EnglishWords.isOrdinary(last) : last.count >= 3)
            if fits { variants.append(prefix + (acronym ? last + "s" : SkillKey.plural(last))) }
        }
        return variants
    }

    private static func capitalizedIfLowercase(_ text: String) -> String? {
        guard let first = text.first, text == text.lowercased() else { return nil }
        return first.uppercased() + text.dropFirst()
    }
}

/// How ambiguous a name or alias is as free text (see `SkillExtractor`).
struct Ambiguity {
    /// Counts only as written in the taxonomy.
    var exactCase = false
    /// Counts only in technical context.
    var needsContext = false
    /// Never glued to a neighbouring word.
    var refusesGlue = false
    /// An acronym of three or more capitals: counts in capitals or in lowercase ("SQL", "sql"), never capitalised
    /// like a word or name ("Sam" is not "SAM").
    var acronym = false
    /// An ordinary word written in capitals ("REST", "BASIC").
    var shoutable = false

    init(_ term: SkillTerm) {
        let tokens = term.tokens
        let lower = tokens.map(\.lower).joined()
        let letters = lower.unicodeScalars.filter(SkillKey.isLetter).count
        guard tokens.count == 1, let token = tokens.first else {
            // "R&S", "C/C++" written as one alias: short enough to need its case.
            exactCase = letters <= 2
            return
        }
        guard token.lower.unicodeScalars.allSatisfy(SkillKey.isLetter) else {
            // "k6", "S3", "C#", ".NET": digits and symbols make a name. A sign makes one that no sentence writes by
            // chance, so "c#" and "f#" in lower case count as well, as an acronym's lower case does.
            exactCase = letters <= 1 && token.lower.utf8.count <= 2
            acronym = exactCase && token.lower.unicodeScalars.contains { $0 == "#" || $0 == "+" }
            return
        }
        let english = EnglishWords.isOrdinary(token.lower)
        let concept = EnglishWords.conceptCategories.contains(term.category)
        if letters == 1 || EnglishWords.isEverydayAbbreviation(token.cased) || (letters == 2 && english && !concept) {
            exactCase = true
            needsContext = true
            refusesGlue = letters <= 2
        } else if letters == 2 {
            exactCase = true
        } else if english, Self.isDistinctive(token.cased) {
            // "SAFe", "SAP", "SNOW": a case no sentence gives an ordinary word is evidence enough.
            exactCase = true
            shoutable = token.cased.unicodeScalars.allSatisfy { $0.properties.isUppercase }
        } else if !english, token.cased.unicodeScalars.allSatisfy({ $0.properties.isUppercase }) {
            exactCase = true
            acronym = true
        } else if english, !concept {
            exactCase = true
            needsContext = true
        }
    }

    /// Neither all lowercase nor merely capitalised: "SAFe", "SAP", "SNOW" are never a sentence's ordinary word.
    private static func isDistinctive(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        let uppercase = scalars.filter { $0.properties.isUppercase }.count
        if uppercase == 0 { return false }
        if uppercase == 1 && scalars[0].properties.isUppercase { return false }
        return true
    }
}
