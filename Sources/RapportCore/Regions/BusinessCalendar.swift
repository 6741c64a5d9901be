/// Public holidays of a region; the seam where a holiday feed plugs in.
public protocol HolidayCalendar: Sendable {
    func isHoliday(_ date: LocalDate, in region: Region) -> Bool
}

/// A calendar with no public holidays: weekends only.
public struct NoHolidays: HolidayCalendar {
    public init() {}
    public func isHoliday(_ date: LocalDate, in region: Region) -> Bool { false }
}

/// A fixed list of holiday dates per region, for configuration files and tests.
public struct FixedHolidays: HolidayCalendar {
    public var dates: [Region: Set<LocalDate>]

    public init(_ dates: [Region: Set<LocalDate>]) {
        self.dates = dates
    }

    public func isHoliday(_ date: LocalDate, in region: Region) -> Bool {
        dates[region]?.contains(date) ?? false
    }
}

/// Working days of one region, used for follow-up deadlines ("one business day").
public struct BusinessCalendar: Sendable {
    public let region: Region
    /// ISO weekdays (1 = Monday … 7 = Sunday) that are not worked.
    public let weekend: Set<Int>
    public let holidays: any HolidayCalendar

    public init(region: Region, weekend: Set<Int>, holidays: any HolidayCalendar) {
        self.region = region
        self.weekend = weekend
        self.holidays = holidays
    }

    public func isBusinessDay(_ date: LocalDate) -> Bool {
        !weekend.contains(date.isoWeekday) && !holidays.isHoliday(date, in: region)
    }

    /// The date `count` business days after `date` (a Friday plus one is the next Monday).
    public func adding(businessDays count: Int, to date: LocalDate) -> LocalDate {
        precondition(count >= 0, "business days to add must not be negative")
        var current = date
        var remaining = count
        while remaining > 0 {
            current = current.adding(days: 1)
            if isBusinessDay(current) { remaining -= 1 }
        }
        return current
    }
}
