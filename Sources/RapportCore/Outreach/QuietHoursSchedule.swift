import Foundation

extension QuietHours {
    /// The firm's default window, used when a stored window cannot be read (validation should have refused it).
    public static let standard = QuietHours()

    /// True when start and end are the same time: the candidate has no quiet hours.
    public var isEmpty: Bool {
        resolved.start == resolved.end
    }

    /// Whether `instant` falls inside the window, read on the candidate's local clock.
    public func contains(_ instant: Date, timeZone: TimeZone) -> Bool {
        let (start, end) = resolved
        guard start != end else { return false }
        let calendar = Self.calendar(timeZone)
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        // A window such as 20:00–08:00 wraps midnight: it is the evening part or the morning part.
        return start < end ? (start <= minute && minute < end) : (minute >= start || minute < end)
    }

    /// The first instant at or after `instant` when the candidate may be contacted: `instant` itself outside the window,
    /// otherwise the next time the local clock shows the end time.
    ///
    /// Asking the calendar for the next local end time, rather than adding hours, keeps the answer right across
    /// daylight-saving changes: a night that loses or gains an hour still ends at 08:00 on the local clock. An end time
    /// that falls in a spring-forward gap (02:30 on the night the clocks go from 02:00 to 03:00) resolves to the first
    /// instant after the gap; an end time that happens twice in the autumn is the next occurrence after `instant`.
    public func nextAllowed(after instant: Date, timeZone: TimeZone) -> Date {
        guard contains(instant, timeZone: timeZone) else { return instant }
        let end = resolved.end
        let calendar = Self.calendar(timeZone)
        let wanted = DateComponents(hour: end / 60, minute: end % 60, second: 0)
        return calendar.nextDate(after: instant, matching: wanted, matchingPolicy: .nextTime, repeatedTimePolicy: .first,
                                 direction: .forward) ?? instant
    }

    /// Start and end in minutes after midnight; an unreadable window falls back to the firm's default, because
    /// contacting someone at night by mistake is worse than waiting.
    private var resolved: (start: Int, end: Int) {
        if let start = Self.minutes(start), let end = Self.minutes(end) { return (start, end) }
        return (Self.minutes(Self.standard.start)!, Self.minutes(Self.standard.end)!)
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
