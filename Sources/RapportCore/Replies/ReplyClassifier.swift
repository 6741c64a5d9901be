import Foundation
import RapportText

/// Why a candidate turned an opportunity down, as a stable code a recruiter can correct.
public enum DeclineReason: String, CaseIterable, Codable, Sendable {
    case pay
    case location
    case skills
    case happyWhereIAm = "happy_where_i_am"
    case remote
    case employmentType = "employment_type"
    /// The role was at the wrong level for them.
    case seniority
    /// They do not want to work for this company.
    case company
    /// A reason was given ("because …") but no rule recognises it.
    case other

    /// The reason in words, as a page says it ("the pay was too low").
    public var phrase: String {
        switch self {
        case .pay: "the pay was too low"
        case .location: "the location did not suit"
        case .skills: "the skills did not match"
        case .happyWhereIAm: "happy where they are"
        case .remote: "it was not remote"
        case .employmentType: "the type of employment did not suit"
        case .seniority: "the level was wrong"
        case .company: "not this company"
        case .other: "another reason"
        }
    }

    /// The preference change a recruiter is asked to confirm; never applied without them.
    public var suggestion: String {
        switch self {
        case .pay: "Raise minimum pay: the offered pay was too low"
        case .location: "Review location, commute and relocation preferences"
        case .skills: "Review skills: the role asked for skills the candidate does not have or want"
        case .happyWhereIAm: "Set availability to passive: happy in their current role"
        case .remote: "Set remote preference to remote only"
        case .employmentType: "Review employment types (permanent or contract only)"
        case .seniority: "Review the seniority they want"
        case .company: "Add the client to the companies they avoid"
        case .other: "Read the reply and record the reason given"
        }
    }
}

/// What a candidate meant by a reply.
public enum ReplyIntent: Hashable, Sendable {
    case interested
    case notInterested(DeclineReason?)
    case notNow(until: LocalDate?)
    case referral(email: String?, name: String?)
    case question
    case unsubscribe
    /// Blank, or nothing any rule recognises: a person must read it.
    case unclear

    /// A stable code for storage and the API.
    public var code: String {
        switch self {
        case .interested: "interested"
        case .notInterested: "not_interested"
        case .notNow: "not_now"
        case .referral: "referral"
        case .question: "question"
        case .unsubscribe: "unsubscribe"
        case .unclear: "unclear"
        }
    }
}

/// A change to the candidate that follows from their reply.
public enum SuggestedChange: Hashable, Sendable {
    /// Stop all contact: applied at once, because an unsubscribe must be honoured without waiting for anyone.
    case suppressContact
    /// Record the candidate's own word about when to get in touch; applied so nobody pitches against it.
    case setAvailability(Availability)
    /// A preference the recruiter confirms before it changes matching.
    case reviewPreference(DeclineReason, suggestion: String)
    /// Create a new candidate linked to the one who replied.
    case addReferral(email: String?, name: String?)

    /// Whether a recruiter must confirm the change before it is applied.
    public var needsConfirmation: Bool {
        switch self {
        case .suppressContact, .setAvailability: false
        case .reviewPreference, .addReferral: true
        }
    }
}

/// The intent of a reply, how sure the rules are, and which rules said so.
public struct ReplyClassification: Hashable, Sendable {
    public var intent: ReplyIntent
    /// 0 (a guess, or nothing matched) to 1 (a recruiter said so).
    public var confidence: Double
    /// The phrases and rules that fired, in words a recruiter can check.
    public var evidence: [String]
    public var suggestedChanges: [SuggestedChange]
    public var isCorrected: Bool

    public init(intent: ReplyIntent, confidence: Double, evidence: [String], suggestedChanges: [SuggestedChange], isCorrected: Bool = false) {
        self.intent = intent
        self.confidence = confidence
        self.evidence = evidence
        self.suggestedChanges = suggestedChanges
        self.isCorrected = isCorrected
    }

    /// The recruiter's correction: their word is certain, and the suggested changes follow the new intent.
    public func corrected(to intent: ReplyIntent) -> ReplyClassification {
        ReplyClassification(
            intent: intent, confidence: 1,
            evidence: evidence + ["corrected by recruiter from \(self.intent.code) to \(intent.code)"],
            suggestedChanges: ReplyClassifier.suggestions(for: intent, onAssignment: false), isCorrected: true
        )
    }
}

