import Foundation

extension SVGChart {
    /// Where a bar chart's legend, category labels, bars and value axis go.
    struct BarChartLayout: Sendable {
        /// Space kept clear around the edges of the chart.
        static let padding = 8.0
        /// Thickness of one bar.
        static let barHeight = 14.0
        /// Space between the bars of one category.
        static let barGap = 2.0
        /// Space above and below each category's group of bars.
        static let groupPadding = 8.0
        /// Height of the band under the bars holding the axis labels.
        static let axisBand = 28.0
        /// Longest category label shown in full; longer ones are cut with "…".
        static let categoryLabelLimit = 20
        /// Font size of the value printed at the end of each bar.
        static let valueFontSize = 11.0

        /// The series key above the bars.
        let legend: Legend
        /// The value axis ticks and domain.
        let scale: TickScale
        /// Maps values to x positions.
        let x: LinearScale
        /// The top of the first group of bars.
        let plotTop: Double
        /// The height of one category's group, padding included.
        let rowHeight: Double
        /// The total `viewBox` height.
        let height: Double
        private let chart: BarChart
        private let canvasID: String
        private let labelRight: Double
        private let width: Double

        /// Lays out `chart`, whose `<svg>` has the id `canvasID`.
        init(chart: BarChart, canvasID: String) {
            self.chart = chart
            self.canvasID = canvasID
            let padding = Self.padding
            width = max(chart.width.isFinite ? chart.width : 640, Canvas.minimumWidth)
            scale = chart.xScale
            legend = Legend(
                entries: chart.seriesNames.enumerated().map { index, name in
                    Legend.Entry(name: name, style: Palette.style(at: index), patternID: Self.patternID(canvasID, index))
                },
                sample: .bar
            )
            plotTop = padding + legend.height(in: width - 2 * padding) + 8
            let barCount = Double(max(chart.seriesNames.count, 1))
            rowHeight = barCount * Self.barHeight + (barCount - 1) * Self.barGap + 2 * Self.groupPadding
            height = plotTop + Double(chart.categories.count) * rowHeight + Self.axisBand

            let labels = chart.categories.map { SVGChart.truncated($0.label, limit: Self.categoryLabelLimit) }
            labelRight = padding + (labels.map { Canvas.textWidth($0) }.max() ?? 0)
            let values = chart.categories.flatMap { category in chart.seriesNames.indices.compactMap(category.value(at:)) }
            let valueWidth = { (value: Double) in Canvas.textWidth(chart.format.string(for: value), fontSize: Self.valueFontSize) + 6 }
            // Value labels sit beyond the bar's end, so leave room for them on the side the bars grow towards.
            let leftRoom = values.filter { $0 < 0 }.map(valueWidth).max() ?? 0
            let rightRoom = max(values.filter { $0 >= 0 }.map(valueWidth).max() ?? 0, Canvas.textWidth(SVGChart.missingValueText))
            let tickRoom = Canvas.textWidth(chart.format.axisLabel(for: scale.upper, scale: scale)) / 2
            x = LinearScale(
                domain: scale.lower...scale.upper,
                start: labelRight + 8 + leftRoom,
                end: width - padding - max(rightRoom, tickRoom)
            )
        }

        /// The id of the fill pattern for the series at `index`.
        static func patternID(_ canvasID: String, _ index: Int) -> String {
            "\(canvasID)-fill-\(index)"
        }

        /// The top edge of a bar.
        func barTop(category: Int, series: Int) -> Double {
            plotTop + Double(category) * rowHeight + Self.groupPadding + Double(series) * (Self.barHeight + Self.barGap)
        }

        /// Pattern definitions, legend, gridlines with value labels, then each category's label and bars.
        func write(into markup: inout Markup) {
            writePatterns(into: &markup)
            legend.write(into: &markup, x: Self.padding, y: Self.padding, width: width - 2 * Self.padding)
            writeAxis(into: &markup)
            for (index, category) in chart.categories.enumerated() {
                writeCategory(category, at: index, into: &markup)
            }
        }

