import Foundation

/// A region the firm recruits in; each has its own currency, default time zone, working calendar and privacy law.
public enum Region: String, CaseIterable, Codable, Sendable {
    case us = "US"
    case uk = "UK"
    case nz = "NZ"
    case hk = "HK"

    public var name: String {
        switch self {
        case .us: "United States"
        case .uk: "United Kingdom"
        case .nz: "New Zealand"
        case .hk: "Hong Kong"
        }
    }

    public var currency: Currency {
        switch self {
        case .us: .usd
        case .uk: .gbp
        case .nz: .nzd
        case .hk: .hkd
        }
    }

    public var defaultTimeZoneIdentifier: String {
        switch self {
        case .us: "America/New_York"
        case .uk: "Europe/London"
        case .nz: "Pacific/Auckland"
        case .hk: "Asia/Hong_Kong"
        }
    }

    /// The region's working days; public holidays come from a `HolidayCalendar` when one is configured.
    public func businessCalendar(holidays: any HolidayCalendar = NoHolidays()) -> BusinessCalendar {
        BusinessCalendar(region: self, weekend: [6, 7], holidays: holidays)
    }
}

/// ISO 4217 currencies the firm pays and bills in.
public enum Currency: String, CaseIterable, Codable, Sendable {
    case usd = "USD"
    case gbp = "GBP"
    case nzd = "NZD"
    case hkd = "HKD"

    /// Minor units per major unit; all four currencies use cents or pence.
    public var minorUnitsPerMajor: Int64 { 100 }
}

/// Lets `[Currency: …]` tables read and write as JSON objects keyed by currency code.
extension Currency: CodingKeyRepresentable {}