// Precedence, highest first: unsubscribe > referral > not now > not interested > question > interested.
// A reply that is positive and also asks something ("I'm interested but is it remote?") is interested, with lower
// confidence: the question is answered in the follow-up anyway, and the candidate's interest is what moves the pipeline.
// A blank reply, or one no rule recognises, is `unclear` with confidence 0, so a person reads it.

/// Classifies a candidate's reply by transparent, weighted phrase rules.
public struct ReplyClassifier: Sendable {
    public init() {}

    /// The part of an e-mail the candidate wrote: no quoted history, forwarded messages or signature.
    public static func stripQuotedHistory(_ text: String) -> String {
        ReplyText.stripQuotedHistory(text)
    }

    public func classify(_ text: String, today: LocalDate) -> ReplyClassification {
        let body = ReplyText.stripQuotedHistory(text)
        let clauses = ReplyText.clauses(of: body)
        guard !clauses.isEmpty else {
            return ReplyClassification(intent: .unclear, confidence: 0, evidence: ["blank reply"], suggestedChanges: [])
        }
        var signals = Signals()
        signals.collect(clauses: clauses, body: body)
        let date = ReplyDateExtractor().firstDate(in: body, today: today)
        return decide(signals, date: date)
    }

    private func decide(_ s: Signals, date: (date: LocalDate, phrase: String)?) -> ReplyClassification {
        let dateEvidence = date.map { ["date: \"\($0.phrase)\" → \($0.date)"] } ?? []
        let declined = !s.decline.isEmpty || s.reasons.contains { $0.impliesDecline }
        let positive = !s.positive.isEmpty

        if !s.unsubscribe.isEmpty {
            return make(.unsubscribe, s.unsubscribe, conflicts: [], extra: [])
        }
        if let referral = s.referral {
            let intent = ReplyIntent.referral(email: referral.email, name: referral.name)
            return make(intent, referral.hits, conflicts: [s.positive.isEmpty ? [] : s.positive], extra: [])
        }
        // A date only means "not now" alongside a decline or a timing phrase; "interested, free from March" stays interested.
        let timed = !s.notNow.isEmpty || (!s.timing.isEmpty && !positive) || (declined && date != nil)
            || (declined && !s.weakTiming.isEmpty && s.reason == nil)
        if timed {
            let hits = s.notNow + s.timing + s.decline + (declined ? s.weakTiming : [])
            let intent = ReplyIntent.notNow(until: date?.date)
            return make(intent, hits, conflicts: [s.positive], extra: dateEvidence, onAssignment: s.onAssignment)
        }
        if declined {
            // Reason phrases count towards confidence but are shown once, grouped by reason.
            let extra = DeclineReason.allCases.compactMap { reason -> String? in
                let phrases = s.reasonEvidence(reason)
                return phrases.isEmpty ? nil : "reason \(reason.rawValue): " + phrases.joined(separator: ", ")
            }
            let hits = s.decline + s.reasons.filter { $0.impliesDecline }.map(\.hit)
            return make(.notInterested(s.reason), hits, conflicts: [s.positive], extra: extra, shown: s.decline)
        }
        if positive {
            return make(.interested, s.positive, conflicts: [s.question], extra: [])
        }
        if !s.question.isEmpty {
            return make(.question, s.question, conflicts: [], extra: [])
        }
        return ReplyClassification(intent: .unclear, confidence: 0, evidence: ["no rule matched"], suggestedChanges: [])
    }

    private func make(
        _ intent: ReplyIntent, _ hits: [Hit], conflicts: [[Hit]], extra: [String], onAssignment: Bool = false, shown: [Hit]? = nil
    ) -> ReplyClassification {
        // Noisy-or of the matched weights: more and stronger rules, more confidence; never certain.
        var confidence = 1 - hits.reduce(1.0) { $0 * (1 - $1.weight) }
        var evidence = (shown ?? hits).map(\.description) + extra
        for conflict in conflicts where !conflict.isEmpty {
            confidence *= 0.8
            evidence.append("outranked: " + conflict.map(\.description).joined(separator: ", "))
        }
        return ReplyClassification(
            intent: intent, confidence: (min(confidence, 0.99) * 100).rounded() / 100, evidence: evidence,
            suggestedChanges: Self.suggestions(for: intent, onAssignment: onAssignment)
        )
    }

