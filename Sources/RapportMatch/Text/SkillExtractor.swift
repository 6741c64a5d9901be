import RapportCore

/// One mention of a skill in free text, with its evidence.
public struct ExtractedSkill: Equatable, Sendable {
    public let skillID: SkillID
    /// The evidence exactly as written in the input: "React.js", "Golang", "Python3".
    public let text: String
    /// UTF-16 offsets into the input (what a JSON/JavaScript client can slice with).
    public let range: Range<Int>

    public init(skillID: SkillID, text: String, range: Range<Int>) {
        self.skillID = skillID
        self.text = text
        self.range = range
    }
}

/// Finds the taxonomy's skills in free text (job descriptions, CV summaries), each mention with its evidence span.
///
/// **Matching.** Every name and alias is a key in a trie built once in `init`; the text is tokenised and, from each
/// token, the trie is walked as far as it goes and the longest name that ends on a token boundary wins ("Spring Boot"
/// over "Spring", "Google Cloud Platform" as one mention, "T-SQL" over "SQL"). A match therefore never starts or ends
/// inside a word: no "ai" in "maintain", no "Java" in "JavaScript", no "SQL" in "NoSQL", "MySQL" or "PostgreSQL".
/// Case, spacing and joiners are ignored the way `SkillNormalizer` ignores them, with one limit: the text may break a
/// name only where the name itself has a break ("react js" for "React.js", never "my sql" for "MySQL"). Punctuation
/// around a mention is not part of it ("(Kubernetes)", "AWS/Azure", "C#,", "Node.js." at the end of a sentence,
/// "React-based", "Kubernetes'"). Plurals and singulars of multi-letter names are found too ("microservice",
/// "REST API"), as are ".js" forms ("Express.js") and versions glued to a name ("Python3", "Java17", "ES2022").
///
/// **Ambiguous names.** Some names are also ordinary text. A name or alias that is
/// - a single letter ("R", "C", "D"),
/// - an ordinary English word or first name (`EnglishWords`: "Go", "Swift", "Spring", "Rust", "Ruby", "Make",
///   "Express", "Chef", "Puppet", "Julia"), unless the skill's category is a concept one ("Agile", "Statistics"),
/// - or an everyday abbreviation written the everyday way ("BA", "RN", "PG", "AD", "TS")
///
/// counts only when it is written exactly as the taxonomy writes it ("Go", not "go"; a lowercase name may also be
/// capitalised) **and** it stands in technical context, within its sentence:
/// - next to another skill mention in a list — only punctuation or connectors such as "and", "or", "with" between
///   them ("R and Python", "C/C++", "Python, R, SQL", "Go microservices", "Ansible, Puppet or Chef"); the other
///   mention must be unambiguous or itself confirmed, so "R&D" or "Chef or Puppet" alone confirm nothing;
/// - or near a technical word: one of `EnglishWords.technicalCues` right after it or up to two words before it ("Go
///   developer", "R programming", "written in Go", "programming in C"), or one of `EnglishWords.cuesBefore` up to
///   two words before it ("experience with Go", "5 years of Rust", "skills: R").
///
/// A single letter or a two-letter ambiguous name glued to a word by "-", "&", "." or "_" is never a skill ("C-level",
/// "R&D", "C.V.", "Go-live"); "/" makes a list ("C/C++"). Nor is a single letter in brackets ("Copyright (C)",
/// "Java(R)"), and nothing inside a web or email address counts ("github.com/acme", "jobs@python.org").
///
/// **Case.** Other names match in any case, except: two-letter acronyms need their exact case ("ML", not "ml" the
/// unit); acronyms of three or more capitals count in capitals or lowercase but not capitalised like a name ("SQL",
/// "sql", never "Sam" for "SAM"); an ordinary word the taxonomy writes in a case no sentence gives it ("SAFe", "REST",
/// "SAP") needs only that case — unless it stands in a heading of capitals ("BASIC REQUIREMENTS"), where it needs
/// context too. An alias that starts with "a" or "an" ("A programming language") describes a skill rather than
/// naming it and is not matched at all.
public struct SkillExtractor: Sendable {
    /// The taxonomy version this extractor was built from, to tell when it is stale.
    public let taxonomyVersion: Int64
    private let trie: TermTrie

