import Foundation

extension SVGChart {
    /// One named line: a value per x label, `nil` where there is no value (the line breaks there).
    struct Series: Sendable, Equatable {
        /// The name shown in the legend, tooltips and table, e.g. "Kotlin in UK".
        let name: String
        /// One value per x label; missing or non-finite values count as gaps.
        let values: [Double?]

        /// A series; values that are NaN or infinite are treated as gaps.
        init(name: String, values: [Double?]) {
            self.name = name
            self.values = values.map { value in value.flatMap { $0.isFinite ? $0 : nil } }
        }

        /// The value at `index`, or `nil` for a gap or an index past the end.
        func value(at index: Int) -> Double? {
            values.indices.contains(index) ? values[index] : nil
        }
    }

    /// Several named series over the same ordered x labels, such as median pay per month by skill and region,
    /// NPS per month, or the share of messages answered within the SLA.
    struct LineChart: Rendering {
        /// The `id` of the `<svg>`; make it unique on the page.
        let id: String
        /// The accessible name and table caption.
        let title: String
        /// The ordered x labels, e.g. months "2026-06" … "2026-11".
        let xLabels: [String]
        /// The lines, drawn in order.
        let series: [Series]
        /// How values appear on the y axis, in tooltips, the description and the table.
        let format: ValueFormat
        /// A y domain to keep, e.g. `-100...100` for NPS or `0...1` for a share; `nil` fits the data.
        let yDomain: ClosedRange<Double>?
        /// The heading of the table's first column.
        let xTitle: String
        /// The `viewBox` width.
        let width: Double
        /// The `viewBox` height.
        let height: Double
        private let customSummary: String?

        /// A line chart; see the properties for what each parameter means.
        ///
        /// - Parameter summary: The `<desc>` text; `nil` generates one such as
        ///   "Kotlin in UK rose from GBP 600 to GBP 650 between 2026-06 and 2026-11."
        init(
            id: String,
            title: String,
            xLabels: [String],
            series: [Series],
            format: ValueFormat = .number,
            yDomain: ClosedRange<Double>? = nil,
            xTitle: String = "Period",
            summary: String? = nil,
            width: Double = 640,
            height: Double = 280
        ) {
            self.id = id
            self.title = title
            self.xLabels = xLabels
            self.series = series
            self.format = format
            self.yDomain = yDomain
            self.xTitle = xTitle
            self.customSummary = summary
            self.width = width
            self.height = height
        }

        /// Whether any series has a value to draw.
        var hasData: Bool {
            series.contains { line in xLabels.indices.contains { line.value(at: $0) != nil } }
        }

        /// The plain-language description in `<desc>`: how each series moved from its first value to its last.
        var summary: String {
            if let customSummary { return customSummary }
            guard hasData else { return SVGChart.noDataMessage + "." }
            return series.map(sentence(for:)).joined(separator: " ")
        }

        /// The y axis: nice ticks over all values, or within `yDomain` when one is given; whole-number steps when
        /// every value is whole.
        var yScale: TickScale {
            let values = series.flatMap { line in xLabels.indices.compactMap(line.value(at:)) }
            let wholeNumbers = !format.needsFractionalTicks && values.allSatisfy { $0 == $0.rounded() }
            return TickScale(covering: values, fixedDomain: yDomain, wholeNumbersOnly: wholeNumbers)
        }

        /// Where the plot area sits inside the `viewBox`.
        var layout: LineChartLayout {
            LineChartLayout(chart: self, canvas: canvas)
        }

        /// The chart as an accessible, responsive `<svg>`.
        func svg() -> String {
            guard hasData else { return canvas.renderMessage(SVGChart.noDataMessage) }
            let layout = self.layout
            return canvas.render { markup in
                layout.legend.write(into: &markup, x: LineChartLayout.padding, y: LineChartLayout.padding,
                                    width: canvas.width - 2 * LineChartLayout.padding)
                layout.writeAxes(into: &markup)
                for (index, line) in series.enumerated() {
                    layout.writeSeries(line, style: Palette.style(at: index), into: &markup)
                }
            }
        }

        /// The same data as an HTML table: a row per x label, a column per series.
        func tableHTML() -> String {
            let rows = hasData
                ? xLabels.indices.map { index in
                    DataTable.Row(
                        header: xLabels[index],
                        cells: series.map { $0.value(at: index).map(format.string(for:)) ?? SVGChart.missingValueText }
                    )
                }
                : []
            let table = DataTable(
                caption: title,
                columnHeaders: [xTitle] + series.map(\.name),
                rows: rows,
                id: canvas.id + "-table"
            )
            return table.html()
        }

        private var canvas: Canvas {
            Canvas(id: id, title: title, summary: summary, width: width, height: height)
        }

        private func sentence(for line: Series) -> String {
            let points = xLabels.indices.compactMap { index in line.value(at: index).map { (xLabels[index], $0) } }
            guard let first = points.first, let last = points.last else {
                return "\(line.name): \(SVGChart.missingValueText.lowercased())."
            }
            let from = format.string(for: first.1)
            let to = format.string(for: last.1)
            if points.count == 1 {
                return "\(line.name) was \(from) in \(first.0)."
            }
            if from == to {
                return "\(line.name) was \(from) in both \(first.0) and \(last.0)."
            }
            let movement = last.1 > first.1 ? "rose" : "fell"
            return "\(line.name) \(movement) from \(from) to \(to) between \(first.0) and \(last.0)."
        }
    }
}
