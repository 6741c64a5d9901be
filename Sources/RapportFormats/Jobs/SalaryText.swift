import Foundation

/// Pay as a job posting writes it ("$150K–$180K a year", "£550/day", "Competitive", "0 + equity"), read into amounts, a
/// currency and a period, or read as nothing said. A format type: the jobs importer turns it into Core's pay model,
/// deciding a bare "$" from the job's country and a missing period from the amounts.
public enum SalaryText: Equatable, Sendable {
    /// How often an amount is paid.
    public enum Period: String, CaseIterable, Sendable {
        case hour, day, week, month, year
    }

    /// A figure or a range. Amounts are in major units (dollars, pounds): `minimum == maximum` for a single figure.
    public struct Stated: Equatable, Sendable {
        public var minimum: Decimal
        public var maximum: Decimal
        /// ISO 4217, when the text says which: "£" is GBP, "NZ$" is NZD. Nil for no mark and for a bare "$" (see `dollar`).
        public var currency: String?
        /// A bare "$": the US, Canadian, Australian, New Zealand, Hong Kong or Singapore dollar, by where the job is.
        public var dollar: Bool
        /// Nil when the text gives no period ("€70k"); the importer decides, and says it decided.
        public var period: Period?

        public init(minimum: Decimal, maximum: Decimal, currency: String?, dollar: Bool, period: Period?) {
            self.minimum = minimum
            self.maximum = maximum
            self.currency = currency
            self.dollar = dollar
            self.period = period
        }
    }

    case stated(Stated)
    /// "Competitive", "DOE", "Negotiable", or nothing at all: pay not disclosed.
    case notDisclosed
    /// "0 + equity", "equity only", "unpaid": no cash pay is offered.
    case noCashPay

    /// Reads `text`; never fails: what cannot be read as pay is pay not disclosed.
    public static func read(_ text: String) -> SalaryText {
        let lowered = text.lowercased().replacingOccurrences(of: "\u{00A0}", with: " ")
        let amounts = Self.amounts(in: lowered)
        // "Competitive salary + equity" pays cash; "0 + equity" and "equity only" do not.
        let equityOnly = lowered.contains("equity only") || lowered.contains("equity-only")
            || (lowered.contains("equity") && !amounts.isEmpty && amounts.allSatisfy { $0 == 0 })
        if equityOnly || lowered.contains("unpaid") || lowered.contains("volunteer") {
            return .noCashPay
        }
        guard let first = amounts.first, amounts.contains(where: { $0 > 0 }) else { return .notDisclosed }
        let (currency, dollar) = Self.currency(in: lowered)
        let second = amounts.count > 1 ? amounts[1] : first
        return .stated(Stated(minimum: min(first, second), maximum: max(first, second), currency: currency, dollar: dollar,
                              period: Self.period(in: lowered)))
    }

    // MARK: Reading the parts

    /// The first two amounts, "150K" as 150000 and "3.5k" as 3500; a suffix on the second alone applies to both
    /// ("$150–180K"), and thousands separators are read as such ("150,000").
    static func amounts(in text: String) -> [Decimal] {
        var found: [(value: Decimal, scaled: Bool)] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count, found.count < 2 {
            guard CharacterSet.decimalDigits.contains(scalars[index]) else {
                index += 1
                continue
            }
            // A number inside a word is a name, not pay: "IR35", "H1B", "W2".
            let insideWord = index > 0 && CharacterSet.letters.contains(scalars[index - 1])
            var digits = ""
            while index < scalars.count {
                let scalar = scalars[index]
                if CharacterSet.decimalDigits.contains(scalar) {
                    digits.unicodeScalars.append(scalar)
                } else if scalar == ",", Self.digitGroup(scalars, from: index + 1) {
                    // A grouping separator, in thousands or in lakhs ("18,00,000"): skip it.
                } else if scalar == ".", index + 1 < scalars.count, CharacterSet.decimalDigits.contains(scalars[index + 1]) {
                    digits.append(".")
                } else {
                    break
                }
                index += 1
            }
            var value = Decimal(string: digits) ?? 0
            var scaled = false
            if index < scalars.count {
                switch scalars[index] {
                case "k":
                    value *= 1_000
                    scaled = true
                    index += 1
                case "m" where !Self.word(scalars, from: index, is: "mo") && !Self.word(scalars, from: index, is: "month"):
                    value *= 1_000_000
                    scaled = true
                    index += 1
                default:
                    break
                }
            }
            // A share ("0.5% equity") and a US retirement plan ("401(k)") are not amounts of pay.
            if insideWord || (index < scalars.count && scalars[index] == "%") || Self.word(scalars, from: index, is: "(k)") { continue }
            found.append((value, scaled))
        }
        if found.count == 2, found[1].scaled, !found[0].scaled, found[0].value < 1_000, found[1].value >= 1_000 {
            found[0].value *= found[1].value >= 1_000_000 ? 1_000_000 : 1_000
        }
        return found.map(\.value)
    }