        private func writePatterns(into markup: inout Markup) {
            let styles = chart.seriesNames.indices.map { Palette.style(at: $0) }
            guard styles.contains(where: { !$0.isSolidFill }) else { return }
            markup.open("defs")
            for (index, style) in styles.enumerated() {
                style.writePatternDefinition(id: Self.patternID(canvasID, index), into: &markup)
            }
            markup.close("defs")
        }

        private func writeAxis(into markup: inout Markup) {
            let plotBottom = plotTop + Double(chart.categories.count) * rowHeight
            markup.open("g", ["class": "chart-axis chart-x-axis"])
            for tick in scale.ticks {
                let position = NumberText.coordinate(x.position(of: tick))
                markup.empty("line", [
                    "x1": position, "x2": position,
                    "y1": NumberText.coordinate(plotTop), "y2": NumberText.coordinate(plotBottom),
                    "stroke": Palette.grid,
                ])
                markup.element("text", [
                    "x": position, "y": NumberText.coordinate(plotBottom + 18), "text-anchor": "middle",
                ], text: chart.format.axisLabel(for: tick, scale: scale))
            }
            let zero = NumberText.coordinate(x.position(of: 0))
            markup.empty("line", [
                "class": "chart-zero-line",
                "x1": zero, "x2": zero,
                "y1": NumberText.coordinate(plotTop), "y2": NumberText.coordinate(plotBottom),
                "stroke": Palette.ink, "stroke-width": "1.5",
            ])
            markup.close("g")
        }

        private func writeCategory(_ category: BarChart.Category, at row: Int, into markup: inout Markup) {
            markup.open("g", ["class": "chart-category"])
            let middle = plotTop + (Double(row) + 0.5) * rowHeight
            let shown = SVGChart.truncated(category.label, limit: Self.categoryLabelLimit)
            let attributes: KeyValuePairs = [
                "x": NumberText.coordinate(labelRight), "y": NumberText.coordinate(middle + 4), "text-anchor": "end",
            ]
            if shown == category.label {
                markup.element("text", attributes, text: shown)
            } else {
                markup.element("text", attributes, text: shown, tooltip: category.label)
            }
            for (series, name) in chart.seriesNames.enumerated() {
                writeBar(category.value(at: series), category: category.label, series: series, name: name, row: row, into: &markup)
            }
            markup.close("g")
        }

        private func writeBar(
            _ value: Double?,
            category: String,
            series: Int,
            name: String,
            row: Int,
            into markup: inout Markup
        ) {
            let top = barTop(category: row, series: series)
            let baseline = x.position(of: 0)
            let textY = NumberText.coordinate(top + Self.barHeight / 2 + 4)
            let valueFontSize = NumberText.coordinate(Self.valueFontSize)
            guard let value else {
                markup.element("text", [
                    "x": NumberText.coordinate(baseline + 4), "y": textY, "font-size": valueFontSize, "fill": Palette.mutedInk,
                ], text: SVGChart.missingValueText, tooltip: "\(category), \(name): \(SVGChart.missingValueText)")
                return
            }
            let end = x.position(of: value)
            let style = Palette.style(at: series)
            let text = chart.format.string(for: value)
            markup.element("rect", [
                "class": "chart-bar",
                "x": NumberText.coordinate(min(baseline, end)), "y": NumberText.coordinate(top),
                "width": NumberText.coordinate(abs(end - baseline)), "height": NumberText.coordinate(Self.barHeight),
                "fill": style.barFill(patternID: Self.patternID(canvasID, series)), "stroke": style.color,
            ], text: "", tooltip: "\(category), \(name): \(text)")
            markup.element("text", [
                "class": "chart-value",
                "x": NumberText.coordinate(value < 0 ? end - 4 : end + 4), "y": textY,
                "text-anchor": value < 0 ? "end" : "start", "font-size": valueFontSize,
            ], text: text)
        }
    }
}
