/// What separates a token from the one before it; decides whether a skill name may run across it.
enum SkillGap: Equatable, Sendable {
    /// The first token of the text.
    case start
    /// Nothing at all: `C++` then `17` in "C++17", `R` then `&` in "R&D".
    case glued
    /// One joining character between two tokens with no space: the `.` of "React.js", `-` of "C-level", `/` of "CI/CD".
    case joiner(Unicode.Scalar)
    /// Spaces or tabs only, as inside "Spring Boot".
    case space
    /// Other punctuation or line breaks within a sentence: ", ", " (", "\n- ".
    case punctuation
    /// A sentence ends in between: ". ", "! ", "? ".
    case sentence

    /// Whether one skill name can continue across this gap ("Spring Boot", "React.js", "C++17").
    var isCrossable: Bool {
        switch self {
        case .glued, .joiner, .space: true
        case .start, .punctuation, .sentence: false
        }
    }

    /// Whether the name as written has a boundary here, so text may have one too ("react js" for "React.js").
    var isSplit: Bool {
        switch self {
        case .joiner, .space: true
        case .glued, .start, .punctuation, .sentence: false
        }
    }

    /// Glued to the neighbouring word as in "C-level", "R&D", "C.V." — a lone letter there is not a skill; "C/C++" is.
    var gluesWords: Bool {
        switch self {
        case .glued: true
        case .joiner(let scalar): scalar != "/"
        case .start, .space, .punctuation, .sentence: false
        }
    }
}

/// One token of skill text: a run of letters and digits with the symbols that belong to names (`C#`, `C++`, `.NET`,
/// `3.12`), or a lone `&`.
struct SkillToken: Sendable {
    /// The token as written: "React", "C#", ".NET", "3.12", "&".
    let cased: String
    /// Lowercased as written: "react", "c#", ".net", "3.12", "&".
    let lower: String
    /// How the token is separated from the previous one.
    let gap: SkillGap
    /// UTF-8 offsets of the token in the text, to slice evidence.
    let utf8: Range<Int>
    /// UTF-16 offsets of the token in the text, for clients that index strings that way.
    let utf16: Range<Int>
    /// The gap before the token ends with an opening bracket, and the one after it starts with a closing one:
    /// "(C)" is a copyright sign or a list marker, not the language.
    var bracketed = false
    /// Part of a web address or an email address, where "github" or "html" mention no skill.
    let inLink: Bool

    var isAmpersand: Bool { lower.utf8.count == 1 && lower.utf8.first == UInt8(ascii: "&") }
}

