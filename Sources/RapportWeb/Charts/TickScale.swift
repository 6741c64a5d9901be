import Foundation

extension SVGChart {
    /// A value axis with "nice" ticks: steps of 1, 2, 2.5 or 5 × 10ⁿ, four to six ticks covering the data.
    ///
    /// Zero is always a tick when the domain spans it, because every tick is a whole multiple of the step.
    struct TickScale: Sendable, Equatable {
        /// The step mantissas a tick interval may use, smallest first.
        static let mantissas: [Double] = [1, 2, 2.5, 5]
        /// How many ticks an axis should have.
        static let preferredTickCounts = 4...6

        /// The bottom of the axis.
        let lower: Double
        /// The top of the axis.
        let upper: Double
        /// The distance between neighbouring ticks.
        let step: Double
        /// The tick values, ascending.
        let ticks: [Double]
        /// Decimals needed to tell the ticks apart, e.g. 1 for a step of 2.5 or 0.5.
        let fractionDigits: Int

        /// Values beyond this magnitude are clamped, so tick arithmetic can never overflow.
        static let largestMagnitude = 1e15

        /// An axis covering `values` (non-finite ones are ignored).
        ///
        /// - Parameters:
        ///   - includingZero: Stretch the axis to zero, as bar charts must.
        ///   - fixedDomain: Use exactly this domain (widened only if a value falls outside it); ticks are the nice
        ///     multiples inside it.
        ///   - wholeNumbersOnly: Use only whole-number steps, e.g. for counts of people, even if that means fewer
        ///     than four ticks.
        init(
            covering values: [Double],
            includingZero: Bool = false,
            fixedDomain: ClosedRange<Double>? = nil,
            wholeNumbersOnly: Bool = false
        ) {
            let finite = values.filter(\.isFinite).map(Self.clamped)
            let usableDomain = fixedDomain.flatMap { $0.lowerBound.isFinite && $0.upperBound.isFinite ? $0 : nil }
            if let fixed = usableDomain, fixed.lowerBound < fixed.upperBound {
                let lower = min(Self.clamped(fixed.lowerBound), finite.min() ?? fixed.lowerBound)
                let upper = max(Self.clamped(fixed.upperBound), finite.max() ?? fixed.upperBound)
                let (step, ticks) = Self.bestTicks(lower: lower, upper: upper, wholeNumbersOnly: wholeNumbersOnly) { step in
                    // Only the multiples inside the fixed domain.
                    ((lower / step.value - 1e-9).rounded(.up), (upper / step.value + 1e-9).rounded(.down))
                }
                self.init(lower: lower, upper: upper, step: step, ticks: ticks)
            } else {
                let (lower, upper) = Self.dataBounds(finite, includingZero: includingZero)
                let (step, ticks) = Self.bestTicks(lower: lower, upper: upper, wholeNumbersOnly: wholeNumbersOnly) { step in
                    // The multiples just outside the data; they become the domain.
                    ((lower / step.value + 1e-9).rounded(.down), (upper / step.value - 1e-9).rounded(.up))
                }
                self.init(lower: ticks.first ?? lower, upper: ticks.last ?? upper, step: step, ticks: ticks)
            }
        }

        private init(lower: Double, upper: Double, step: NiceStep, ticks: [Double]) {
            self.lower = lower
            self.upper = upper
            self.step = step.value
            self.ticks = ticks
            self.fractionDigits = step.fractionDigits
        }

        private static func clamped(_ value: Double) -> Double {
            min(max(value, -largestMagnitude), largestMagnitude)
        }

        /// The data's extent, stretched to zero if asked and widened when every value is the same.
        private static func dataBounds(_ values: [Double], includingZero: Bool) -> (lower: Double, upper: Double) {
            var lower = values.min() ?? 0
            var upper = values.max() ?? 1
            if includingZero {
                lower = min(lower, 0)
                upper = max(upper, 0)
            }
            guard lower == upper else { return (lower, upper) }
            // A flat series sits in the middle of an axis 10 % either side of it; a flat zero gets 0…1.
            let padding = abs(lower) * 0.1
            return padding == 0 ? (0, 1) : (lower - padding, upper + padding)
        }