    public init(taxonomy: Taxonomy) {
        taxonomyVersion = taxonomy.version
        trie = TermTrie(entries: TermTrie.entries(for: SkillTerm.terms(of: taxonomy)))
    }

    /// Every skill mention in `text`, in text order; a skill written twice is reported twice.
    public func extract(from text: String) -> [ExtractedSkill] {
        let tokens = SkillKey.tokens(text)
        guard !tokens.isEmpty else { return [] }
        var keys = TokenKeys(capacity: text.utf8.count)
        for token in tokens { keys.append(SkillKey.tokenKey(token.lower)) }
        var matches: [Match] = []
        var start = 0
        while start < tokens.count {
            if let match = longestMatch(from: start, tokens: tokens, keys: keys) {
                matches.append(match)
                start = match.last + 1
            } else {
                start += 1
            }
        }
        unshout(&matches, tokens: tokens)
        confirm(&matches, tokens: tokens)
        let utf8 = text.utf8
        return matches.compactMap { match in
            guard match.confirmed else { return nil }
            let first = tokens[match.first]
            let last = tokens[match.last]
            let start = utf8.index(utf8.startIndex, offsetBy: first.utf8.lowerBound)
            let end = utf8.index(utf8.startIndex, offsetBy: last.utf8.upperBound)
            return ExtractedSkill(
                skillID: match.term.skill, text: String(text[start..<end]),
                range: first.utf16.lowerBound..<last.utf16.upperBound
            )
        }
    }

    /// The key bytes of every token in one buffer, so tokenising a long text allocates once.
    private struct TokenKeys {
        var bytes: [UInt8] = []
        var ends: [Int] = []

        init(capacity: Int) {
            bytes.reserveCapacity(capacity + capacity / 8)
        }

        mutating func append(_ key: String) {
            bytes.append(contentsOf: key.utf8)
            ends.append(bytes.count)
        }

        func range(_ token: Int) -> Range<Int> {
            (token == 0 ? 0 : ends[token - 1])..<ends[token]
        }
    }

    /// A mention found by the trie walk, before context decides on ambiguous ones.
    private struct Match {
        let first: Int
        let last: Int
        let term: TrieTerm
        var confirmed: Bool

        init(first: Int, last: Int, term: TrieTerm) {
            self.first = first
            self.last = last
            self.term = term
            confirmed = !term.needsContext
        }
    }

    /// The longest name starting at token `start` whose case, breaks and glue fit the text.
    private func longestMatch(from start: Int, tokens: [SkillToken], keys: TokenKeys) -> Match? {
        if tokens[start].isAmpersand || tokens[start].inLink { return nil }
        var node = TermTrie.root
        var splits: UInt64 = 0
        var position = 0
        var best: Match?
        var index = start
        walk: while index < tokens.count {
            if index > start {
                let gap = tokens[index].gap
                guard gap.isCrossable, !tokens[index].inLink else { break }
                if gap.isSplit, position < 64 { splits |= 1 << UInt64(position) }
            }
            let key = keys.range(index)
            // Where the digits glued to the end of this token start ("python3" → 6), for versions like "Java17".
            var digitsStart = key.upperBound
            while digitsStart > key.lowerBound, keys.bytes[digitsStart - 1] >= 0x30, keys.bytes[digitsStart - 1] <= 0x39 {
                digitsStart -= 1
            }
            for offset in key {
                if offset == digitsStart, offset > key.lowerBound, trie.hasTerms(node),
                    SkillKey.looksLikeReleaseNumber(String(decoding: keys.bytes[offset..<key.upperBound], as: UTF8.self)),
                    let term = acceptable(
                        trie.terms(node), tokens: tokens, first: start, last: index, splits: splits,
                        attachedDigits: key.upperBound - offset
                    )
                {
                    best = Match(first: start, last: index, term: term)
                }
                node = trie.child(node, keys.bytes[offset])
                if node < 0 { break walk }
                position += 1
            }
            if trie.hasTerms(node),
                let term = acceptable(
                    trie.terms(node), tokens: tokens, first: start, last: index, splits: splits, attachedDigits: 0
                )
            {
                best = Match(first: start, last: index, term: term)
            }
            index += 1
        }
        return best
    }

