import Foundation

/// Parses RFC 5322 §3.3 date-time values, including the obsolete forms in §4.3 that real mail still uses.
enum MailDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Obsolete zone names from RFC 5322 §4.3, in minutes east of UTC.
    private static let namedZones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
    ]

    static func parse(_ value: String?) -> Date? {
        guard let value else { return nil }
        // Comments such as "(UTC)" or "(BST)" are informational only.
        var cleaned = ""
        var depth = 0
        for character in value {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { cleaned.append(character) }
        }
        let tokens = cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" || $0 == "\n" }).map(String.init)
        guard let monthIndex = tokens.firstIndex(where: { months.contains(String($0.prefix(3)).lowercased()) && $0.count >= 3 }),
              monthIndex > 0, monthIndex + 2 < tokens.count,
              let month = months.firstIndex(of: String(tokens[monthIndex].prefix(3)).lowercased()),
              let day = Int(tokens[monthIndex - 1]), (1...31).contains(day),
              var year = Int(tokens[monthIndex + 1])
        else { return nil }
        // RFC 5322 §4.3: two-digit years below 50 are 20xx, others 19xx; three-digit years add 1900.
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        // Bounding the year keeps the day arithmetic below from overflowing on hostile input.
        guard (1900...9999).contains(year) else { return nil }

        let timeParts = tokens[monthIndex + 2].split(separator: ":").map { Int($0) }
        guard timeParts.count >= 2, timeParts.count <= 3, !timeParts.contains(nil) else { return nil }
        let hour = timeParts[0]!, minute = timeParts[1]!, second = timeParts.count == 3 ? timeParts[2]! : 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }

        var offsetMinutes = 0
        if monthIndex + 3 < tokens.count {
            let zone = tokens[monthIndex + 3]
            if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let digits = Int(zone.dropFirst()) {
                offsetMinutes = (digits / 100 * 60 + digits % 100) * (sign == "-" ? -1 : 1)
            } else if let named = namedZones[zone.lowercased()] {
                offsetMinutes = named
            }
            // Military zones and unknown names are treated as UTC, as RFC 5322 §4.3 recommends.
        }

        let days = daysFromCivil(year: year, month: month + 1, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Howard Hinnant's days-from-civil: avoids Calendar so parsing is independent of the host's locale and time zone.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
