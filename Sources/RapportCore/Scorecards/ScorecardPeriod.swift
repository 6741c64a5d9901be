import Foundation

/// The stretch of time a scorecard covers: a calendar month (`2026-10`) or a quarter (`2026-Q4`), always in UTC.
public enum ScorecardPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// One calendar month.
    case month(YearMonth)
    /// Three calendar months: quarter 1 is January to March, 4 is October to December. Build one from unchecked numbers
    /// with `init?(year:quarter:)`.
    case quarter(year: Int, quarter: Int)

    /// A quarter, or nil unless `quarter` is 1…4 and `year` is one `YearMonth` accepts.
    public init?(year: Int, quarter: Int) {
        guard (1...4).contains(quarter), YearMonth(year: year, month: 1) != nil else { return nil }
        self = .quarter(year: year, quarter: quarter)
    }

    /// Reads `YYYY-MM` as a month or `YYYY-Qn` as a quarter; nil for anything else (`2026-13`, `2026-Q5`, `2026-10-01`).
    public init?(_ text: String) {
        if let month = YearMonth(text) {
            self = .month(month)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 7, parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts[1].first == "Q",
              parts[0].allSatisfy(\.isASCII), let year = Int(parts[0]), let quarter = Int(parts[1].dropFirst())
        else { return nil }
        self.init(year: year, quarter: quarter)
    }

    /// Reads a period a person typed, or throws `RapportError.invalid` naming `field` and the accepted forms.
    public init(validating text: String, field: String = "period") throws(RapportError) {
        guard let period = ScorecardPeriod(text) else {
            throw .invalid(field: field, "must be a month such as 2026-10 or a quarter such as 2026-Q4 (got \"\(text)\")")
        }
        self = period
    }

    /// The month containing `instant`, in UTC.
    public static func current(at instant: Date) -> ScorecardPeriod {
        .month(YearMonth(ScorecardPeriod.utcDay(of: instant)))
    }

    /// `2026-10` for a month, `2026-Q4` for a quarter: what `init?(_:)` reads.
    public var description: String {
        switch self {
        case .month(let month): month.description
        case .quarter(let year, let quarter): String(format: "%04d-Q%d", year, quarter)
        }
    }

    /// The first day in the period.
    public var firstDay: LocalDate {
        switch self {
        case .month(let month): ScorecardPeriod.firstDay(year: month.year, monthOffset: month.month - 1)
        case .quarter(let year, let quarter): ScorecardPeriod.firstDay(year: year, monthOffset: 3 * (quarter - 1))
        }
    }

    /// The first day after the period.
    public var endDay: LocalDate {
        switch self {
        case .month(let month): ScorecardPeriod.firstDay(year: month.year, monthOffset: month.month)
        case .quarter(let year, let quarter): ScorecardPeriod.firstDay(year: year, monthOffset: 3 * quarter)
        }
    }

    /// From midnight UTC on the first day (included) to midnight UTC after the last day (excluded). `DateInterval.contains`
    /// includes its end, so ask the period itself with `contains(_:)` rather than the interval.
    public var interval: DateInterval {
        let start = ScorecardPeriod.midnightUTC(firstDay)
        return DateInterval(start: start, end: ScorecardPeriod.midnightUTC(endDay))
    }

    /// Whether `date` is one of the period's days.
    public func contains(_ date: LocalDate) -> Bool {
        firstDay <= date && date < endDay
    }

    /// Whether `instant` falls in the period: at or after its start, strictly before its end.
    public func contains(_ instant: Date) -> Bool {
        let interval = interval
        return interval.start <= instant && instant < interval.end
    }

    /// The period of the same kind just before this one (September before October, Q3 before Q4); nil before 1900,
    /// where `YearMonth` stops.
    public var previous: ScorecardPeriod? {
        switch self {
        case .month(let month):
            return month.month == 1 ? YearMonth(year: month.year - 1, month: 12).map { .month($0) }
                : YearMonth(year: month.year, month: month.month - 1).map { .month($0) }
        case .quarter(let year, let quarter):
            return quarter == 1 ? ScorecardPeriod(year: year - 1, quarter: 4) : ScorecardPeriod(year: year, quarter: quarter - 1)
        }
    }

    /// Earlier periods first; a month sorts before the quarter that starts with it.
    public static func < (lhs: ScorecardPeriod, rhs: ScorecardPeriod) -> Bool {
        (lhs.firstDay, lhs.endDay) < (rhs.firstDay, rhs.endDay)
    }

    /// The 1st of the month `monthOffset` months after January of `year`, by Howard Hinnant's days_from_civil, so a
    /// quarter built with numbers outside 1…4 still gets an ordered, exact date rather than a crash.
    private static func firstDay(year: Int, monthOffset: Int) -> LocalDate {
        let months = year * 12 + monthOffset
        let year = months >= 0 ? months / 12 : (months - 11) / 12
        let month = months - year * 12 + 1
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((month + 9) % 12) + 2) / 5
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return LocalDate(daysSinceEpoch: era * 146_097 + doe - 719_468)
    }

    static func midnightUTC(_ day: LocalDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch) * 86_400)
    }

    static func utcDay(of instant: Date) -> LocalDate {
        LocalDate(daysSinceEpoch: Int((instant.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

/// Whose work a scorecard shows: one recruiter, one practice, or the whole firm. Names are the caller's to add.
public enum ScorecardSubject: Hashable, Comparable, Sendable {
    case recruiter(UserID)
    case practice(PracticeID)
    case firm

    /// Recruiters by id, then practices by id, then the firm: a stable order for ties, with no meaning of its own.
    public static func < (lhs: ScorecardSubject, rhs: ScorecardSubject) -> Bool {
        lhs.sortKey < rhs.sortKey
    }

    private var sortKey: (Int, Int64) {
        switch self {
        case .recruiter(let id): (0, id.rawValue)
        case .practice(let id): (1, id.rawValue)
        case .firm: (2, 0)
        }
    }
}