    /// The first term at a trie node that the text as written can be: breaks only where the name breaks, the exact
    /// case where the name is ambiguous, no glue around a lone letter, and versions only where they fit.
    private func acceptable(
        _ terms: ArraySlice<TrieTerm>, tokens: [SkillToken], first: Int, last: Int, splits: UInt64, attachedDigits: Int
    ) -> TrieTerm? {
        for term in terms {
            if splits & ~term.splits != 0 { continue }
            if attachedDigits > 0 ? !term.acceptsAttachedVersion : term.versionOnly { continue }
            if term.refusesGlue {
                if tokens[first].gap.gluesWords { continue }
                if first == last, tokens[first].bracketed, tokens[first].lower.utf8.count == 1 { continue }
                if last + 1 < tokens.count, tokens[last + 1].gap.gluesWords { continue }
            }
            if let cased = term.cased {
                var written = ""
                for index in first...last { written += tokens[index].cased }
                if attachedDigits > 0 { written.removeLast(attachedDigits) }
                if written != cased && written != term.alternateCase { continue }
            }
            return term
        }
        return nil
    }

    /// An ordinary word in capitals next to other capitals that are no skill is a heading ("BASIC REQUIREMENTS",
    /// "REST OF THE WORLD"): it needs context like the word in lowercase would.
    private func unshout(_ matches: inout [Match], tokens: [SkillToken]) {
        guard matches.contains(where: \.term.shoutable) else { return }
        var covered = [Bool](repeating: false, count: tokens.count)
        for match in matches {
            for index in match.first...match.last { covered[index] = true }
        }
        func isShouting(_ index: Int) -> Bool {
            guard index >= 0, index < tokens.count, !covered[index] else { return false }
            let letters = tokens[index].cased.unicodeScalars.filter(SkillKey.isLetter)
            return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
        }
        for index in matches.indices where matches[index].term.shoutable {
            let match = matches[index]
            let before = tokens[match.first].gap != .sentence && isShouting(match.first - 1)
            let after = match.last + 1 < tokens.count && tokens[match.last + 1].gap != .sentence
                && isShouting(match.last + 1)
            if before || after { matches[index].confirmed = false }
        }
    }

    /// Confirms ambiguous mentions that stand in technical context (see the type's documentation).
    private func confirm(_ matches: inout [Match], tokens: [SkillToken]) {
        for index in matches.indices where !matches[index].confirmed {
            matches[index].confirmed = hasCue(matches[index], tokens: tokens)
        }
        // A confirmed mention confirms its list neighbours; one pass each way carries it along a whole list.
        if matches.count < 2 { return }
        for index in 1..<matches.count where !matches[index].confirmed {
            if matches[index - 1].confirmed, listed(matches[index - 1], matches[index], tokens: tokens) {
                matches[index].confirmed = true
            }
        }
        for index in stride(from: matches.count - 2, through: 0, by: -1) where !matches[index].confirmed {
            if matches[index + 1].confirmed, listed(matches[index], matches[index + 1], tokens: tokens) {
                matches[index].confirmed = true
            }
        }
    }

    /// A technical word right after the mention, or up to two words before it, in the same sentence.
    private func hasCue(_ match: Match, tokens: [SkillToken]) -> Bool {
        var words = 0
        var index = match.first
        while index > 0, tokens[index].gap != .sentence, words < 2 {
            index -= 1
            if tokens[index].isAmpersand { continue }
            words += 1
            let word = tokens[index].lower
            if EnglishWords.technicalCues.contains(word) || EnglishWords.cuesBefore.contains(word) { return true }
        }
        let next = match.last + 1
        if next < tokens.count, tokens[next].gap != .sentence, EnglishWords.technicalCues.contains(tokens[next].lower) {
            return true
        }
        return false
    }

    /// Two mentions of one list: in one sentence, with only punctuation and at most two connectors between them.
    private func listed(_ left: Match, _ right: Match, tokens: [SkillToken]) -> Bool {
        var connectors = 0
        for index in (left.last + 1)...right.first {
            if tokens[index].gap == .sentence { return false }
            if index == right.first { break }
            if tokens[index].isAmpersand { continue }
            guard EnglishWords.connectors.contains(tokens[index].lower) else { return false }
            connectors += 1
            if connectors > 2 { return false }
        }
        return true
    }
}
