import Foundation

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

extension FixedHolidays {
    /// Reads `{"UK": ["2026-12-25", …], "US": […]}`: region codes to ISO dates; keys starting with `_` are comments.
    /// Every problem is reported with the path of the field at fault.
    public static func decode(_ data: Data) throws -> FixedHolidays {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw RapportError.invalid(field: "", "must be a JSON object of region codes (US, UK, NZ, HK) to lists of dates")
        }
        var validator = Validator()
        var dates: [Region: Set<LocalDate>] = [:]
        // Keys starting with "_" are comments.
        for (key, value) in object.sorted(by: { $0.key < $1.key }) where !key.hasPrefix("_") {
            guard let region = Region(rawValue: key) else {
                validator.fail(key, "is not a region; use US, UK, NZ or HK")
                continue
            }
            guard let list = value as? [Any] else {
                validator.fail(key, "must be a list of dates written YYYY-MM-DD")
                continue
            }
            for (index, item) in list.enumerated() {
                if let text = item as? String, let date = LocalDate(text) {
                    dates[region, default: []].insert(date)
                } else {
                    validator.fail("\(key)[\(index)]", "must be a date written YYYY-MM-DD")
                }
            }
        }
        try validator.check()
        return FixedHolidays(dates)
    }
}