    static func suggestions(for intent: ReplyIntent, onAssignment: Bool) -> [SuggestedChange] {
        switch intent {
        case .unsubscribe: [.suppressContact]
        case .referral(let email, let name): [.addReferral(email: email, name: name)]
        case .notNow(let until?): [.setAvailability(Availability(status: onAssignment ? .onAssignment : .notLooking, until: until))]
        case .notInterested(let reason?): [.reviewPreference(reason, suggestion: reason.suggestion)]
        case .notNow(nil), .notInterested(nil), .interested, .question, .unclear: []
        }
    }
}

/// One rule that fired.
struct Hit: CustomStringConvertible {
    var rule: String
    var phrase: String
    var weight: Double
    var description: String { "\(rule): \"\(phrase)\"" }
}

/// What every rule family found in one reply.
struct Signals {
    struct ReasonHit {
        var reason: DeclineReason
        var hit: Hit
        var impliesDecline: Bool
    }

    var unsubscribe: [Hit] = []
    var referral: (email: String?, name: String?, hits: [Hit])?
    var notNow: [Hit] = []
    /// "My contract ends in June": not now unless the reply is also positive.
    var timing: [Hit] = []
    /// "At the moment", "for now": turn a bare "no" into "not now".
    var weakTiming: [Hit] = []
    var decline: [Hit] = []
    var bareNo: [Hit] = []
    var reasons: [ReasonHit] = []
    var question: [Hit] = []
    var positive: [Hit] = []
    var onAssignment = false

    var reason: DeclineReason? {
        var scores: [DeclineReason: Double] = [:]
        for hit in reasons { scores[hit.reason, default: 0] += hit.hit.weight }
        // Ties go to the earlier reason in DeclineReason's order, so the result never depends on dictionary order.
        if let best = DeclineReason.allCases.filter({ scores[$0] != nil }).max(by: { scores[$0]! < scores[$1]! }) { return best }
        return becauseGiven ? .other : nil
    }
    var becauseGiven = false

    func reasonEvidence(_ reason: DeclineReason) -> [String] {
        reasons.filter { $0.reason == reason }.map { "\"\($0.hit.phrase)\"" }
    }

    mutating func collect(clauses: [ReplyText.Clause], body: String) {
        for clause in clauses {
            let words = clause.words
            let whole = words.joined(separator: " ")
            unsubscribe += ReplyRules.match(ReplyRules.unsubscribe, in: clause, rule: "unsubscribe")
            if ReplyRules.unsubscribeAlone.contains(whole) { unsubscribe.append(Hit(rule: "unsubscribe", phrase: whole, weight: 0.95)) }
            notNow += ReplyRules.match(ReplyRules.notNow, in: clause, rule: "not now")
            timing += ReplyRules.match(ReplyRules.timing, in: clause, rule: "timing")
            weakTiming += ReplyRules.match(ReplyRules.weakTiming, in: clause, rule: "timing")
            decline += ReplyRules.match(ReplyRules.decline, in: clause, rule: "decline")
            if ReplyRules.declineAlone.contains(whole) { bareNo.append(Hit(rule: "decline", phrase: whole, weight: 0.8)) }
            for (reason, rules) in ReplyRules.reasons {
                for hit in ReplyRules.match(rules.strong, in: clause, rule: "reason \(reason.rawValue)") {
                    reasons.append(ReasonHit(reason: reason, hit: hit, impliesDecline: true))
                }
                for hit in ReplyRules.match(rules.weak, in: clause, rule: "reason \(reason.rawValue)") {
                    reasons.append(ReasonHit(reason: reason, hit: hit, impliesDecline: false))
                }
            }
            if words.contains(where: ["because", "due", "reason", "as"].contains) { becauseGiven = true }
            if clause.isQuestion { question.append(Hit(rule: "question", phrase: "?", weight: 0.7)) }
            question += ReplyRules.match(ReplyRules.question, in: clause, rule: "question")
            collectPositive(clause, whole: whole)
            if words.contains(where: ["contract", "assignment", "project", "contracts"].contains),
               words.contains(where: ["ends", "end", "finishes", "finish", "until", "till", "up", "runs"].contains) {
                onAssignment = true
            }
        }
        referral = ReplyRules.referral(in: body, clauses: clauses)
        // A bare "No," can open a yes ("No, sounds good"), so it declines only when nothing positive follows.
        if positive.isEmpty { decline += bareNo }
    }

