import Foundation

/// A working day of 09:00 to 17:00 local time, to say how many hours two time zones share: a remote job "within
/// US Eastern, four hours' overlap" asks it of a person in Lisbon or Auckland.
public enum WorkingDay {
    public static let startMinute = 9 * 60
    public static let lengthMinutes = 8 * 60

    /// Hours the two zones' working days share on `date`, with daylight saving as it is that day; 0 for a zone the
    /// system does not know. The days may fall on different calendar dates (Auckland's morning is London's evening
    /// before), so the other zone's day is also tried a day earlier and later.
    public static func overlapHours(_ zone: String, _ other: String, on date: LocalDate) -> Double {
        guard let first = TimeZone(identifier: zone), let second = TimeZone(identifier: other) else { return 0 }
        let instant = date.middayUTC
        // Each day's start in minutes after midnight UTC.
        let start = startMinute - first.secondsFromGMT(for: instant) / 60
        let otherStart = startMinute - second.secondsFromGMT(for: instant) / 60
        let shared = [-1440, 0, 1440].map { shift in
            min(start + lengthMinutes, otherStart + shift + lengthMinutes) - max(start, otherStart + shift)
        }.max() ?? 0
        return Double(max(0, shared)) / 60
    }
}
