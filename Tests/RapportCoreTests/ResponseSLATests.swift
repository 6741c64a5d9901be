import Foundation
import RapportCore
import Testing

@Suite("Reply deadlines in business days of the recruiter's region")
struct ResponseSLATests {
    /// An instant written as local wall-clock time in `zone`.
    static func local(_ text: String, _ zone: String) throws -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return try #require(formatter.date(from: text))
    }

    static func due(_ received: String, region: Region, days: Int = 1, holidays: [String] = []) throws -> Date {
        let zone = region.defaultTimeZoneIdentifier
        let calendar = region.businessCalendar(holidays: FixedHolidays([region: Set(holidays.compactMap(LocalDate.init))]))
        return ResponseSLA(businessDays: days).dueDate(for: try local(received, zone), calendar: calendar,
                                                        timeZone: try #require(TimeZone(identifier: zone)))
    }

    @Test("a reply on a Tuesday afternoon is due at the same time on Wednesday", arguments: Region.allCases)
    func weekday(region: Region) throws {
        let due = try Self.due("2026-11-24 15:20", region: region)
        #expect(due == (try Self.local("2026-11-25 15:20", region.defaultTimeZoneIdentifier)))
    }

    @Test("a Friday reply is due on Monday, and on Tuesday when Monday is a holiday")
    func friday() throws {
        #expect(try Self.due("2026-11-27 15:00", region: .uk) == (try Self.local("2026-11-30 15:00", "Europe/London")))
        #expect(try Self.due("2026-11-27 15:00", region: .uk, holidays: ["2026-11-30"]) == (try Self.local("2026-12-01 15:00", "Europe/London")))
    }

    @Test("a weekend reply starts the clock at midnight of the next working day")
    func weekend() throws {
        #expect(try Self.due("2026-11-28 11:00", region: .nz) == (try Self.local("2026-12-01 00:00", "Pacific/Auckland")))
    }

    @Test("a holiday in one region does not move another region's deadline")
    func regionsDiffer() throws {
        let calendar = FixedHolidays([.us: [LocalDate("2026-11-26")!]])
        let sla = ResponseSLA()
        let received = try Self.local("2026-11-25 10:00", "America/New_York")
        let us = sla.dueDate(for: received, calendar: Region.us.businessCalendar(holidays: calendar),
                             timeZone: TimeZone(identifier: "America/New_York")!)
        let uk = sla.dueDate(for: received, calendar: Region.uk.businessCalendar(holidays: calendar),
                             timeZone: TimeZone(identifier: "Europe/London")!)
        #expect(us == (try Self.local("2026-11-27 10:00", "America/New_York")))
        #expect(uk == received.addingTimeInterval(86_400))
    }

    @Test("the deadline keeps the local time across a daylight-saving change")
    func daylightSaving() throws {
        // New York springs forward on Sunday 8 March 2026: Friday 16:00 EST is due Monday 16:00 EDT, 71 hours later.
        let received = try Self.local("2026-03-06 16:00", "America/New_York")
        let due = try Self.due("2026-03-06 16:00", region: .us)
        #expect(due == (try Self.local("2026-03-09 16:00", "America/New_York")))
        #expect(due.timeIntervalSince(received) == 71 * 3600)
        // Auckland falls back on Sunday 5 April 2026: Friday 09:30 NZDT is due Monday 09:30 NZST, 73 hours later.
        let nz = try Self.due("2026-04-03 09:30", region: .nz)
        #expect(nz.timeIntervalSince(try Self.local("2026-04-03 09:30", "Pacific/Auckland")) == 73 * 3600)
    }

    @Test("a longer SLA counts only working days")
    func longer() throws {
        #expect(try Self.due("2026-11-26 09:00", region: .hk, days: 3) == (try Self.local("2026-12-01 09:00", "Asia/Hong_Kong")))
    }

    @Test("an obligation is overdue at its deadline, and met only when answered by then")
    func overdue() {
        let due = Date(timeIntervalSince1970: 1_000_000)
        var obligation = FollowUpObligation(id: ObligationID(1), replyID: ReplyID(1), candidateID: CandidateID(1), ownerID: UserID(1),
                                            openedAt: due.addingTimeInterval(-86_400), dueAt: due, status: .open)
        #expect(!obligation.isOverdue(at: due.addingTimeInterval(-1)))
        #expect(obligation.isOverdue(at: due))
        obligation.status = .fulfilled
        obligation.fulfilledAt = due.addingTimeInterval(1)
        #expect(!obligation.metSLA)
        obligation.fulfilledAt = due
        #expect(obligation.metSLA)
        #expect(!obligation.isOverdue(at: due.addingTimeInterval(10)))
    }
}

@Suite("Holiday files")
struct HolidayFileTests {
    @Test("a holiday file moves deadlines, and its comments are skipped")
    func reads() throws {
        let calendar = try FixedHolidays.decode(Data(#"{"_comment": "x", "UK": ["2026-12-25", "2026-12-28"], "HK": []}"#.utf8))
        #expect(calendar.isHoliday(LocalDate("2026-12-28")!, in: .uk))
        #expect(!calendar.isHoliday(LocalDate("2026-12-28")!, in: .us))
    }

    @Test("every problem in a holiday file names its place")
    func problems() {
        #expect(throws: RapportError.invalid([
            ValidationIssue(field: "FR", message: "is not a region; use US, UK, NZ or HK"),
            ValidationIssue(field: "UK[1]", message: "must be a date written YYYY-MM-DD"),
        ])) {
            try FixedHolidays.decode(Data(#"{"UK": ["2026-12-25", "2026-02-30"], "FR": ["2026-07-14"]}"#.utf8))
        }
    }

    @Test("the shipped holiday file reads, and knows Christmas in every region")
    func shipped() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/public-holidays.json")
        let calendar = try FixedHolidays.decode(try Data(contentsOf: file))
        for region in Region.allCases {
            #expect(calendar.isHoliday(LocalDate("2026-12-25")!, in: region))
        }
        // No region's list holds a weekend day except where the region really keeps one (Hong Kong's Saturdays).
        for region in [Region.uk, .us, .nz] {
            for date in calendar.dates[region] ?? [] {
                #expect(date.isoWeekday <= 5, "\(region) \(date) is a weekend")
            }
        }
    }
}