        /// The smallest nice step giving four to six ticks, or failing that the one giving closest to five.
        ///
        /// - Parameter indexRange: The first and last multiple of a step to use as ticks.
        private static func bestTicks(
            lower: Double,
            upper: Double,
            wholeNumbersOnly: Bool,
            indexRange: (NiceStep) -> (first: Double, last: Double)
        ) -> (step: NiceStep, ticks: [Double]) {
            let span = upper - lower
            let magnitude = span > 0 ? Int(log10(span).rounded(.down)) : 0
            let smallest = wholeNumbersOnly ? max(magnitude - 2, 0) : magnitude - 2
            let candidates = (smallest...max(magnitude + 1, smallest)).flatMap { exponent in
                mantissas.map { NiceStep(mantissa: $0, exponent: exponent) }
            }
            .filter { !wholeNumbersOnly || $0.isWholeNumber }
            var closest: (step: NiceStep, first: Int, last: Int)?
            for candidate in candidates {
                let (first, last) = indexRange(candidate)
                let range = (step: candidate, first: Self.index(first), last: Self.index(last))
                let count = range.last - range.first + 1
                if preferredTickCounts.contains(count) {
                    return (candidate, (range.first...range.last).map(candidate.multiple))
                }
                if abs(count - 5) < closest.map({ abs($0.last - $0.first + 1 - 5) }) ?? .max {
                    closest = range
                }
            }
            guard let closest, closest.first <= closest.last else {
                let step = NiceStep(mantissa: 1, exponent: smallest)
                return (step, [lower, upper])
            }
            return (closest.step, (closest.first...closest.last).map(closest.step.multiple))
        }

        /// A tick index as an integer; inputs are clamped, so this only guards against arithmetic surprises.
        private static func index(_ value: Double) -> Int {
            Int(min(max(value, -1e17), 1e17))
        }
    }

    /// A tick interval written as mantissa × 10^exponent, so tick values are exact decimals (0.6, not 0.6000…1).
    struct NiceStep: Sendable, Equatable {
        /// One of `TickScale.mantissas`.
        let mantissa: Double
        /// The power of ten.
        let exponent: Int

        /// Whether every multiple of the step is a whole number.
        var isWholeNumber: Bool { fractionDigits == 0 }

        /// The step as a number.
        var value: Double { multiple(1) }

        /// Decimals a tick label needs: one more than the exponent implies when the mantissa is 2.5.
        var fractionDigits: Int { max(0, -exponent + (mantissa == 2.5 ? 1 : 0)) }

        /// The `index`-th multiple of the step, computed so it is the closest double to the exact decimal.
        func multiple(_ index: Int) -> Double {
            let units = Double(index) * mantissa
            let power = (0..<abs(exponent)).reduce(1.0) { product, _ in product * 10 }
            return exponent >= 0 ? units * power : units / power
        }
    }

    /// Maps values from a domain onto a pixel range, e.g. a y axis whose larger values sit higher up.
    struct LinearScale: Sendable, Equatable {
        /// The value drawn at `start`.
        let domainLower: Double
        /// The value drawn at `end`.
        let domainUpper: Double
        /// The pixel position of `domainLower`.
        let start: Double
        /// The pixel position of `domainUpper`.
        let end: Double

        /// A scale over `domain`, drawn from `start` to `end` (pass a larger start than end for a y axis).
        init(domain: ClosedRange<Double>, start: Double, end: Double) {
            domainLower = domain.lowerBound
            domainUpper = domain.upperBound
            self.start = start
            self.end = end
        }

        /// The pixel position of `value`.
        func position(of value: Double) -> Double {
            let span = domainUpper - domainLower
            guard span > 0 else { return (start + end) / 2 }
            return start + (value - domainLower) / span * (end - start)
        }
    }
}
