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

    /// The country the desk is in, ISO 3166-1 alpha-2: "GB" for the UK desk.
    public var country: String {
        switch self {
        case .us: "US"
        case .uk: "GB"
        case .nz: "NZ"
        case .hk: "HK"
        }
    }

    /// The desk in `country`, when the firm has one there.
    public init?(country: String) {
        guard let region = Self.allCases.first(where: { $0.country == country }) else { return nil }
        self = region
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

/// ISO 4217 currencies pay is stated in: the four regions' own, and those real postings and people name most.
public enum Currency: String, CaseIterable, Codable, Sendable {
    case usd = "USD"
    case gbp = "GBP"
    case nzd = "NZD"
    case hkd = "HKD"
    case eur = "EUR"
    case aud = "AUD"
    case cad = "CAD"
    case sgd = "SGD"
    case inr = "INR"
    case chf = "CHF"

    /// Minor units per major unit; every currency here has cents, pence, paise or rappen at a hundred to one.
    public var minorUnitsPerMajor: Int64 { 100 }
}

/// Lets `[Currency: …]` tables read and write as JSON objects keyed by currency code.
extension Currency: CodingKeyRepresentable {}
