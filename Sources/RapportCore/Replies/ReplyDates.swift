import Foundation

// Seasons ("after summer") and numeric dates such as 03/04/2027 are deliberately not read: summer differs between
// New Zealand and the northern regions, and day/month order differs between the US and the UK, so a guess would be
// wrong for some candidates. The recruiter sets those by hand.

/// Finds the first future date a reply mentions ("in March", "Q2", "2027-03-01"), relative to a given today.
public struct ReplyDateExtractor: Sendable {
    public init() {}

    /// The date and the words it came from, or nil when the text names no date after `today`.
    public func firstDate(in text: String, today: LocalDate) -> (date: LocalDate, phrase: String)? {
        for clause in ReplyText.clauses(of: text) where !clause.words.contains(where: Self.pastCues.contains) {
            if let found = firstDate(words: clause.words, today: today) { return found }
        }
        return nil
    }

    /// Words showing a clause talks about the past ("I started in March"), whose dates are not "until" dates.
    static let pastCues: Set<String> = ["started", "joined", "began", "ago", "since", "last", "was", "were", "accepted"]

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6,
        "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10,
        "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    /// "May" is also an ordinary word, so they count as months only after one of these.
    static let monthIntroducers: Set<String> = [
        "in", "until", "till", "til", "from", "after", "by", "before", "of", "end", "mid", "early", "late", "around", "next",
    ]
    static let numbers: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3, "couple": 2,
    ]

    private func firstDate(words: [String], today: LocalDate) -> (date: LocalDate, phrase: String)? {
        for index in words.indices {
            if let found = date(at: index, in: words, today: today), found.date > today { return found }
        }
        return nil
    }

    private func date(at index: Int, in words: [String], today: LocalDate) -> (date: LocalDate, phrase: String)? {
        let word = words[index]
        let previous = index > 0 ? words[index - 1] : ""
        let next = index + 1 < words.count ? words[index + 1] : ""
        let afterNext = index + 2 < words.count ? words[index + 2] : ""

        if let iso = LocalDate(word) { return (iso, word) }
        if word.count == 2, word.first == "q", let quarter = Int(word.dropFirst()), (1...4).contains(quarter) {
            return (Self.nextStart(month: quarter * 3 - 2, after: today), word)
        }
        if word == "next" {
            switch next {
            case "month": return (Self.addingMonths(1, to: LocalDate(year: today.year, month: today.month, day: 1)!), "next month")
            case "week": return (today.adding(days: 7), "next week")
            case "year": return (LocalDate(year: today.year + 1, month: 1, day: 1)!, "next year")
            case "quarter":
                let start = ((today.month - 1) / 3) * 3 + 1
                return (Self.addingMonths(3, to: LocalDate(year: today.year, month: start, day: 1)!), "next quarter")
            default: break
            }
        }
        if word == "new", next == "year" { return (LocalDate(year: today.year + 1, month: 1, day: 1)!, "new year") }
        if ["christmas", "xmas", "holidays"].contains(word), previous == "after" {
            return (LocalDate(year: today.year + 1, month: 1, day: 1)!, "after \(word)")
        }
        if word == "end", next == "of", afterNext == "year" || (afterNext == "the" && index + 3 < words.count && words[index + 3] == "year") {
            let endOfYear = LocalDate(year: today.year, month: 12, day: 31)!
            return (endOfYear > today ? endOfYear : LocalDate(year: today.year + 1, month: 12, day: 31)!, "end of the year")
        }
        if word == "in", var count = Int(next) ?? Self.numbers[next] {
            // "in a couple of months", "in 3 months", "in six weeks".
            var unitIndex = index + 2
            if next == "a", let vague = Self.numbers[afterNext], vague > 1 {
                count = vague
                unitIndex += 1
            }
            while unitIndex < words.count, ["of", "more", "or", "so"].contains(words[unitIndex]) { unitIndex += 1 }
            let unit = unitIndex < words.count ? words[unitIndex] : ""
            let phrase = words[index...min(unitIndex, words.count - 1)].joined(separator: " ")
            switch unit {
            case "day", "days": return (today.adding(days: count), phrase)
            case "week", "weeks": return (today.adding(days: 7 * count), phrase)
            case "month", "months": return (Self.addingMonths(count, to: today), phrase)
            case "year", "years": return (Self.addingMonths(12 * count, to: today), phrase)
            default: break
            }
        }
        if let month = Self.months[word] {
            return monthDate(month: month, at: index, in: words, today: today)
        }
        return nil
    }

    private func monthDate(month: Int, at index: Int, in words: [String], today: LocalDate) -> (date: LocalDate, phrase: String)? {
        let previous = index > 0 ? words[index - 1] : ""
        let before = index > 1 ? words[index - 2] : ""
        let next = index + 1 < words.count ? words[index + 1] : ""
        let dayBefore = Self.dayNumber(previous) ?? (previous == "of" ? Self.dayNumber(before) : nil)
        let dayAfter = Self.dayNumber(next)
        let day = dayBefore ?? dayAfter
        let ambiguousWord = words[index] == "may"
        guard !ambiguousWord || day != nil || Self.monthIntroducers.contains(previous) else { return nil }

        var yearIndex = index + (dayAfter != nil ? 2 : 1)
        if yearIndex < words.count, words[yearIndex] == "of" { yearIndex += 1 }
        var year: Int?
        if yearIndex < words.count, let written = Int(words[yearIndex]), (2000...2200).contains(written) { year = written }
        if yearIndex + 1 < words.count, words[yearIndex] == "next", words[yearIndex + 1] == "year" { year = today.year + 1 }

        let modifier = previous == "of" ? before : previous
        var phrase = words[index]
        if let day { phrase = "\(day) \(phrase)" }
        if ["after", "end", "mid", "until", "till", "in", "from", "by"].contains(modifier) {
            phrase = previous == "of" ? "\(modifier) of \(phrase)" : "\(modifier) \(phrase)"
        }
        if let year { phrase += " \(year)" }

        func resolve(_ year: Int) -> LocalDate? {
            let last = LocalDate.daysIn(month: month, year: year)
            if let day { return LocalDate(year: year, month: month, day: min(day, last)) }
            switch modifier {
            case "end": return LocalDate(year: year, month: month, day: last)
            case "mid": return LocalDate(year: year, month: month, day: 15)
            // "After March" means once March is over.
            case "after": return LocalDate(year: year, month: month, day: last)?.adding(days: 1)
            default: return LocalDate(year: year, month: month, day: 1)
            }
        }
        if let year { return resolve(year).map { ($0, phrase) } }
        // No year given: the next such date after today.
        guard let thisYear = resolve(today.year) else { return nil }
        return (thisYear > today ? thisYear : resolve(today.year + 1) ?? thisYear, phrase)
    }

    static func dayNumber(_ word: String) -> Int? {
        var digits = word
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits.removeLast(2) }
        guard let day = Int(digits), (1...31).contains(day), digits.count <= 2 else { return nil }
        return day
    }

    static func nextStart(month: Int, after today: LocalDate) -> LocalDate {
        let candidate = LocalDate(year: today.year, month: month, day: 1)!
        return candidate > today ? candidate : LocalDate(year: today.year + 1, month: month, day: 1)!
    }

    /// Calendar months later, keeping the day where it exists (31 January plus one month is 28 or 29 February).
    static func addingMonths(_ count: Int, to date: LocalDate) -> LocalDate {
        let zeroBased = date.month - 1 + count
        let year = date.year + zeroBased / 12
        let month = zeroBased % 12 + 1
        return LocalDate(year: year, month: month, day: min(date.day, LocalDate.daysIn(month: month, year: year)))!
    }
}
