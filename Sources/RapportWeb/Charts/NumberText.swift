import Foundation

extension SVGChart {
    /// Locale-independent number text: "." for decimals, "," between thousands, "-" for negatives.
    enum NumberText {
        /// The most fraction digits any number is shown with.
        static let maximumFractionDigits = 6

        /// `value` with exactly `fractionDigits` decimals, e.g. `fixed(1250.5, fractionDigits: 2)` is "1,250.50".
        static func fixed(_ value: Double, fractionDigits: Int, grouping: Bool = true) -> String {
            guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
            let digits = min(max(fractionDigits, 0), maximumFractionDigits)
            let scale = (0..<digits).reduce(1.0) { product, _ in product * 10 }
            let scaled = (abs(value) * scale).rounded()
            guard scaled < 9e15 else { return fixedBeyondInteger(value, grouping: grouping) }
            let units = Int64(scaled)
            let divisor = Int64(scale)
            let whole = String(units / divisor)
            var text = grouping ? grouped(whole) : whole
            if digits > 0 {
                let fraction = String(units % divisor)
                text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
            }
            return units == 0 || value > 0 ? text : "-" + text
        }

        /// `value` with up to `maximumFractionDigits` decimals and no trailing zeros, e.g. 42.50 → "42.5".
        static func trimmed(_ value: Double, maximumFractionDigits: Int, grouping: Bool = true) -> String {
            let text = fixed(value, fractionDigits: maximumFractionDigits, grouping: grouping)
            guard text.contains(".") else { return text }
            let withoutZeros = text.reversed().drop(while: { $0 == "0" })
            let withoutPoint = withoutZeros.first == "." ? withoutZeros.dropFirst() : withoutZeros
            return String(withoutPoint.reversed())
        }

        /// An SVG coordinate or length rounded to 0.1 px, e.g. 12.345 → "12.3" and 13.0 → "13".
        static func coordinate(_ value: Double) -> String {
            trimmed(value.isFinite ? value : 0, maximumFractionDigits: 1, grouping: false)
        }

        private static func grouped(_ digits: String) -> String {
            var result = ""
            for (offset, digit) in digits.enumerated() {
                if offset > 0, (digits.count - offset) % 3 == 0 { result += "," }
                result.append(digit)
            }
            return result
        }

        /// Numbers too large for `Int64` arithmetic are shown whole; charts of such values are not expected.
        private static func fixedBeyondInteger(_ value: Double, grouping: Bool) -> String {
            let digits = String(format: "%.0f", abs(value))
            let text = grouping ? grouped(digits) : digits
            return value < 0 ? "-" + text : text
        }
    }
}