    private mutating func collectPositive(_ clause: ReplyText.Clause, whole: String) {
        if ReplyRules.positiveAlone.contains(whole) { positive.append(Hit(rule: "interested", phrase: whole, weight: 0.7)) }
        for (phrase, weight, negatable) in ReplyRules.positive {
            for wordIndex in ReplyRules.occurrences(of: phrase, in: clause) {
                let window = clause.words[max(0, wordIndex - 3)..<wordIndex]
                if let negator = window.first(where: ReplyRules.negators.contains) {
                    // "Not interested", "no longer keen": a decline, not a faint yes. "Not sure" is neither.
                    if negatable { decline.append(Hit(rule: "decline", phrase: "\(negator) … \(phrase)", weight: 0.9)) }
                } else {
                    positive.append(Hit(rule: "interested", phrase: phrase, weight: weight))
                }
            }
        }
    }
}

/// Turns a raw e-mail reply into what the candidate actually wrote, split into clauses of plain lowercase words.
enum ReplyText {
    /// A stretch of text between punctuation, so that "No, sounds good" does not read as "no sounds good".
    struct Clause {
        var words: [String]
        var isQuestion: Bool
        /// The words joined with single spaces and padded, so a phrase matches only whole words.
        var padded: String { " " + words.joined(separator: " ") + " " }
    }

    /// Everything before the quoted history, forwarded message or signature.
    static func stripQuotedHistory(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        var kept: [String] = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmedSpaces
            let lower = trimmed.lowercased()
            let nextLower = index + 1 < lines.count ? lines[index + 1].trimmedSpaces.lowercased() : ""
            if line == "-- " || trimmed == "--" || trimmed == "—" { break }
            if lower.hasSuffix("wrote:") || (lower.hasPrefix("on ") && nextLower.hasSuffix("wrote:")) { break }
            if lower.contains("original message") || lower.contains("forwarded message") || lower.hasPrefix("begin forwarded") { break }
            if trimmed.count >= 10, trimmed.allSatisfy({ $0 == "_" }) { break }
            if lower.hasPrefix("from:"), lines[(index + 1)...].prefix(4).contains(where: Self.isOutlookHeader) { break }
            if lower.hasPrefix("sent from my") || lower.hasPrefix("get outlook for") { break }
            if trimmed.hasPrefix(">") { continue }
            if isSignOff(lower), kept.contains(where: { !$0.trimmedSpaces.isEmpty }) { break }
            kept.append(line)
        }
        return kept.joined(separator: "\n").trimmed
    }

    private static func isOutlookHeader(_ line: String) -> Bool {
        let lower = line.trimmedSpaces.lowercased()
        return lower.hasPrefix("sent:") || lower.hasPrefix("date:") || lower.hasPrefix("to:") || lower.hasPrefix("subject:")
    }

    /// A line that is only a closing ("Cheers,", "Kind regards"): what follows is a signature, not the reply.
    private static func isSignOff(_ lower: String) -> Bool {
        let bare = lower.trimmingCharacters(in: CharacterSet(charactersIn: " ,.!-"))
        return signOffs.contains(bare)
    }

    private static let signOffs: Set<String> = [
        "thanks", "thank you", "many thanks", "thanks again", "cheers", "regards", "kind regards", "best regards", "warm regards",
        "best", "all the best", "best wishes", "sincerely", "yours sincerely", "yours faithfully", "ta", "thx", "rgds",
    ]

    /// Lowercase words, apostrophes dropped ("don't" → "dont") so that typed and curly forms match the same rule.
    static func words(_ text: String) -> [String] {
        var cleaned = ""
        for character in text.lowercased() {
            if character == "'" || character == "’" || character == "‘" { continue }
            cleaned.append(character.isLetter || character.isNumber || character == "-" ? character : " ")
        }
        return cleaned.split(separator: " ").flatMap { token -> [String] in
            // Keep ISO dates whole; split "on-site" and "co-worker" into their words.
            if token.allSatisfy({ $0.isNumber || $0 == "-" }), token.contains(where: \.isNumber) { return [String(token)] }
            return token.split(separator: "-").map(String.init)
        }
    }

    static func clauses(of text: String) -> [Clause] {
        var clauses: [Clause] = []
        var current = ""
        let characters = Array(text)
        func close(question: Bool) {
            let words = words(current)
            if !words.isEmpty { clauses.append(Clause(words: words, isQuestion: question)) }
            current = ""
        }
        for (index, character) in characters.enumerated() {
            switch character {
            case "?": close(question: true)
            case "!", ";", "\n", ",", "(", ")": close(question: false)
            // A full stop ends a clause; a dot inside "jane.doe@acme.co.nz" or "3.5" does not.
            case "." where index + 1 == characters.count || characters[index + 1].isWhitespace: close(question: false)
            default: current.append(character)
            }
        }
        close(question: false)
        return clauses
    }

    /// E-mail addresses written in the text, in order, without surrounding punctuation.
    static func emailAddresses(in text: String) -> [String] {
        let separators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "<>()[],;:\"'"))
        return text.components(separatedBy: separators).compactMap { token in
            let trimmed = token.trimmingCharacters(in: CharacterSet(charactersIn: ".!?"))
            let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
            else { return nil }
            return trimmed
        }
    }
}

