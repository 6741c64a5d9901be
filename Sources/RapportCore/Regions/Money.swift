/// What an amount of pay is per: an hourly, daily or weekly contract rate, or a monthly or yearly salary.
public enum PayUnit: String, CaseIterable, Codable, Sendable {
    case hour
    case day
    case week
    case month
    case year
}

/// An amount of pay: integer minor units (cents, pence) so sums never drift, with its currency and unit.
public struct Money: Hashable, Sendable {
    public var minorUnits: Int64
    public var currency: Currency
    public var unit: PayUnit

    public init(minorUnits: Int64, currency: Currency, unit: PayUnit) {
        self.minorUnits = minorUnits
        self.currency = currency
        self.unit = unit
    }

    /// A whole amount in major units: `Money(major: 120_000, .usd, per: .year)`.
    public init(major: Int64, _ currency: Currency, per unit: PayUnit) {
        self.init(minorUnits: major * currency.minorUnitsPerMajor, currency: currency, unit: unit)
    }

    func validate(_ validator: inout Validator) {
        validator.range("minorUnits", minorUnits, 0...10_000_000_000_00, "must be between 0 and 1000000000000 minor units")
    }
}

/// A job's pay band; both ends share a currency and unit.
public struct PayRange: Hashable, Sendable {
    public var minimum: Money
    public var maximum: Money

    public init(minimum: Money, maximum: Money) {
        self.minimum = minimum
        self.maximum = maximum
    }

    func validate(_ validator: inout Validator) {
        validator.nested("minimum") { minimum.validate(&$0) }
        validator.nested("maximum") { maximum.validate(&$0) }
        if minimum.currency != maximum.currency {
            validator.fail("maximum.currency", "must match minimum.currency (\(minimum.currency.rawValue))")
        } else if minimum.unit != maximum.unit {
            validator.fail("maximum.unit", "must match minimum.unit (\(minimum.unit.rawValue))")
        } else if minimum.minorUnits > maximum.minorUnits {
            validator.fail("minimum", "must not be more than maximum")
        }
    }
}
