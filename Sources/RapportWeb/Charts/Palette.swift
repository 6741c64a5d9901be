import Foundation

extension SVGChart {
    /// Colours and patterns that tell series apart; each colour has at least 3:1 contrast on white, and every series
    /// also gets its own dash pattern (lines) or fill pattern (bars) so colour is never the only cue.
    enum Palette {
        /// Blue, vermilion, green, purple, ochre, slate.
        static let colors = ["#1f63b5", "#c2410c", "#2e7d32", "#7b3fa8", "#9a6700", "#4d5b6a"]
        /// Solid, dashed, dotted, dash-dot, long dash, dash-dot-dot; "" means solid.
        static let dashArrays = ["", "8 4", "2 3", "10 3 2 3", "16 4", "8 3 2 3 2 3"]
        /// Stripe angles for bar fills; `nil` is solid, and the last pattern is a cross-hatch.
        static let stripeAngles: [Double?] = [nil, 45, -45, 0, 90, 45]

        /// Text, axes and the zero line: dark grey.
        static let ink = "#374151"
        /// Secondary text such as "No data" labels: mid grey, still 4.5:1 on white.
        static let mutedInk = "#4b5563"
        /// Gridlines, which are decoration and need no contrast.
        static let grid = "#e5e7eb"
        /// The empty part of a score bar.
        static let track = "#e5e7eb"

        /// The look of the series at `index`; after 36 series the combinations repeat.
        static func style(at index: Int) -> SeriesStyle {
            let count = colors.count
            let colorIndex = index % count
            // Shift the pattern once per lap through the colours so that colour and pattern never repeat together.
            let patternIndex = (index + index / count) % count
            return SeriesStyle(
                color: colors[colorIndex],
                dashArray: dashArrays[patternIndex],
                patternIndex: patternIndex
            )
        }
    }

    /// How one series is drawn.
    struct SeriesStyle: Sendable, Equatable {
        /// Stroke or fill colour, as `#rrggbb`.
        let color: String
        /// `stroke-dasharray` for lines; empty for solid.
        let dashArray: String
        /// Which stripe pattern bars use; 0 is solid.
        let patternIndex: Int

        /// Whether bars in this style are a plain fill rather than a pattern.
        var isSolidFill: Bool { Palette.stripeAngles[patternIndex] == nil }

        /// The `fill` attribute for a bar: the colour itself, or a reference to this chart's pattern.
        func barFill(patternID: String) -> String {
            isSolidFill ? color : "url(#\(patternID))"
        }

        /// A `<pattern>` definition of white stripes over the colour, for use inside `<defs>`.
        func writePatternDefinition(id: String, into markup: inout Markup) {
            guard let angle = Palette.stripeAngles[patternIndex] else { return }
            let isCrossHatch = patternIndex == Palette.stripeAngles.count - 1
            markup.open("pattern", [
                "id": id, "width": "6", "height": "6", "patternUnits": "userSpaceOnUse",
                "patternTransform": "rotate(\(NumberText.coordinate(angle)))",
            ])
            markup.empty("rect", ["width": "6", "height": "6", "fill": color])
            markup.empty("rect", ["width": "2", "height": "6", "fill": "#ffffff", "fill-opacity": "0.55"])
            if isCrossHatch {
                markup.empty("rect", ["width": "6", "height": "2", "fill": "#ffffff", "fill-opacity": "0.55"])
            }
            markup.close("pattern")
        }
    }
}