/// The phrase lists, written without apostrophes (the text is matched with them removed) and with a weight each.
enum ReplyRules {
    struct Rule {
        var phrase: String
        var weight: Double
        /// The phrase does not count when the next word is one of these ("don't contact me *until* March").
        var unlessNext: Set<String> = []
    }

    static func rules(_ weight: Double, _ phrases: [String], unlessNext: Set<String> = []) -> [Rule] {
        phrases.map { Rule(phrase: $0, weight: weight, unlessNext: unlessNext) }
    }

    /// Word indexes at which `phrase` starts in the clause, whole words only.
    static func occurrences(of phrase: String, in clause: ReplyText.Clause) -> [Int] {
        let target = phrase.split(separator: " ").map(String.init)
        let words = clause.words
        guard !target.isEmpty, words.count >= target.count else { return [] }
        return (0...(words.count - target.count)).filter { Array(words[$0..<($0 + target.count)]) == target }
    }

    static func match(_ rules: [Rule], in clause: ReplyText.Clause, rule name: String) -> [Hit] {
        rules.flatMap { rule in
            occurrences(of: rule.phrase, in: clause).compactMap { index -> Hit? in
                let nextIndex = index + rule.phrase.split(separator: " ").count
                if nextIndex < clause.words.count, rule.unlessNext.contains(clause.words[nextIndex]) { return nil }
                return Hit(rule: name, phrase: rule.phrase, weight: rule.weight)
            }
        }
    }

    static let timeWords: Set<String> = ["until", "till", "til", "before", "after", "in", "for", "during", "over", "this", "next", "on"]

    static let unsubscribe: [Rule] = rules(0.95, [
        "unsubscribe", "unsub", "stop emailing", "stop contacting", "stop messaging", "stop sending", "stop spamming", "stop texting",
        "stop calling", "remove me from", "remove my details", "remove my email", "remove my name", "take me off", "opt out",
        "opt me out", "never contact me", "never email me", "leave me alone", "no more emails", "no further contact",
        "delete my data", "delete my details", "erase my data", "this is spam", "please stop", "dont contact me again", "do not contact me again",
    ]) + rules(0.9, ["dont contact me", "do not contact me", "dont email me", "do not email me", "dont message me"], unlessNext: timeWords)
    static let unsubscribeAlone: Set<String> = ["stop", "remove", "remove me", "unsubscribe me"]