/// The normalised lookup keys of skill text, shared by the normaliser and the extractor so both agree on what
/// "the same name" means.
///
/// Text is split into tokens (`SkillToken`); a key is the tokens' forms run together, lowercased, so "React.js",
/// "ReactJS" and "react js" meet in one key ("reactjs"), while the symbols that make names stay: "c#" is not "c",
/// "c++" is not "c", and a leading dot reads "dot" so ".NET", "dot net" and "dotnet" meet. British spellings are folded
/// to American ones word by word ("modelling" → "modeling", "optimisation" → "optimization") on both sides of every
/// lookup, so neither spelling needs to be in the taxonomy.
enum SkillKey {
    /// Characters that join two words into one name when they stand alone between them: "React.js", "CI/CD", "T-SQL".
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "-", "/", "_", "\u{2010}", "\u{2011}": true
        default: false
        }
    }

    // MARK: - Tokens

    /// Splits text into tokens with their gaps and offsets.
    static func tokens(_ text: String) -> [SkillToken] {
        var text = text
        return text.withUTF8 { Tokenizer(bytes: $0).tokens() }
    }

    /// Reads UTF-8 directly: the extractor tokenises every job description it sees, so this is the hot loop.
    private struct Tokenizer {
        let bytes: UnsafeBufferPointer<UInt8>

        /// The scalar starting at byte `index` and its length in bytes (the text is valid UTF-8: it is a String).
        @inline(__always)
        func decode(at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
            let lead = bytes[index]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            return (Unicode.Scalar(value) ?? " ", length)
        }

        func peek(_ index: Int) -> Unicode.Scalar? {
            index < bytes.count ? decode(at: index).scalar : nil
        }

        func tokens() -> [SkillToken] {
            var tokens: [SkillToken] = []
            let links = linkRanges()
            var link = 0
            var opensBracket = false
            var index = 0
            var utf16 = 0
            var gap = GapSummary()
            var previous: Unicode.Scalar?
            while index < bytes.count {
                let (scalar, length) = decode(at: index)
                let following = peek(index + length)
                // ".NET" starts a token only where the dot does not join two words ("ASP.NET" is "ASP" + "NET").
                let startsDotName = scalar == "." && following.map(isLetter) == true
                    && previous.map(isWordScalar) != true
                if isWordScalar(scalar) || startsDotName || scalar == "&" {
                    let (end, units) = scanToken(from: index)
                    let cased = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    while link < links.count, links[link].upperBound <= index { link += 1 }
                    if !tokens.isEmpty, opensBracket, gap.length > 0, gap.first == ")" || gap.first == "]" {
                        tokens[tokens.count - 1].bracketed = true
                    }
                    opensBracket = gap.last == "(" || gap.last == "["
                    tokens.append(
                        SkillToken(
                            cased: cased, lower: lowercase(cased), gap: tokens.isEmpty ? .start : gap.gap,
                            utf8: index..<end, utf16: utf16..<(utf16 + units),
                            inLink: link < links.count && links[link].contains(index)
                        )
                    )
                    utf16 += units
                    var last = end - 1
                    while bytes[last] & 0xC0 == 0x80 { last -= 1 }
                    previous = decode(at: last).scalar
                    index = end
                    gap = GapSummary()
                    continue
                }
                gap.add(scalar, nextIsWord: following.map(isWordScalar) == true)
                utf16 += length == 4 ? 2 : 1
                previous = scalar
                index += length
            }
            if let last = tokens.indices.last, opensBracket, gap.first == ")" || gap.first == "]" {
                tokens[last].bracketed = true
            }
            return tokens
        }

        /// The byte ranges of web and email addresses: runs without spaces that contain "://" or "@", or start
        /// with "www.".
        func linkRanges() -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            var start = 0
            while start < bytes.count {
                while start < bytes.count, isSpaceByte(bytes[start]) { start += 1 }
                var end = start
                var isLink = false
                while end < bytes.count, !isSpaceByte(bytes[end]) {
                    let byte = bytes[end]
                    if byte == UInt8(ascii: "@"), end > start, end + 1 < bytes.count, !isSpaceByte(bytes[end + 1]) {
                        isLink = true
                    } else if byte == UInt8(ascii: ":"), end + 2 < bytes.count, bytes[end + 1] == UInt8(ascii: "/"),
                        bytes[end + 2] == UInt8(ascii: "/")
                    {
                        isLink = true
                    }
                    end += 1
                }
                if !isLink, end - start > 4, bytes[start] | 0x20 == UInt8(ascii: "w"), bytes[start + 1] | 0x20 == UInt8(ascii: "w"),
                    bytes[start + 2] | 0x20 == UInt8(ascii: "w"), bytes[start + 3] == UInt8(ascii: ".")
                {
                    isLink = true
                }
                if isLink { ranges.append(start..<end) }
                start = end
            }
            return ranges
        }

        @inline(__always)
        func isSpaceByte(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        /// The end of the token starting at `start` and its length in UTF-16: a word run with a version's dots
        /// ("3.12", "2.x") and a name's trailing `#` or `+`/`++` ("C#", "C++", "Notepad++", "8+"), a dot name
        /// (".NET"), or a lone `&`.
        func scanToken(from start: Int) -> (end: Int, utf16: Int) {
            if bytes[start] == UInt8(ascii: "&") { return (start + 1, 1) }
            var index = start
            var units = 0
            if bytes[index] == UInt8(ascii: ".") {
                index += 1
                units += 1
            }
            let runStart = index
            var digitsOnly = true
            while index < bytes.count {
                let (scalar, length) = decode(at: index)
                if isWordScalar(scalar) {
                    if !isDigit(scalar) && !(scalar == "v" && index == runStart) { digitsOnly = false }
                    index += length
                    units += length == 4 ? 2 : 1
                    continue
                }
                // A version's dots: "3.12", "15.0.1", "2.x" — but "Python3.12" stays "Python3" + "12".
                if scalar == ".", digitsOnly, index > runStart, let after = peek(index + 1) {
                    let afterAfter = after.isASCII ? peek(index + 2) : nil
                    if isDigit(after) || ((after == "x" || after == "X") && afterAfter.map(isWordScalar) != true) {
                        index += 1
                        units += 1
                        continue
                    }
                }
                break
            }
            // "C#", "F#": the sharp belongs to the name unless a word follows it ("C#Corner" is no name).
            if peek(index) == "#", peek(index + 1).map(isLetter) != true {
                return (index + 1, units + 1)
            }
            // "C++", "Notepad++", "Angular 2+", "8+ years".
            if peek(index) == "+" {
                let pluses = peek(index + 1) == "+" ? 2 : 1
                if peek(index + pluses).map(isLetter) != true { return (index + pluses, units + pluses) }
            }
            return (index, units)
        }
    }

    /// The characters between two tokens, summarised as they are passed.
    private struct GapSummary {
        var length = 0
        var first: Unicode.Scalar = " "
        var last: Unicode.Scalar = " "
        var spaces = 0
        var sentenceEnd = false

        mutating func add(_ scalar: Unicode.Scalar, nextIsWord: Bool) {
            if length == 0 { first = scalar }
            last = scalar
            length += 1
            if scalar == " " || scalar == "\t" || scalar == "\u{A0}" {
                spaces += 1
            } else if scalar == "!" || scalar == "?" || scalar == "\u{2026}" {
                sentenceEnd = true
            } else if scalar == "." && !(length == 1 && nextIsWord) {
                // "Node.js." ends a sentence; a lone dot between two words is the joiner of "React.js".
                sentenceEnd = true
            }
        }

        var gap: SkillGap {
            if length == 0 { return .glued }
            if sentenceEnd { return .sentence }
            if length == 1 && SkillKey.isJoiner(first) { return .joiner(first) }
            if spaces == length { return .space }
            return .punctuation
        }
    }

    // MARK: - Characters

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return value >= 0x61 && value <= 0x7A
        }
        return scalar.properties.isAlphabetic
    }

    /// Letters, digits and the combining marks of decomposed accents.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isDigit(scalar) || isLetter(scalar) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
    }

    static func lowercase(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x41 || $0 > 0x5A }) { return text }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return text.lowercased()
    }

    // MARK: - Keys

    /// A token's part of a key: lowercased, a leading dot read as "dot", `&` as "and", and — unless `raw` — the
    /// British spelling of a word folded to the American one.
    static func tokenKey(_ lower: String, raw: Bool = false) -> String {
        switch lower.utf8.first {
        case UInt8(ascii: "&"): return "and"
        case UInt8(ascii: "."): return "dot" + lower.dropFirst()
        default: break
        }
        return raw ? lower : canonicalSpelling(lower)
    }

    /// The key of a token sequence: every token's part run together, so spacing and joiners do not matter.
    static func key(_ tokens: [SkillToken], raw: Bool = false) -> String {
        key(words: tokens.map(\.lower), raw: raw)
    }

    /// The key of tokens given by their lowercased forms.
    static func key(words: [String], raw: Bool = false) -> String {
        var key = ""
        for word in words { key += tokenKey(word, raw: raw) }
        return key
    }

    /// The key with the tokens kept apart, for counting repeats of an unknown skill: "Foo Bar" and "foo-bar" are
    /// both "foo bar"; "C#" stays "c#", ".NET" stays ".net".
    static func displayKey(_ tokens: [SkillToken]) -> String {
        tokens.map(\.lower).joined(separator: " ")
    }

    /// "17", "3.12", "2.x", "8+", "v4", "V8.1": a version written after a name.
    static func isVersion(_ lower: String) -> Bool {
        var scalars = Substring(lower).unicodeScalars[...]
        if scalars.first == "v" { scalars = scalars.dropFirst() }
        if scalars.last == "+" { scalars = scalars.dropLast() }
        if scalars.count >= 2, scalars.suffix(2).elementsEqual(".x".unicodeScalars) { scalars = scalars.dropLast(2) }
        guard let first = scalars.first, isDigit(first) else { return false }
        var previousWasDot = false
        for scalar in scalars {
            if scalar == "." {
                if previousWasDot { return false }
                previousWasDot = true
            } else if isDigit(scalar) {
                previousWasDot = false
            } else {
                return false
            }
        }
        return !previousWasDot
    }

    /// A version glued to a name as in "Python3", "Java17", "ES2022", "Vue3": the name part and the digits, when the
    /// name has at least two letters (so "S3", "R2", "D3" are never read as "S", "R", "D" plus a version).
    static func splitAttachedVersion(_ lower: String) -> (stem: String, version: String)? {
        let scalars = Array(lower.unicodeScalars)
        var cut = scalars.count
        while cut > 0, isDigit(scalars[cut - 1]) { cut -= 1 }
        guard cut < scalars.count, cut > 0 else { return nil }
        let stem = scalars[..<cut]
        let letters = stem.filter(isLetter).count
        guard letters >= 2 || stem.last == "+" || stem.last == "#" else { return nil }
        guard stem.last.map(isDigit) != true else { return nil }
        var stemText = ""
        stemText.unicodeScalars.append(contentsOf: stem)
        var versionText = ""
        versionText.unicodeScalars.append(contentsOf: scalars[cut...])
        return (stemText, versionText)
    }

    /// A version written as a number after a name: one or two digits ("3", "17"), or a year ("2022").
    static func looksLikeReleaseNumber(_ digits: String) -> Bool {
        guard !digits.isEmpty, digits.unicodeScalars.allSatisfy(isDigit) else { return false }
        if digits.count <= 2 { return true }
        return digits.count == 4 && (digits.hasPrefix("19") || digits.hasPrefix("20"))
    }

    // MARK: - Spelling

    /// Folds a British spelling to the American one by generic suffix rules (so no skill needs both spellings as
    /// aliases): -isation/-ise → -ization/-ize, -yse → -yze, -elling → -eling, -our → -or, -tre → -ter, -ogue → -og,
    /// and a few irregular words. Applied to both the taxonomy and the text, a rule that also rewrites some other
    /// word ("compromise") does no harm: both sides change alike.
    static func canonicalSpelling(_ word: String) -> String {
        let utf8 = word.utf8
        guard utf8.count >= 4, let last = utf8.last, let rules = spellingRulesByLastByte[Int(last)] else { return word }
        guard utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        if irregularShapes.contains(utf8.count << 8 | Int(last)), let irregular = EnglishWords.americanSpellings[word] {
            return irregular
        }
        for rule in rules {
            guard utf8.count >= rule.minimumLength, utf8.reversed().starts(with: rule.britishReversed) else { continue }
            let stem = word.utf8.dropLast(rule.britishReversed.count)
            if let allowed = rule.stemEndings, !allowed.contains(where: { stem.reversed().starts(with: $0) }) {
                continue
            }
            if let refused = rule.refusedStemEndings, refused.contains(where: { stem.reversed().starts(with: $0) }) {
                continue
            }
            return String(decoding: stem, as: UTF8.self) + rule.american
        }
        return word
    }

    /// Length and last byte of every irregular British word, to skip the dictionary for all other words.
    private static let irregularShapes = Set(EnglishWords.americanSpellings.keys.map { $0.utf8.count << 8 | Int($0.utf8.last!) })

    /// The rules by the last byte of their British suffix; a word ending otherwise has nothing to fold.
    private static let spellingRulesByLastByte: [[SpellingRule]?] = {
        var rules = [[SpellingRule]?](repeating: nil, count: 256)
        for key in EnglishWords.americanSpellings.keys { rules[Int(key.utf8.last!)] = [] }
        for rule in spellingRules { rules[Int(rule.britishReversed[0])] = (rules[Int(rule.britishReversed[0])] ?? []) + [rule] }
        return rules
    }()

    private struct SpellingRule {
        let britishReversed: [UInt8]
        let american: String
        let minimumLength: Int
        /// The rule applies only after one of these, reversed (nil: after anything).
        let stemEndings: [[UInt8]]?
        let refusedStemEndings: [[UInt8]]?

        init(
            british: String, american: String, minimumLength: Int, stemEndings: [String]? = nil,
            refusedStemEndings: [String]? = nil
        ) {
            britishReversed = british.utf8.reversed()
            self.american = american
            self.minimumLength = minimumLength
            self.stemEndings = stemEndings?.map { $0.utf8.reversed() }
            self.refusedStemEndings = refusedStemEndings?.map { $0.utf8.reversed() }
        }
    }

    /// What can stand before "-ise" in a verb Americans write with "-ize" (normalise, optimise, prioritise,
    /// organise, containerise), and not in "enterprise", "expertise", "exercise", "advertise", "revise", "otherwise".
    private static let iseStems = [
        "al", "ar", "or", "er", "it", "et", "im", "om", "on", "an", "en", "rn", "gn", "il", "og", "as", "es", "rd",
        "ic", "em", "rg",
    ]
    /// Before "-elling": modelling, labelling, travelling, cancelling, channelling, fuelling, levelling — not
    /// selling, spelling, telling, dwelling, compelling.
    private static let ellingStems = ["d", "b", "v", "c", "n", "u", "r"]

    private static let spellingRules: [SpellingRule] = {
        var rules: [SpellingRule] = []
        for (british, american) in [("isations", "izations"), ("isation", "ization")] {
            rules.append(SpellingRule(british: british, american: american, minimumLength: 9))
        }
        for (british, american) in [
            ("ising", "izing"), ("ised", "ized"), ("isers", "izers"), ("iser", "izer"), ("ises", "izes"), ("ise", "ize"),
        ] {
            rules.append(SpellingRule(british: british, american: american, minimumLength: 7, stemEndings: iseStems))
        }
        for (british, american) in [
            ("lysing", "lyzing"), ("lysed", "lyzed"), ("lysers", "lyzers"), ("lyser", "lyzer"), ("lyse", "lyze"),
        ] {
            rules.append(SpellingRule(british: british, american: american, minimumLength: 7))
        }
        for (british, american) in [
            ("ellings", "elings"), ("elling", "eling"), ("elled", "eled"), ("ellers", "elers"), ("eller", "eler"),
        ] {
            rules.append(
                SpellingRule(british: british, american: american, minimumLength: 8, stemEndings: ellingStems)
            )
        }
        for (british, american) in [
            ("ourable", "orable"), ("ourite", "orite"), ("ourites", "orites"), ("ouring", "oring"), ("oured", "ored"),
            ("oural", "oral"), ("ours", "ors"), ("our", "or"),
        ] {
            rules.append(
                SpellingRule(british: british, american: american, minimumLength: 6, refusedStemEndings: ["t", "f"])
            )
        }
        for (british, american) in [("tres", "ters"), ("tre", "ter"), ("bres", "bers"), ("bre", "ber")] {
            rules.append(SpellingRule(british: british, american: american, minimumLength: 5))
        }
        for (british, american) in [("ogues", "ogs"), ("ogue", "og")] {
            rules.append(SpellingRule(british: british, american: american, minimumLength: 8))
        }
        return rules
    }()

    // MARK: - Plurals

    /// The plural of a lowercased word: "api" → "apis", "story" → "stories", "box" → "boxes".
    static func plural(_ word: String) -> String {
        if word.hasSuffix("y"), let before = word.unicodeScalars.dropLast().last, !"aeiou".unicodeScalars.contains(before) {
            return word.dropLast() + "ies"
        }
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch")
            || word.hasSuffix("sh")
        {
            return word + "es"
        }
        return word + "s"
    }

    /// The singular of a lowercased plural: "apis" → "api", "stories" → "story", "boxes" → "box"; nil for words that
    /// are not plurals by their ending ("class", "status", "analysis", "ios").
    static func singular(_ word: String) -> String? {
        guard word.utf8.count >= 4, word.hasSuffix("s") else { return nil }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") || word.hasSuffix("os") { return nil }
        if word.hasSuffix("ies") { return word.dropLast(3) + "y" }
        for ending in ["sses", "xes", "zes", "ches", "shes"] where word.hasSuffix(ending) {
            return String(word.dropLast(2))
        }
        return String(word.dropLast())
    }
}
