import Foundation

extension SVGChart {
    /// A key naming each series beside a sample of its line or bar, wrapped onto as many rows as it needs.
    struct Legend: Sendable {
        /// What each entry's sample looks like.
        enum Sample: Sendable {
            /// A short stretch of the series' dashed line.
            case line
            /// A small block of the series' bar fill.
            case bar
        }

        /// One series in the key.
        struct Entry: Sendable {
            /// The series name.
            let name: String
            /// How the series is drawn.
            let style: SeriesStyle
            /// For bar samples: the id of the fill pattern.
            let patternID: String
        }

        /// The height of one row of entries.
        static let rowHeight = 20.0
        /// Longest series name shown in full; longer ones are cut with "…".
        static let nameLimit = 32
        private static let sampleWidth = 24.0
        private static let sampleGap = 6.0
        private static let entryGap = 16.0

        /// The entries, in series order.
        let entries: [Entry]
        /// Whether samples are lines or bars.
        let sample: Sample

        /// The space the legend takes when laid out in `width`.
        func height(in width: Double) -> Double {
            Double(rows(in: width).count) * Self.rowHeight
        }

        /// Draws the legend with its top-left corner at (`x`, `y`).
        func write(into markup: inout Markup, x: Double, y: Double, width: Double) {
            markup.open("g", ["class": "chart-legend"])
            for (rowIndex, row) in rows(in: width).enumerated() {
                let middle = y + Double(rowIndex) * Self.rowHeight + Self.rowHeight / 2
                for (entry, offset) in row {
                    writeEntry(entry, into: &markup, x: x + offset, middle: middle)
                }
            }
            markup.close("g")
        }

        private func writeEntry(_ entry: Entry, into markup: inout Markup, x: Double, middle: Double) {
            switch sample {
            case .line:
                markup.empty("line", [
                    "x1": NumberText.coordinate(x), "y1": NumberText.coordinate(middle),
                    "x2": NumberText.coordinate(x + Self.sampleWidth), "y2": NumberText.coordinate(middle),
                    "stroke": entry.style.color, "stroke-width": "2", "stroke-dasharray": entry.style.dashArray,
                ])
            case .bar:
                markup.empty("rect", [
                    "x": NumberText.coordinate(x), "y": NumberText.coordinate(middle - 6),
                    "width": NumberText.coordinate(Self.sampleWidth), "height": "12",
                    "fill": entry.style.barFill(patternID: entry.patternID), "stroke": entry.style.color,
                ])
            }
            let label = SVGChart.truncated(entry.name, limit: Self.nameLimit)
            let attributes: KeyValuePairs = [
                "x": NumberText.coordinate(x + Self.sampleWidth + Self.sampleGap),
                "y": NumberText.coordinate(middle + 4),
            ]
            if label == entry.name {
                markup.element("text", attributes, text: label)
            } else {
                markup.element("text", attributes, text: label, tooltip: entry.name)
            }
        }

        /// Entries grouped into rows, each with its x offset, breaking a row before an entry that would overflow.
        private func rows(in width: Double) -> [[(Entry, Double)]] {
            var rows: [[(Entry, Double)]] = []
            var current: [(Entry, Double)] = []
            var offset = 0.0
            for entry in entries {
                let label = SVGChart.truncated(entry.name, limit: Self.nameLimit)
                let entryWidth = Self.sampleWidth + Self.sampleGap + Canvas.textWidth(label)
                if !current.isEmpty, offset + entryWidth > width {
                    rows.append(current)
                    current = []
                    offset = 0
                }
                current.append((entry, offset))
                offset += entryWidth + Self.entryGap
            }
            if !current.isEmpty { rows.append(current) }
            return rows
        }
    }
}