    /// Two or three digits and then no more digits: the group after a grouping comma.
    private static func digitGroup(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var count = 0
        while start + count < scalars.count, CharacterSet.decimalDigits.contains(scalars[start + count]) { count += 1 }
        return count == 2 || count == 3
    }

    private static func word(_ scalars: [Unicode.Scalar], from start: Int, is word: String) -> Bool {
        let letters = Array(word.unicodeScalars)
        guard start + letters.count <= scalars.count else { return false }
        return Array(scalars[start..<start + letters.count]) == letters
    }

    /// Marks with a country before the "$" first, then codes, then the pound, euro and rupee signs, then a bare "$".
    static func currency(in text: String) -> (code: String?, dollar: Bool) {
        // Longer marks first: "ca$" holds "a$", and "us$" holds "s$".
        let prefixed = [("us$", "USD"), ("nz$", "NZD"), ("au$", "AUD"), ("ca$", "CAD"), ("c$", "CAD"), ("hk$", "HKD"), ("sg$", "SGD"),
                        ("s$", "SGD"), ("a$", "AUD")]
        for (mark, code) in prefixed where text.contains(mark) { return (code, false) }
        let words = text.split { !$0.isLetter }.map(String.init)
        // Rapport's own currencies, then others postings use, so that "¥8,000,000 JPY" is never read as dollars. Codes
        // that are also words ("all", "try", "php") are left out.
        let codes = ["usd", "gbp", "eur", "nzd", "aud", "cad", "hkd", "sgd", "inr", "chf", "jpy", "cny", "krw", "sek", "nok", "dkk", "pln",
                     "brl", "mxn", "zar", "aed", "ils", "czk", "huf", "thb", "myr", "twd", "idr", "vnd"]
        for code in codes where words.contains(code) { return (code.uppercased(), false) }
        if words.contains("rmb") { return ("CNY", false) }
        for (mark, code) in [("£", "GBP"), ("€", "EUR"), ("₹", "INR"), ("¥", "JPY"), ("₩", "KRW")] where text.contains(mark) { return (code, false) }
        return (nil, text.contains("$"))
    }

    /// "/hr", "per hour", "an hour", "hourly"; "/day", "daily", "p/d"; "/wk", "weekly"; "/mo", "monthly", "pcm";
    /// "/yr", "a year", "annual", "p.a.", "per annum".
    static func period(in text: String) -> Period? {
        let compact = text.replacingOccurrences(of: " ", with: "")
        let marks: [(Period, [String])] = [
            (.hour, ["/hr", "/h", "perhour", "anhour", "hourly", "/hour", "ph"]),
            (.day, ["/day", "perday", "aday", "daily", "p/d", "/d", "pd"]),
            (.week, ["/wk", "/week", "perweek", "aweek", "weekly", "pw"]),
            (.month, ["/mo", "/month", "permonth", "amonth", "monthly", "pcm"]),
            (.year, ["/yr", "/year", "peryear", "ayear", "annual", "yearly", "p.a", "perannum", "/annum", "pa"]),
        ]
        // Whole marks first ("per hour" before "ph", which could be part of another word).
        for (period, words) in marks {
            for word in words where word.count > 2 && compact.contains(word) { return period }
        }
        let tokens = text.split { !$0.isLetter && $0 != "." && $0 != "/" }.map(String.init)
        for (period, words) in marks {
            for word in words where word.count <= 2 && tokens.contains(word) { return period }
        }
        return nil
    }
}
