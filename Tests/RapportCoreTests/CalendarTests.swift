import Foundation
import RapportCore
import Testing

@Suite("Dates and business days")
struct CalendarTests {
    @Test("dates parse only when they exist", arguments: [
        ("2026-02-28", true), ("2028-02-29", true), ("2026-02-29", false), ("2026-04-31", false),
        ("2026-13-01", false), ("2026-1-01", false), ("26-01-01", false), ("2026-01-01T00:00", false), ("", false),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((LocalDate(text) != nil) == valid)
    }

    @Test("day arithmetic crosses months, years and leap days")
    func arithmetic() throws {
        let date = try #require(LocalDate("2028-02-28"))
        #expect(date.adding(days: 1).description == "2028-02-29")
        #expect(date.adding(days: 2).description == "2028-03-01")
        #expect(try #require(LocalDate("2026-12-31")).adding(days: 1).description == "2027-01-01")
        #expect(LocalDate(daysSinceEpoch: 0).description == "1970-01-01")
    }

    @Test("weekdays are ISO numbered", arguments: [("2026-11-28", 6), ("2026-11-30", 1), ("2026-11-29", 7), ("1970-01-01", 4)])
    func weekday(text: String, weekday: Int) throws {
        #expect(try #require(LocalDate(text)).isoWeekday == weekday)
    }

    @Test("one business day after a Friday is the next Monday")
    func fridayPlusOne() throws {
        let calendar = Region.uk.businessCalendar()
        let friday = try #require(LocalDate("2026-11-27"))
        #expect(calendar.adding(businessDays: 1, to: friday).description == "2026-11-30")
        #expect(calendar.adding(businessDays: 0, to: friday) == friday)
    }

    @Test("a public holiday is skipped like a weekend")
    func holidays() throws {
        let christmas = try #require(LocalDate("2026-12-25"))
        let calendar = Region.nz.businessCalendar(holidays: FixedHolidays([.nz: [christmas]]))
        let thursday = try #require(LocalDate("2026-12-24"))
        #expect(calendar.adding(businessDays: 1, to: thursday).description == "2026-12-28")
        #expect(Region.us.businessCalendar(holidays: FixedHolidays([.nz: [christmas]])).isBusinessDay(christmas))
    }

    @Test("every region has its currency and a real time zone")
    func regions() {
        #expect(Region.allCases.map(\.currency) == [.usd, .gbp, .nzd, .hkd])
        for region in Region.allCases {
            #expect(TimeZone(identifier: region.defaultTimeZoneIdentifier) != nil)
        }
    }

    @Test("money in whole units becomes minor units")
    func money() {
        #expect(Money(major: 650, .gbp, per: .day).minorUnits == 65_000)
    }
}