    static let notNow: [Rule] = rules(0.8, [
        "not right now", "not now", "not at the moment", "not at the minute", "not at this time", "not at this stage",
        "not just yet", "not yet", "not until", "not till", "not before", "maybe in", "maybe after", "maybe later", "maybe next",
        "perhaps in", "perhaps next", "possibly in", "check back", "circle back", "get back to me in", "get back to me after",
        "get in touch in", "get in touch after", "get in touch again", "reach out in", "reach out after", "reach out again",
        "contact me in", "contact me after", "contact me again in", "email me in", "try me in", "try me again", "try again in",
        "ask me again", "ping me in", "ping me after", "touch base in", "touch base after", "not looking until",
        "not available until", "unavailable until", "wont be available until", "not free until", "bad timing",
        "timing isnt right", "timing is not right", "timing is off", "not the right time", "not a good time", "in a few months",
        "later in the year", "later this year", "in the new year", "after christmas", "after xmas", "after the holidays",
        "locked in until", "committed until", "tied up until", "busy until", "keep me in mind", "down the track", "down the line",
        "in the future", "in future", "on assignment until", "contract until", "contracted until", "engaged until",
        "booked until", "leave until", "away until", "travelling until", "dont contact me until", "do not contact me until", "dont contact me before",
    ])
    static let timing: [Rule] = rules(0.5, [
        "available from", "available in", "available after", "free from", "contract ends", "contract finishes", "contract runs",
        "contract is up", "after my contract", "once my contract", "when my contract", "assignment ends", "on assignment",
        "finishing up", "wrapping up",
    ])
    static let weakTiming: [Rule] = rules(0.4, ["at the moment", "right now", "for now", "at present", "currently", "at this time"])

    static let decline: [Rule] = rules(0.85, [
        "no thanks", "no thank you", "thanks but no", "thank you but no", "not for me", "ill pass", "i will pass", "going to pass",
        "gonna pass", "pass on this", "pass on it", "have to decline", "must decline", "will decline", "politely decline",
        "respectfully decline", "not a fit", "not a good fit", "not the right fit", "not the right role", "not a good match",
        "not quite right", "doesnt suit", "does not suit", "wouldnt suit", "doesnt fit", "not suitable", "not looking",
        "no longer looking", "not on the market", "dont want", "do not want", "not what im looking for",
        "not what i am looking for", "wrong fit", "not for us", "yeah nah", "hard pass", "id rather not", "i would rather not",
    ])
    static let declineAlone: Set<String> = ["no", "nope", "nah", "no ta", "no thx", "not interested", "yeah nah", "pass"]

