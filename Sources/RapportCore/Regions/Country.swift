import Foundation

/// ISO 3166-1 alpha-2 country codes, as people live and jobs are done anywhere; a `Region` is only the firm's desk.
public enum Country {
    /// Every code the system's locale data knows as a country (groupings such as EU or 419 are left out).
    public static let codes: Set<String> = Set(Locale.Region.isoRegions.lazy
        .filter { $0.subRegions.isEmpty }
        .map(\.identifier)
        .filter { $0.utf8.count == 2 && $0.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } })

    public static func isKnown(_ code: String) -> Bool { codes.contains(code) }

    /// The country's English name ("New Zealand"), or the code itself when the locale data has none.
    public static func name(_ code: String) -> String {
        Locale(identifier: "en").localizedString(forRegionCode: code) ?? code
    }
}

extension Validator {
    mutating func country(_ field: String, _ value: String) {
        if !Country.isKnown(value) {
            fail(field, "must be an ISO 3166-1 alpha-2 country code such as US, GB, NZ or IN (got \"\(value)\")")
        }
    }
}
