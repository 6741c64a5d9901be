/// Dated exchange rates and pay-unit conversions, so a candidate's minimum in NZD per hour can be compared with a
/// job paying GBP per day.
///
/// Rates are units of each currency per one US dollar as of `asOf`. The firm can replace the shipped table (for
/// example with `rapport serve --match-config FILE`); comparisons say which table they used.
public struct ExchangeRates: Equatable, Sendable, Codable {
    public var asOf: LocalDate
    public var perUSD: [Currency: Double]
    /// Working hours in a day and working days in a year, for hour ↔ day ↔ week ↔ year conversions; a week is five
    /// working days and a month a twelfth of a year.
    public var hoursPerDay: Double
    public var daysPerYear: Double

    public init(asOf: LocalDate, perUSD: [Currency: Double], hoursPerDay: Double = 8, daysPerYear: Double = 220) {
        self.asOf = asOf
        self.perUSD = perUSD
        self.hoursPerDay = hoursPerDay
        self.daysPerYear = daysPerYear
    }

    enum CodingKeys: String, CodingKey { case asOf, perUSD, hoursPerDay, daysPerYear }

    /// `asOf` and `perUSD` are required (a rates table without its date or rates means nothing); working time defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        asOf = try container.decode(LocalDate.self, forKey: .asOf)
        perUSD = try container.decode([Currency: Double].self, forKey: .perUSD)
        hoursPerDay = try container.decodeIfPresent(Double.self, forKey: .hoursPerDay) ?? 8
        daysPerYear = try container.decodeIfPresent(Double.self, forKey: .daysPerYear) ?? 220
    }

    /// Mid-market rates of 1 November 2026, rounded; good enough for a deal-breaker with a margin, not for invoicing.
    public static let standard = ExchangeRates(
        asOf: LocalDate(year: 2026, month: 11, day: 1)!,
        perUSD: [.usd: 1, .gbp: 0.78, .nzd: 1.72, .hkd: 7.78, .eur: 0.92, .aud: 1.53, .cad: 1.39, .sgd: 1.33,
                 .inr: 84.5, .chf: 0.87]
    )

    /// `money` expressed in `currency` per `unit`, or nil when the table has no rate for one of the currencies.
    public func convert(_ money: Money, to currency: Currency, per unit: PayUnit) -> Money? {
        guard let from = perUSD[money.currency], let to = perUSD[currency], from > 0, to > 0 else { return nil }
        let perYear = Double(money.minorUnits) * unitsPerYear(money.unit)
        let converted = perYear / unitsPerYear(unit) / from * to
        return Money(minorUnits: Int64(converted.rounded()), currency: currency, unit: unit)
    }

    private func unitsPerYear(_ unit: PayUnit) -> Double {
        switch unit {
        case .hour: hoursPerDay * daysPerYear
        case .day: daysPerYear
        case .week: daysPerYear / 5
        case .month: 12
        case .year: 1
        }
    }

    /// Checks a configured table: every currency present, positive rates, sensible working time.
    public func validate() throws {
        var validator = Validator()
        for currency in Currency.allCases {
            guard let rate = perUSD[currency] else {
                validator.fail("rates.perUSD.\(currency.rawValue)", "is missing; give units of \(currency.rawValue) per US dollar")
                continue
            }
            if !(rate > 0 && rate.isFinite) {
                validator.fail("rates.perUSD.\(currency.rawValue)", "must be a positive number")
            }
        }
        if !(1...24).contains(hoursPerDay) {
            validator.fail("rates.hoursPerDay", "must be between 1 and 24")
        }
        if !(100...366).contains(daysPerYear) {
            validator.fail("rates.daysPerYear", "must be between 100 and 366")
        }
        try validator.check()
    }
}
