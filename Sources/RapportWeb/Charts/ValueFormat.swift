import Foundation

extension SVGChart {
    /// How a chart shows its values, on axes, beside bars, in descriptions and in the data table.
    enum ValueFormat: Sendable {
        /// Plain numbers: "1,250" or "42.5".
        case number
        /// Fractions as percentages: 0.873 → "87.3%".
        case percent
        /// Amounts prefixed with an ISO 4217 code: 650 → "GBP 650".
        case currency(code: String)
        /// Any other presentation; used for axis ticks as well as values.
        case custom(@Sendable (Double) -> String)

        /// Whether whole-number data can still need fractional ticks, as with percentages of 0 and 1.
        var needsFractionalTicks: Bool {
            if case .percent = self { return true }
            return false
        }

        /// A data value, with as few decimals as it needs (at most two, or one for percentages).
        func string(for value: Double) -> String {
            switch self {
            case .number:
                NumberText.trimmed(value, maximumFractionDigits: 2)
            case .percent:
                NumberText.trimmed(value * 100, maximumFractionDigits: 1) + "%"
            case .currency(let code):
                Self.currency(value, code: code, fractionDigits: value.rounded() == value ? 0 : 2)
            case .custom(let format):
                format(value)
            }
        }

        /// An axis tick, with exactly the decimals its tick step needs so that neighbouring labels line up.
        func axisLabel(for value: Double, scale: TickScale) -> String {
            switch self {
            case .number:
                NumberText.fixed(value, fractionDigits: scale.fractionDigits)
            case .percent:
                NumberText.fixed(value * 100, fractionDigits: max(scale.fractionDigits - 2, 0)) + "%"
            case .currency(let code):
                Self.currency(value, code: code, fractionDigits: scale.fractionDigits)
            case .custom(let format):
                format(value)
            }
        }

        private static func currency(_ value: Double, code: String, fractionDigits: Int) -> String {
            "\(code) \(NumberText.fixed(value, fractionDigits: fractionDigits))"
        }
    }
}