    static let reasons: [(DeclineReason, (strong: [Rule], weak: [Rule]))] = [
        (.remote, (rules(1, [
            "remote only", "only remote", "remote roles only", "remote work only", "only work remote", "only work remotely",
            "only working remotely", "only looking for remote", "only interested in remote", "need remote", "needs to be remote",
            "need it to be remote", "must be remote", "has to be remote", "wfh only", "only wfh", "work from home only",
            "not going back to the office", "not going back into the office", "not going into an office", "100 remote", "only do remote",
        ]), rules(0.4, ["remote", "remotely", "wfh", "hybrid"]))),
        (.employmentType, (rules(1, [
            "permanent only", "perm only", "perm roles only", "permanent roles only", "only permanent", "only perm", "contract only",
            "contracts only", "contract roles only", "only contract", "only contracts", "only contracting", "only looking for perm",
            "only looking for permanent", "only looking for contract", "only interested in perm", "only interested in permanent",
            "only interested in contract", "not interested in contract", "not interested in perm", "not interested in permanent",
            "dont do contract", "dont do perm", "dont do permanent", "not doing contract", "not doing perm", "full time only",
            "fulltime only", "part time only", "not contracting", "only do contract", "only do perm",
            "only do permanent",
        ]), rules(0.4, [
            "permanent", "perm", "contract", "contracting", "contractor", "fixed term", "full time", "part time", "looking for perm",
            "looking for permanent", "looking for contract", "prefer perm", "prefer permanent", "prefer contract",
        ]))),
        (.happyWhereIAm, (rules(1, [
            "happy where i am", "happy where im", "happy in my current", "happy in my role", "happy in my job", "happy at my current",
            "happy with my current", "happy with where i am", "happy here", "happily employed", "happily settled",
            "content where i am", "content in my", "settled where i am", "love my job", "love my current", "love where i am",
            "enjoying my current", "enjoying my role", "staying put", "staying where i am", "just started a new", "just started at",
            "just started with", "recently started", "just joined", "recently joined", "started a new role", "started a new job",
            "accepted an offer", "accepted another", "accepted a role", "accepted a position", "taken a role", "taken another",
            "found a role", "found a new", "found something", "landed a role", "landed a job", "not looking to move",
            "not looking to leave", "not looking for a change", "not looking to change", "no plans to move", "no plans to leave",
            "not planning to leave", "not planning on leaving", "off the market", "well looked after", "good where i am",
        ]), [])),
        (.pay, (rules(1, [
            "too low", "rate is low", "pay is low", "pays too little", "not enough money", "not enough pay", "pay cut", "paycut",
            "lowball", "low ball", "underpaid", "below my rate", "below my expectations", "below what i", "below market",
            "below my current", "less than i earn", "less than i make", "less than im on", "less than my current", "more money",
            "higher rate", "better rate", "better pay", "step down in pay", "pay is too", "rate is too", "salary is too",
        ]), rules(0.4, ["pay", "rate", "rates", "salary", "money", "compensation", "package", "budget", "hourly", "per hour", "per day"]))),
        (.location, (rules(1, [
            "too far", "too much travel", "wont relocate", "not relocating", "cant relocate", "not willing to relocate",
            "dont want to relocate", "wont move", "not moving", "cant move", "wrong city", "wrong location", "too long a commute",
            "commute is too", "commute would be", "not relocate", "rather not move", "rather not commute", "too long to commute",
            "dont want to commute", "not willing to commute",
        ]), rules(0.4, [
            "location", "onsite", "on site", "in the office", "office", "travel", "distance", "commute", "commuting", "relocate",
            "relocation", "based in",
        ]))),
        (.skills, (rules(1, [
            "not my skill set", "not my skillset", "not my skills", "not my area", "not my field", "not my background",
            "not my thing", "not my stack", "not my expertise", "outside my skill", "outside my area", "outside my experience",
            "not what i do", "never used", "never worked with", "havent used", "have not used", "not familiar with",
            "no experience", "dont have the experience", "dont have experience", "lack the experience", "not qualified",
            "underqualified", "overqualified", "too junior", "too senior", "wrong skill", "wrong stack", "different stack",
            "different skill set",
        ]) + rules(1, ["dont know", "do not know"], unlessNext: [
            "when", "if", "whether", "what", "how", "why", "where", "who", "yet", "much", "about", "the", "exactly",
        ]), [])),
    ]

    static let question: [Rule] = rules(0.5, [
        "what is", "whats", "what are", "how much", "how long", "can you tell me", "could you tell me", "can you let me know",
        "could you let me know", "is it remote", "is it", "is this", "is the role", "is there", "are there", "who is", "whos",
        "where is", "whereabouts", "when does", "when is", "does it", "does the", "do they", "would it", "any idea",
        "wondering if", "wondering whether", "i was wondering", "im wondering", "curious", "what about", "any flexibility",
    ])

    /// Positive phrases: (phrase, weight, whether a negated form is a decline).
    static let positive: [(String, Double, Bool)] = [
        ("interested", 0.8, true), ("keen", 0.8, true), ("sounds good", 0.75, true), ("sounds great", 0.8, true),
        ("sounds interesting", 0.75, true), ("open to", 0.5, true), ("lets talk", 0.8, false), ("lets chat", 0.8, false),
        ("happy to chat", 0.8, false), ("happy to talk", 0.8, false), ("happy to have a chat", 0.8, false), ("call me", 0.7, false),
        ("give me a call", 0.75, false), ("ring me", 0.7, false), ("send the details", 0.75, false),
        ("send me the details", 0.75, false), ("send me more", 0.7, false), ("send through", 0.6, false),
        ("send over", 0.6, false), ("tell me more", 0.7, false), ("id love", 0.7, false), ("would love", 0.7, false),
        ("love to", 0.6, false), ("yes", 0.6, false), ("yep", 0.6, false), ("yes please", 0.8, false), ("count me in", 0.85, false),
        ("im in", 0.6, false), ("go ahead", 0.6, false), ("put me forward", 0.85, false), ("submit me", 0.85, false),
        ("happy to proceed", 0.85, false), ("happy to be put forward", 0.85, false), ("free for a call", 0.75, false),
        ("available for a call", 0.75, false), ("set up a call", 0.75, false), ("book a time", 0.7, false),
        ("when can we talk", 0.75, false), ("cv attached", 0.7, false), ("attached my cv", 0.7, false),
        ("attached my resume", 0.7, false), ("resume attached", 0.7, false), ("sweet as", 0.6, false), ("more details", 0.5, false),
        ("more info", 0.5, false),
    ]
    static let positiveAlone: Set<String> = ["sure", "ok", "okay", "absolutely", "definitely", "yeah", "go for it"]
    static let negators: Set<String> = [
        "not", "no", "never", "dont", "doesnt", "isnt", "arent", "wasnt", "wont", "cant", "neither", "nor", "hardly", "longer",
    ]

    static let referralCues: Set<String> = ["colleague", "colleagues", "friend", "friends", "mate", "coworker", "workmate"]
    static let referralQualifiers: Set<String> = [
        "interested", "looking", "keen", "suit", "suited", "fit", "better", "might", "may", "could", "would", "perfect", "great",
    ]
    static let nameCues: [String] = ["try", "reach out to", "speak to", "speak with", "talk to", "contact", "ask", "ping"]
    static let notNames: Set<String> = [
        "i", "im", "he", "she", "they", "the", "it", "you", "me", "who", "as", "at", "on", "in", "thanks", "cheers", "regards",
        "best", "hr", "again", "him", "her", "them", "us", "a", "an", "my", "if", "and", "but",
    ]

    /// A referral: a colleague or friend named or described as a fit, an e-mail address that is not the replier's own,
    /// or "try Sam".
    static func referral(in body: String, clauses: [ReplyText.Clause]) -> (email: String?, name: String?, hits: [Hit])? {
        var hits: [Hit] = []
        let selfWords: Set<String> = ["me", "my", "im"]
        let email = ReplyText.emailAddresses(in: body).first { address in
            // "Email me at jo@home.nz" gives the replier's own address, not someone else's.
            let clause = clauses.first { $0.words.joined(separator: " ").contains(ReplyText.words(address).joined(separator: " ")) }
            let before = clause.map { clause -> [String] in
                let first = ReplyText.words(address).first ?? ""
                let index = clause.words.firstIndex(of: first) ?? clause.words.count
                return Array(clause.words[..<index])
            } ?? []
            return !before.contains(where: selfWords.contains) || before.contains(where: referralCues.contains)
        }
        if let email { hits.append(Hit(rule: "referral", phrase: email, weight: 0.6)) }

        let tokens = body.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: .punctuationCharacters) }
        var name: String?
        for (index, token) in tokens.enumerated() where name == nil {
            let lower = token.lowercased()
            var after: Int?
            if referralCues.contains(lower) { after = index + 1 }
            for cue in nameCues {
                let words = cue.split(separator: " ").map(String.init)
                if index + words.count <= tokens.count, tokens[index..<(index + words.count)].map({ $0.lowercased() }) == words {
                    after = index + words.count
                }
            }
            guard let start = after else { continue }
            let parts = tokens[start...].prefix(2).prefix { part in
                part.first?.isUppercase == true && part.allSatisfy(\.isLetter) && !notNames.contains(part.lowercased())
                    && ReplyDateExtractor.months[part.lowercased()] == nil
            }
            if !parts.isEmpty { name = parts.joined(separator: " ") }
        }
        if let name { hits.append(Hit(rule: "referral", phrase: "name \(name)", weight: 0.7)) }

        for clause in clauses {
            guard let cue = clause.words.first(where: referralCues.contains) else { continue }
            if name != nil || email != nil || clause.words.contains(where: referralQualifiers.contains) {
                hits.append(Hit(rule: "referral", phrase: cue, weight: 0.7))
            }
        }
        // A lone "try Sam" needs no other cue; a cue word alone ("my friend works there") is not a referral.
        guard !hits.isEmpty else { return nil }
        return (email, name, hits)
    }
}
